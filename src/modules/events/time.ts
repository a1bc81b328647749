/**
 * An event's times are given and shown in its own time zone (a study visit in Tartu at 10:00 Tallinn time), and
 * stored as instants. Luxon does the zone arithmetic, daylight-saving changes included.
 */
import { DateTime } from 'luxon';
import { formattingLocale } from '../../core/i18n/i18n.js';
import type { Locale } from '../../core/i18n/locales.js';
import { isValidIsoDate, isWithinDateYears } from '../../core/validation/fields.js';

/** The zones offered: Europe's, and UTC for events that belong nowhere (an online series). */
export const timeZones: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone.startsWith('Europe/'))];

const localPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

export type LocalTimeProblem = 'invalid' | 'out_of_range' | 'nonexistent';

/**
 * What is wrong with a wall-clock time in any zone: not a real date and time (hour 25, 24:00, minute 60, 31 April),
 * or outside the years the platform accepts. A daylight-saving gap depends on the zone and is instantOf's to find.
 */
export function wallClockProblem(local: string): Exclude<LocalTimeProblem, 'nonexistent'> | null {
  const match = localPattern.exec(local);
  if (!match || !isValidIsoDate(match[1] as string) || Number(match[2]) > 23 || Number(match[3]) > 59) return 'invalid';
  return isWithinDateYears(local) ? null : 'out_of_range';
}

/**
 * The instant of a wall-clock time ('2026-10-25T02:30') in a zone. A time skipped when clocks go forward does not
 * exist and is refused; a time repeated when they go back is read in standard time (its second occurrence).
 */
export function instantOf(local: string, zone: string): Date | LocalTimeProblem {
  const problem = wallClockProblem(local);
  if (problem) return problem;
  const time = DateTime.fromISO(local, { zone });
  if (!time.isValid) return 'invalid';
  if (time.toFormat("yyyy-MM-dd'T'HH:mm") !== local) return 'nonexistent';
  return time.toJSDate();
}

/** The wall-clock time of an instant in a zone, as a datetime-local field shows it. */
export function localOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** The instant as a luxon time in the zone (for calendar files). */
export function inZone(instant: Date, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone });
}

/**
 * When an event takes place, in its own zone and the reader's language: "Friday 30 January 2026, 09:00 – 17:00
 * CET", or both dates when it spans days.
 */
export function formatEventTime(starts: Date, ends: Date, zone: string, locale: Locale): string {
  const start = DateTime.fromJSDate(starts, { zone }).setLocale(formattingLocale[locale]);
  const end = DateTime.fromJSDate(ends, { zone }).setLocale(formattingLocale[locale]);
  const sameDay = start.hasSame(end, 'day');
  const startText = start.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const endText = sameDay
    ? end.toLocaleString({ hour: '2-digit', minute: '2-digit' })
    : end.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return `${startText} – ${endText} ${end.toFormat('ZZZZ')}`;
}
