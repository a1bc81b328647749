/**
 * VTIMEZONE blocks (RFC 5545 3.6.5) written from the IANA data the runtime carries, for the years a calendar's events
 * fall in. A ready-made block library gave several zones another zone's block under that zone's name (Europe/Berlin
 * for Stockholm), which strict clients refuse; writing each transition from the same data that turned the host's
 * wall-clock time into an instant means a calendar shows exactly the time the host typed, in every zone offered.
 */
import { DateTime, IANAZone } from 'luxon';

interface Transition {
  /** The first instant of the new offset, in milliseconds. */
  at: number;
  fromSeconds: number;
  toSeconds: number;
}

const dayMs = 86_400_000;
const transitionsOfYear = new Map<string, Transition[]>();

/** Offsets in seconds: a few zones' offsets before 1940 were not whole minutes (Amsterdam's was +00:19:32). */
function offsetSeconds(zone: IANAZone, at: number): number {
  return Math.round(zone.offset(at) * 60);
}

/** The instants of a UTC year at which the zone's offset changes: found day by day, then to the second. */
function transitionsIn(zoneName: string, year: number): Transition[] {
  const key = `${zoneName} ${year}`;
  const known = transitionsOfYear.get(key);
  if (known) return known;
  const zone = IANAZone.create(zoneName);
  const found: Transition[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let day = Date.UTC(year, 0, 1); day < end; day += dayMs) {
    const fromSeconds = offsetSeconds(zone, day);
    const toSeconds = offsetSeconds(zone, day + dayMs);
    if (fromSeconds === toSeconds) continue;
    let before = day;
    let after = day + dayMs;
    while (after - before > 1000) {
      const middle = before + Math.floor((after - before) / 2000) * 1000;
      if (offsetSeconds(zone, middle) === fromSeconds) before = middle;
      else after = middle;
    }
    found.push({ at: after, fromSeconds, toSeconds });
  }
  transitionsOfYear.set(key, found);
  return found;
}

function utcOffset(seconds: number): string {
  const magnitude = Math.abs(seconds);
  const parts = [Math.floor(magnitude / 3600), Math.floor((magnitude % 3600) / 60), magnitude % 60].map((part) => String(part).padStart(2, '0'));
  return `${seconds < 0 ? '-' : '+'}${parts[0]}${parts[1]}${parts[2] === '00' ? '' : parts[2]}`;
}

/** The wall-clock time at an instant under an offset, as a DATE-TIME without zone ('19961027T030000'). */
function localTimeAt(at: number, offset: number): string {
  return new Date(at + offset * 1000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function observance(zoneName: string, at: number, fromSeconds: number, toSeconds: number): string[] {
  const time = DateTime.fromMillis(at, { zone: zoneName }).setLocale('en-GB');
  const kind = time.isInDST ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${localTimeAt(at, fromSeconds)}`,
    `TZOFFSETFROM:${utcOffset(fromSeconds)}`,
    `TZOFFSETTO:${utcOffset(toSeconds)}`,
    `TZNAME:${time.toFormat('ZZZZ')}`,
    `END:${kind}`,
  ];
}

/**
 * The zone's VTIMEZONE from the start of the first UTC year to the end of the last one: the offset in force at the
 * start, then one observance per change. Events are single occurrences, so the block covers the years they use.
 */
export function vtimezoneBlock(zoneName: string, firstYear: number, lastYear: number): string {
  const start = Date.UTC(firstYear, 0, 1);
  const initial = offsetSeconds(IANAZone.create(zoneName), start);
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${zoneName}`, ...observance(zoneName, start, initial, initial)];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const transition of transitionsIn(zoneName, year)) lines.push(...observance(zoneName, transition.at, transition.fromSeconds, transition.toSeconds));
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** For each zone the events use, the UTC years their instants fall in. */
export function yearsByZone(events: { timeZone: string; startsAt: Date; endsAt: Date }[]): Map<string, { first: number; last: number }> {
  const years = new Map<string, { first: number; last: number }>();
  for (const event of events) {
    const span = years.get(event.timeZone) ?? { first: event.startsAt.getUTCFullYear(), last: event.endsAt.getUTCFullYear() };
    years.set(event.timeZone, { first: Math.min(span.first, event.startsAt.getUTCFullYear()), last: Math.max(span.last, event.endsAt.getUTCFullYear()) });
  }
  return years;
}
