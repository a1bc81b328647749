/**
 * Every time zone the event form offers gives calendars that the shared iCalendar validator accepts, whose VTIMEZONE
 * carries that zone's own name, and which a calendar library (ical.js, the validator's) reads back to the very
 * instants the host meant: in winter, in summer, and in a year before the zone's current rules.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWith } from '../../../core/testing/standards.js';
import { standardsDirectory } from '../../../core/testing/standards-setup.js';
import { calendarOf, type CalendarEvent } from './ics.js';
import { instantOf, timeZones } from '../time.js';

interface IcalTime {
  toUnixTime(): number;
}
interface IcalComponent {
  getAllSubcomponents(name: string): IcalComponent[];
  getFirstPropertyValue(name: string): unknown;
  getFirstProperty(name: string): { getFirstValue(): IcalTime } | null;
}
interface IcalLibrary {
  parse(text: string): unknown;
  Component: new (jcal: unknown) => IcalComponent;
  TimezoneService: { register(component: IcalComponent): void; reset(): void };
}

let directory: string;
let ical: IcalLibrary;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'better-zones-'));
  const entry = createRequire(path.join(standardsDirectory, 'package.json')).resolve('ical.js');
  ical = ((await import(pathToFileURL(entry).href)) as { default: IcalLibrary }).default;
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

const wallClockTimes = ['2027-01-15T10:00', '2027-07-15T10:00', '1979-07-15T10:00'];

function eventsIn(zone: string): CalendarEvent[] {
  return wallClockTimes.map((local, index) => {
    const startsAt = instantOf(local, zone);
    if (!(startsAt instanceof Date)) throw new Error(`${local} is not a time in ${zone}`);
    return {
      id: index + 1,
      title: `Event at ${local} in ${zone}`,
      description: '',
      venue: 'Town hall',
      onlineUrl: null,
      timeZone: zone,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      updatedAt: startsAt,
    };
  });
}

describe('calendar time zones', () => {
  it('offers the zones a partner may need, Gävle’s among them', () => {
    expect(timeZones).toEqual(
      expect.arrayContaining([
        'UTC',
        'Europe/Stockholm',
        'Europe/Amsterdam',
        'Europe/Bratislava',
        'Europe/Copenhagen',
        'Europe/Ljubljana',
        'Europe/Luxembourg',
        'Europe/Oslo',
        'Europe/Zagreb',
      ]),
    );
  });

  it.each(timeZones.map((zone) => [zone]))('gives %s calendars that validate and that calendar programs put at the times the host typed', async (zone) => {
    const events = eventsIn(zone);
    const text = calendarOf(events, { name: zone, publicUrl: 'http://better.test', withOnlineLink: false });
    const file = path.join(directory, `${zone.replace('/', '-')}.ics`);
    await writeFile(file, text);
    const verdict = validateWith('validate-ics.mjs', file);
    expect(verdict.conforms, verdict.report).toBe(true);

    const calendar = new ical.Component(ical.parse(text));
    const zonesDefined = calendar.getAllSubcomponents('vtimezone').map((block) => block.getFirstPropertyValue('tzid'));
    expect(zonesDefined.filter((name) => name !== zone)).toEqual([]);
    ical.TimezoneService.reset();
    for (const block of calendar.getAllSubcomponents('vtimezone')) ical.TimezoneService.register(block);
    const instants = calendar.getAllSubcomponents('vevent').map((event) => event.getFirstProperty('dtstart')?.getFirstValue().toUnixTime());
    expect(instants).toEqual(events.map((event) => event.startsAt.getTime() / 1000));
  });
});
