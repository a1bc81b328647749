/** Events as JSON, in the shapes api.ts describes. */
import type { EventDocument, EventListDocument } from './api.js';
import type { Event, EventSummary } from './service.js';

export function eventDocument(event: Event, publicUrl: string): EventDocument {
  return {
    id: event.id,
    url: `${publicUrl}/events/${event.id}`,
    calendarUrl: `${publicUrl}/events/${event.id}.ics`,
    type: event.type,
    title: event.title,
    description: event.description,
    themeCode: event.themeCode,
    hostPartnerId: event.hostPartnerId,
    visitingPartnerIds: event.visitingPartnerIds,
    format: event.format,
    venue: event.venue,
    timeZone: event.timeZone,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    capacity: event.capacity,
    registrationDeadline: event.registrationDeadline?.toISOString() ?? null,
    registered: event.registered,
    waiting: event.waiting,
    agenda: event.agenda.map((item) => ({ time: item.timeLabel, title: item.title })),
    practiceIds: event.practices.map((practice) => practice.id),
  };
}

export function eventListDocument(events: EventSummary[], total: number, page: number, pageCount: number, publicUrl: string): EventListDocument {
  return {
    total,
    page,
    pageCount,
    results: events.map((event) => ({
      id: event.id,
      url: `${publicUrl}/events/${event.id}`,
      type: event.type,
      title: event.title,
      hostPartnerId: event.hostPartnerId,
      format: event.format,
      timeZone: event.timeZone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      capacity: event.capacity,
      registered: event.registered,
      waiting: event.waiting,
    })),
  };
}
