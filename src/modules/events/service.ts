/**
 * The events module's public entry: what other modules, the composition root, the benchmarks and tests outside the
 * module use. Each use case lives in its sub-capability (hosting, registration, attendance, feedback, statistics,
 * retention); import from here, never from those folders.
 */
export { createEvent, getEvent, listEventsOfPartner, type Event, type EventSummary } from './hosting/service.js';
export { participationMixOf, type ParticipationMix } from './attendance/service.js';
export { feedbackSummaryOf, inviteToFeedback, type FeedbackSummary } from './feedback/service.js';
export { participationStatistics, type ParticipationStatistics } from './statistics/service.js';
/** The event form's schema, which the shared test records build events through. */
export { eventSchema, type EventInput } from './schema.js';
/** The context the events' emails are written with (outbox, public address, the key of private links). */
export { participantMail, type ParticipantMail } from './registration/links.js';
export { remindParticipants } from './registration/reminders.js';
