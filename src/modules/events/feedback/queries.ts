/** SQL for feedback: the events due for invitations and their attendees, the answers, and an event's totals. */
import { sql, type Insertable } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { FeedbackPracticesTable, FeedbackTable } from '../tables.js';

/**
 * The next event that ended and whose attendees were not invited yet, locked; a worker running beside this one skips
 * it rather than waiting, so each event is claimed once.
 */
export function claimEventToInvite(trx: Tx, now: Date) {
  return trx
    .selectFrom('events')
    .select(['id', 'title', 'programme_id'])
    .where('ends_at', '<', now)
    .where('feedback_invited_at', 'is', null)
    .orderBy('ends_at')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

export function setFeedbackInvitedAt(trx: Tx, eventId: number, at: Date) {
  return trx.updateTable('events').set({ feedback_invited_at: at }).where('id', '=', eventId).execute();
}

/** The people who attended the event, are not anonymised and have not given feedback yet. */
export function attendeesToInvite(trx: Tx, eventId: number) {
  return trx
    .selectFrom('registrations')
    .leftJoin('feedback', 'feedback.registration_id', 'registrations.id')
    .select(['registrations.id', 'registrations.name', 'registrations.email', 'registrations.locale', 'registrations.token_hash'])
    .where('registrations.event_id', '=', eventId)
    .where('registrations.attended_at', 'is not', null)
    .where('registrations.anonymised_at', 'is', null)
    .where('feedback.registration_id', 'is', null)
    .execute();
}

export async function hasFeedback(db: Executor, registrationId: number): Promise<boolean> {
  return (await db.selectFrom('feedback').select('registration_id').where('registration_id', '=', registrationId).executeTakeFirst()) !== undefined;
}

export function insertFeedback(trx: Tx, rows: Insertable<FeedbackTable>[]) {
  return trx.insertInto('feedback').values(rows).execute();
}

/** The practices a person said interest them, one row each. */
export function insertPracticesOfInterest(trx: Tx, rows: Insertable<FeedbackPracticesTable>[]) {
  return trx.insertInto('feedback_practices').values(rows).execute();
}

/** Which of these practices are published: only those are offered in the feedback form. */
export function publishedPracticeIds(db: Executor, practiceIds: number[]) {
  return db.selectFrom('practices').select('id').where('id', 'in', practiceIds).where('status', '=', 'published').execute();
}

/** The feedback on one event, in aggregate: no answer can be traced to a person. */
export async function feedbackTotalsOf(db: Executor, eventId: number) {
  return db
    .selectFrom('feedback')
    .innerJoin('registrations', 'registrations.id', 'feedback.registration_id')
    .select([
      sql<number>`count(*)::int`.as('responses'),
      sql<number | null>`avg(feedback.satisfaction)::float8`.as('satisfaction'),
      sql<number | null>`avg(feedback.usefulness)::float8`.as('usefulness'),
      sql<number>`count(*) filter (where feedback.capacity_increased)::int`.as('capacity_increased'),
    ])
    .where('registrations.event_id', '=', eventId)
    .executeTakeFirstOrThrow();
}

/** The published practices the event's participants said interest them, most named first. */
export function practicesOfInterestOf(db: Executor, eventId: number) {
  return db
    .selectFrom('feedback_practices')
    .innerJoin('registrations', 'registrations.id', 'feedback_practices.registration_id')
    .innerJoin('practices', 'practices.id', 'feedback_practices.practice_id')
    .select(['practices.id', 'practices.title', sql<number>`count(*)::int`.as('people')])
    .where('registrations.event_id', '=', eventId)
    .where('practices.status', '=', 'published')
    .groupBy(['practices.id', 'practices.title'])
    .orderBy('people', 'desc')
    .orderBy('practices.title')
    .execute();
}
