/**
 * The events module's public entry: what other modules, the composition root, the benchmarks and tests outside the
 * module use. Each use case lives in its sub-capability (hosting, registration, attendance, feedback, statistics,
 * retention); import from here, never from those folders.
 */
import type { Db } from '../../core/db/database.js';
import { listEvents as listEventRows } from './hosting/queries.js';
import type { EventType } from './tables.js';

export { createEvent, getEvent, listEventsOfPartner, type Event, type EventSummary } from './hosting/service.js';
export { participationMixOf, type ParticipationMix } from './attendance/service.js';
export { feedbackSummaryOf, inviteToFeedback, type FeedbackSummary } from './feedback/service.js';
export { participationStatistics, type ParticipationStatistics } from './statistics/service.js';
/** The event form's schema, which the shared test records build events through. */
export { eventSchema, type EventInput } from './schema.js';
/** The context the events' emails are written with (outbox, public address, the key of private links). */
export { participantMail, type ParticipantMail } from './registration/links.js';
export { remindParticipants } from './registration/reminders.js';

/** The next few events of a programme (or of every programme), soonest first: the front page's short list, one query without a count. */
export async function upcomingEvents(db: Db, limit: number, programmeId?: number, now = new Date()): Promise<UpcomingEvent[]> {
  const rows = await listEventRows(db, { when: 'upcoming', now, limit, offset: 0, ...(programmeId !== undefined ? { programmeId } : {}) });
  return rows.map((row) => ({ id: row.id, title: row.title, type: row.type, startsAt: row.starts_at, timeZone: row.time_zone, venue: row.venue }));
}

export interface UpcomingEvent {
  id: number;
  title: string;
  type: EventType;
  startsAt: Date;
  timeZone: string;
  venue: string;
}
