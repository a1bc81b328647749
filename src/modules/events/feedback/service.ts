/**
 * Feedback after an event: once it is over, the worker emails each attendee a private link; they score their
 * satisfaction and the event's usefulness, say whether their professional capacity increased (the Interreg
 * indicator) and which practices interest them. One person's feedback counts once.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import { composeEmail, queueEmail } from '../../../core/mail/outbox.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import { anonymous } from '../../../core/policy/actor.js';
import { listPublishedPractices } from '../../practices/service.js';
import * as eventQueries from '../hosting/queries.js';
import { linkOf, registrationUrl, type ParticipantMail } from '../registration/links.js';
import { registrationOfToken, type PersonalRegistration } from '../registration/service.js';
import type { FeedbackInput } from '../schema.js';
import * as queries from './queries.js';

/** The worker's task: invites the attendees of each event that ended, once per event. Returns the emails queued. */
export async function inviteToFeedback(db: Db, mail: ParticipantMail, now = new Date()): Promise<number> {
  let invited = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const event = await queries.claimEventToInvite(trx, now);
      if (!event) return null;
      await queries.setFeedbackInvitedAt(trx, event.id, now);
      const attendees = await queries.attendeesToInvite(trx, event.id);
      for (const attendee of attendees) {
        if (attendee.name === null || attendee.email === null) continue;
        // The registration's own link (the one from the confirmation), opening its feedback form.
        const token = await linkOf(trx, mail, attendee);
        const t = mail.translator.translate(attendee.locale);
        await queueEmail(trx, {
          kind: 'event_feedback',
          to: attendee.email,
          ...composeEmail(t, 'events.email.feedback', { name: attendee.name, title: event.title, link: registrationUrl(mail, token, '/feedback') }),
        });
      }
      return attendees.length;
    });
    if (claimed === null) return invited;
    invited += claimed;
  }
}

export type FeedbackRefusal = 'not_found' | 'not_attended' | 'not_over' | 'already_given' | 'unknown_practice';

export interface FeedbackForm {
  registration: PersonalRegistration;
  eventTitle: string;
  /** The practices offered: those presented at the event, or the programme's library when none was linked. */
  practices: { id: number; title: string }[];
  given: boolean;
}

/** What the feedback page shows the person whose link this is, or why they cannot give feedback. */
export async function feedbackFormFor(db: Db, token: string, now = new Date()): Promise<Outcome<FeedbackForm, FeedbackRefusal>> {
  const registration = await registrationOfToken(db, token);
  if (!registration) return refuse('not_found');
  const event = await eventQueries.findEvent(db, registration.eventId);
  if (!event) return refuse('not_found');
  if (!registration.attended) return refuse('not_attended');
  if (now < event.ends_at) return refuse('not_over');
  const linked = await eventQueries.practicesOf(db, event.id);
  const practices = linked.length ? linked.filter((practice) => practice.status === 'published') : await listPublishedPractices(db, event.programme_id);
  const given = await queries.hasFeedback(db, registration.id);
  return done({ registration, eventTitle: event.title, practices: practices.map((practice) => ({ id: practice.id, title: practice.title })), given });
}

export async function submitFeedback(db: Db, token: string, input: FeedbackInput, now = new Date()): Promise<Outcome<{ eventId: number }, FeedbackRefusal>> {
  const form = await feedbackFormFor(db, token, now);
  if (!form.ok) return form;
  if (form.value.given) return refuse('already_given');
  const offered = new Set(form.value.practices.map((practice) => practice.id));
  if (input.practiceIds.some((id) => !offered.has(id))) return refuse('unknown_practice', 'practiceIds');
  const { registration } = form.value;
  try {
    return await db.transaction().execute(async (trx) => {
      await queries.insertFeedback(trx, [
        {
          registration_id: registration.id,
          satisfaction: input.satisfaction,
          usefulness: input.usefulness,
          capacity_increased: input.capacityIncreased,
          capacity_details: input.capacityDetails,
        },
      ]);
      if (input.practiceIds.length) {
        await queries.insertPracticesOfInterest(
          trx,
          input.practiceIds.map((practiceId) => ({ registration_id: registration.id, practice_id: practiceId })),
        );
      }
      await recordAudit(trx, anonymous, {
        action: 'feedback.create',
        entityType: 'registration',
        entityId: registration.id,
        after: { eventId: registration.eventId, satisfaction: input.satisfaction, capacityIncreased: input.capacityIncreased },
      });
      return done({ eventId: registration.eventId });
    });
  } catch (error) {
    // The same form sent twice at once: the primary key keeps one.
    if (isUniqueViolation(error)) return refuse('already_given');
    throw error;
  }
}

export interface FeedbackSummary {
  responses: number;
  /** Averages on the 1–5 scale; null until someone has answered. */
  averageSatisfaction: number | null;
  averageUsefulness: number | null;
  capacityIncreased: number;
  /** What the host can follow up on: which practices the participants would take home, and by how many of them. */
  practicesOfInterest: { id: number; title: string; people: number }[];
}

/** The feedback on one event as its host sees it: totals and the practices named, never who answered what. */
export async function feedbackSummaryOf(db: Db, eventId: number): Promise<FeedbackSummary> {
  const [totals, practices] = await Promise.all([queries.feedbackTotalsOf(db, eventId), queries.practicesOfInterestOf(db, eventId)]);
  return {
    responses: totals.responses,
    averageSatisfaction: totals.satisfaction,
    averageUsefulness: totals.usefulness,
    capacityIncreased: totals.capacity_increased,
    practicesOfInterest: practices,
  };
}
