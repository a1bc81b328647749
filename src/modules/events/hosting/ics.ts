/**
 * Events as iCalendar (RFC 5545): one file per event, the feeds of a programme or a partner, and the file attached
 * to a confirmation. Times are written in the event's own zone with its VTIMEZONE, so calendars show them right
 * across daylight-saving changes.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { camelCased, type SnakeCased } from '../../../core/db/rows.js';
import { inZone } from '../time.js';
import { vtimezoneBlock, yearsByZone } from './vtimezone.js';

export interface CalendarEvent {
  id: number;
  title: string;
  description: string;
  venue: string;
  onlineUrl: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
}

/** An event's row as a calendar entry: only the columns a calendar shows, whatever else the row holds. */
export function calendarEventOf(row: SnakeCased<CalendarEvent>): CalendarEvent {
  const { id, title, description, venue, online_url, time_zone, starts_at, ends_at, updated_at } = row;
  return camelCased({ id, title, description, venue, online_url, time_zone, starts_at, ends_at, updated_at });
}

export interface CalendarOptions {
  name: string;
  publicUrl: string;
  /** A confirmation carries the online link; public feeds do not (it is for registered people). */
  withOnlineLink: boolean;
  /** REQUEST for an invitation a calendar should add; PUBLISH (the default) for a feed. */
  method?: 'publish' | 'request';
}

function uidOf(eventId: number, publicUrl: string): string {
  return `event-${eventId}@${new URL(publicUrl).hostname}`;
}

export function calendarOf(events: CalendarEvent[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'BETTER', product: 'BETTER platform', language: 'EN' },
    method: options.method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
  });
  // Each zone an event uses gets its VTIMEZONE from the IANA data, for the years its events use.
  const years = yearsByZone(events);
  calendar.timezone({
    name: null,
    generator: (zone) => {
      const span = years.get(zone);
      return span ? vtimezoneBlock(zone, span.first, span.last) : null;
    },
  });
  for (const event of events) {
    const url = `${options.publicUrl}/events/${event.id}`;
    const online = options.withOnlineLink && event.onlineUrl ? event.onlineUrl : null;
    calendar.createEvent({
      id: uidOf(event.id, options.publicUrl),
      stamp: DateTime.utc(),
      lastModified: DateTime.fromJSDate(event.updatedAt, { zone: 'utc' }),
      start: inZone(event.startsAt, event.timeZone),
      end: inZone(event.endsAt, event.timeZone),
      timezone: event.timeZone,
      summary: event.title,
      description: [event.description, online ? `Online: ${online}` : '', url].filter(Boolean).join('\n\n'),
      location: event.venue || online || null,
      url,
    });
  }
  // ical-generator leaves the last line without its CRLF, which RFC 5545 requires.
  return `${calendar.toString()}\r\n`;
}
