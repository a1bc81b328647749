/** Wall-clock times in an event's zone, across daylight-saving changes. */
import { describe, expect, it } from 'vitest';
import { instantOf, localOf, timeZones } from './time.js';

describe('event times', () => {
  it('reads a wall-clock time in the event’s zone, summer and winter', () => {
    expect((instantOf('2026-07-01T10:00', 'Europe/Tallinn') as Date).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect((instantOf('2026-12-01T10:00', 'Europe/Tallinn') as Date).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect((instantOf('2026-12-01T10:00', 'Europe/London') as Date).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('keeps an event across the October change 25 hours long and shows its end at the wall-clock time given', () => {
    const start = instantOf('2026-10-24T12:00', 'Europe/Rome') as Date;
    const end = instantOf('2026-10-25T12:00', 'Europe/Rome') as Date;
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(25);
    expect(localOf(end, 'Europe/Rome')).toBe('2026-10-25T12:00');
  });

  it('refuses a time that clocks skip in spring, and reads a repeated autumn time in standard time', () => {
    expect(instantOf('2026-03-29T02:30', 'Europe/Rome')).toBe('nonexistent');
    expect((instantOf('2026-10-25T02:30', 'Europe/Rome') as Date).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(instantOf('2026-02-30T10:00', 'Europe/Rome')).toBe('invalid');
    expect(instantOf('tomorrow', 'Europe/Rome')).toBe('invalid');
  });

  it('calls an hour of 25, 24:00 and minute 60 invalid times, not a daylight-saving gap', () => {
    for (const local of ['2026-05-01T25:00', '2026-05-01T24:00', '2026-05-01T10:60', '2026-03-29T24:00'])
      expect(instantOf(local, 'Europe/Rome'), local).toBe('invalid');
  });

  it('refuses years outside 1900 to 2100', () => {
    expect(instantOf('0001-05-01T10:00', 'Europe/Rome')).toBe('out_of_range');
    expect(instantOf('9999-05-01T10:00', 'Europe/Rome')).toBe('out_of_range');
    expect(instantOf('1900-01-01T00:00', 'UTC')).toEqual(new Date('1900-01-01T00:00:00Z'));
  });

  it('offers the European zones and UTC', () => {
    expect(timeZones).toEqual(expect.arrayContaining(['UTC', 'Europe/Rome', 'Europe/Tallinn', 'Europe/Budapest', 'Europe/London', 'Europe/Stockholm']));
  });
});
