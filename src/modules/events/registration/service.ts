/**
 * Registering for an event without an account: the person gives the minimum the statistics need, agrees to the
 * privacy notice, and receives a confirmation with the calendar file and a private link. The link (its hash is
 * stored, never the link) lets them cancel, download what is held about them, and erase it. A full event keeps a
 * waiting list that moves up on its own when someone cancels or the host adds places.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db, Tx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { composeEmail, deleteEmailsTo, emailsTo, queueEmail } from '../../../core/mail/outbox.js';
import type { Translate } from '../../../core/i18n/i18n.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import { anonymous, systemActor, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { hashToken, newToken } from '../../../core/tokens.js';
import { findOrganisation, listPartners } from '../../partners/service.js';
import { calendarEventOf, calendarOf } from '../hosting/ics.js';
import * as queries from '../hosting/queries.js';
import * as registrationQueries from './queries.js';
import type { RegistrationInput } from '../schema.js';
import type { EventFormat, RegistrationStatus } from '../tables.js';
import { linkOf, registrationToken, registrationUrl, type ParticipantMail } from './links.js';
import { formatEventTime } from '../time.js';

export type RegistrationRefusal =
  'not_found' | 'closed' | 'already_registered' | 'partner_not_found' | 'organisation_not_found' | 'already_cancelled' | 'event_over';

type LockedEvent = NonNullable<Awaited<ReturnType<typeof queries.lockEvent>>>;

/** Registration closes at the deadline, or when the event starts if it has none. */
export function registrationClosesAt(
  event: { registration_deadline: Date | null; starts_at: Date } | { registrationDeadline: Date | null; startsAt: Date },
): Date {
  return 'starts_at' in event ? (event.registration_deadline ?? event.starts_at) : (event.registrationDeadline ?? event.startsAt);
}

function calendarAttachment(event: LockedEvent, publicUrl: string) {
  const content = calendarOf([calendarEventOf(event)], { name: event.title, publicUrl, withOnlineLink: true, method: 'request' });
  return { filename: `event-${event.id}.ics`, contentType: 'text/calendar; charset=utf-8; method=REQUEST', content };
}

/**
 * Where an email says the event takes place, in the person's language; with the link to join an online or hybrid
 * event only for people who hold a place (the waiting list does not get it).
 */
export function whereOf(
  t: Translate,
  event: { format: EventFormat; venue: string; online_url: string | null },
  withJoinLink: boolean,
): { where: string; join: string } {
  const where = event.format === 'online' ? t('events.email.online') : event.venue;
  const join = withJoinLink && event.format !== 'on_site' && event.online_url ? `\n${t('events.email.joinLink', { url: event.online_url })}` : '';
  return { where, join };
}

/** The email telling a person where they stand: a place (with the join link and the calendar file) or a waiting-list position. */
async function queueStatusEmail(
  trx: Tx,
  event: LockedEvent,
  person: { id: number; name: string; email: string; locale: Locale },
  status: 'registered' | 'waiting' | 'promoted',
  mail: ParticipantMail,
): Promise<void> {
  const t = mail.translator.translate(person.locale);
  const token = await linkOf(trx, mail, person);
  const values = {
    name: person.name,
    title: event.title,
    when: formatEventTime(event.starts_at, event.ends_at, event.time_zone, person.locale),
    ...whereOf(t, event, status !== 'waiting'),
    link: registrationUrl(mail, token),
  };
  const message = composeEmail(t, `events.email.${status}`, values);
  await queueEmail(trx, {
    kind: `event_${status}`,
    to: person.email,
    ...message,
    ...(status === 'waiting' ? {} : { attachments: [calendarAttachment(event, mail.publicUrl)] }),
  });
}

const waitingList = systemActor('waiting list');

/**
 * Gives the waiting list's first people the places that are free (all of them when the event has no limit), each
 * with an email carrying the link they already have. Runs inside the transaction that freed the places.
 */
export async function promoteFromWaitingList(trx: Tx, eventId: number, mail: ParticipantMail): Promise<number> {
  const event = await queries.lockEvent(trx, eventId);
  if (!event) return 0;
  let free = Number.MAX_SAFE_INTEGER;
  if (event.capacity !== null) {
    const { registered } = await registrationQueries.countActive(trx, eventId);
    free = event.capacity - Number(registered);
    if (free <= 0) return 0;
  }
  return promote(trx, event, await registrationQueries.nextWaiting(trx, eventId, Math.min(free, 10_000)), mail);
}

async function promote(
  trx: Tx,
  event: LockedEvent,
  waiting: { id: number; name: string | null; email: string | null; locale: Locale; token_hash: string }[],
  mail: ParticipantMail,
): Promise<number> {
  for (const person of waiting) {
    await registrationQueries.setStatus(trx, person.id, 'registered');
    if (person.name !== null && person.email !== null)
      await queueStatusEmail(trx, event, { ...person, name: person.name, email: person.email }, 'promoted', mail);
    await recordAudit(trx, waitingList, {
      action: 'registration.promote',
      entityType: 'registration',
      entityId: person.id,
      programmeId: event.programme_id,
      before: { status: 'waiting' },
      after: { status: 'registered' },
    });
  }
  return waiting.length;
}

export async function register(
  db: Db,
  eventId: number,
  input: RegistrationInput,
  locale: Locale,
  mail: ParticipantMail,
  now = new Date(),
): Promise<Outcome<{ status: Exclude<RegistrationStatus, 'cancelled'>; token: string }, RegistrationRefusal>> {
  const event = await queries.findEvent(db, eventId);
  if (!event) return refuse('not_found');
  // References are checked before the transaction: the embedded database has one connection, which it holds.
  let helix = input.helix;
  if (input.organisationId !== null) {
    const organisation = await findOrganisation(db, input.organisationId);
    if (!organisation || organisation.programmeId !== event.programme_id) return refuse('organisation_not_found', 'organisationId');
    helix = organisation.helix;
  }
  if (input.partnerId !== null && !(await listPartners(db, anonymous, event.programme_id)).some((partner) => partner.id === input.partnerId))
    return refuse('partner_not_found', 'partner');
  if (helix === null) return refuse('organisation_not_found', 'helix');
  const personHelix = helix;
  try {
    return await db.transaction().execute(async (trx) => {
      const locked = await queries.lockEvent(trx, eventId);
      if (!locked) return refuse('not_found');
      if (now >= registrationClosesAt(locked)) return refuse('closed');
      if (await registrationQueries.findActiveByEmail(trx, eventId, input.email)) return refuse('already_registered', 'email');
      const { registered } = await registrationQueries.countActive(trx, eventId);
      const status = locked.capacity === null || Number(registered) < locked.capacity ? 'registered' : 'waiting';
      const id = await registrationQueries.insertRegistration(trx, {
        eventId,
        status,
        name: input.name,
        email: input.email,
        organisationId: input.organisationId,
        organisationName: input.organisationId === null ? input.organisationName : null,
        helix: personHelix,
        role: input.role,
        partnerId: input.partnerId,
        locale,
        // Replaced by the derived link's hash as soon as the id is known (linkOf, in the email below).
        tokenHash: hashToken(newToken()),
      });
      await queueStatusEmail(trx, locked, { id, name: input.name, email: input.email, locale }, status, mail);
      const token = registrationToken(mail, id);
      // The log records that a registration happened, not who made it: the person's data stays in one place.
      await recordAudit(trx, anonymous, {
        action: 'registration.create',
        entityType: 'registration',
        entityId: id,
        programmeId: locked.programme_id,
        after: { eventId, status, helix: personHelix, role: input.role },
      });
      return done({ status, token });
    });
  } catch (error) {
    // Two submissions of the same email at once: the unique index lets one through.
    if (isUniqueViolation(error)) return refuse('already_registered', 'email');
    throw error;
  }
}

export interface PersonalRegistration {
  id: number;
  eventId: number;
  status: RegistrationStatus;
  name: string;
  email: string;
  attended: boolean;
}

/** The registration a private link opens; undefined for an unknown, replaced or anonymised link. */
export async function registrationOfToken(db: Db, token: string): Promise<PersonalRegistration | undefined> {
  const row = await registrationQueries.findByTokenHash(db, hashToken(token));
  if (!row || row.name === null || row.email === null) return undefined;
  return { id: row.id, eventId: row.event_id, status: row.status, name: row.name, email: row.email, attended: row.attended_at !== null };
}

/**
 * Cancels a registration inside the caller's transaction (the event and the registration are locked here): the
 * person is told by email, the log records who cancelled, and a freed place goes to the waiting list.
 */
async function cancelLocked(
  trx: Tx,
  actor: Actor,
  eventId: number,
  registrationId: number,
  mail: ParticipantMail,
  now: Date,
): Promise<Outcome<{ eventId: number; promoted: number; name: string | null }, RegistrationRefusal>> {
  const event = await queries.lockEvent(trx, eventId);
  const current = await registrationQueries.lockRegistration(trx, registrationId);
  if (!event || !current || current.event_id !== eventId) return refuse('not_found');
  if (current.status === 'cancelled') return refuse('already_cancelled');
  if (now >= event.ends_at) return refuse('event_over');
  await registrationQueries.setStatus(trx, registrationId, 'cancelled');
  if (current.name !== null && current.email !== null) {
    const t = mail.translator.translate(current.locale);
    await queueEmail(trx, {
      kind: 'event_cancelled',
      to: current.email,
      ...composeEmail(t, 'events.email.cancelled', { name: current.name, title: event.title }),
    });
  }
  await recordAudit(trx, actor, {
    action: 'registration.cancel',
    entityType: 'registration',
    entityId: registrationId,
    programmeId: event.programme_id,
    before: { status: current.status },
    after: { status: 'cancelled' },
  });
  const promoted = current.status === 'registered' ? await promoteFromWaitingList(trx, event.id, mail) : 0;
  return done({ eventId: event.id, promoted, name: current.name });
}

/** The person cancels with their private link. */
export async function cancelRegistration(
  db: Db,
  token: string,
  mail: ParticipantMail,
  now = new Date(),
): Promise<Outcome<{ eventId: number; promoted: number }, RegistrationRefusal>> {
  const registration = await registrationOfToken(db, token);
  if (!registration) return refuse('not_found');
  return db.transaction().execute((trx) => cancelLocked(trx, anonymous, registration.eventId, registration.id, mail, now));
}

/** The host's staff cancel someone's registration (a person who called to say they cannot come). */
export async function cancelRegistrationOfEvent(
  db: Db,
  actor: Actor,
  eventId: number,
  registrationId: number,
  mail: ParticipantMail,
  now = new Date(),
): Promise<Outcome<{ eventId: number; promoted: number; name: string | null }, RegistrationRefusal | 'forbidden'>> {
  return db.transaction().execute(async (trx) => {
    const event = await queries.lockEvent(trx, eventId);
    if (!event) return refuse('not_found');
    if (!can(actor, 'event.manage', { programmeId: event.programme_id, partnerIds: [event.host_partner_id] })) return refuse('forbidden');
    return cancelLocked(trx, actor, eventId, registrationId, mail, now);
  });
}

/** At most this many "I lost my link" emails per registration in a day: enough for a person, too few to flood them. */
export const linkResendsPerDay = 3;

/**
 * "I lost my link": sends the registration's private link to the address it was registered with. The caller answers
 * the same whatever happens here, so nobody learns whether an address is registered; past the daily limit nothing is
 * sent. The log records the registration's id only, never the address asked for.
 */
export async function resendLink(db: Db, eventId: number, email: string, mail: ParticipantMail, now = new Date()): Promise<'sent' | 'unknown' | 'limited'> {
  return db.transaction().execute(async (trx) => {
    const event = await queries.lockEvent(trx, eventId);
    if (!event) return 'unknown';
    const registration = await registrationQueries.lockRegistrationOfEmail(trx, eventId, email);
    if (!registration || registration.name === null || registration.email === null) return 'unknown';
    const windowOpen = registration.link_resent_at !== null && now.getTime() - registration.link_resent_at.getTime() < 24 * 3_600_000;
    const resends = windowOpen ? registration.link_resends : 0;
    if (resends >= linkResendsPerDay) return 'limited';
    await registrationQueries.countLinkResent(trx, registration.id, resends + 1, windowOpen && registration.link_resent_at ? registration.link_resent_at : now);
    const token = await linkOf(trx, mail, registration);
    const t = mail.translator.translate(registration.locale);
    await queueEmail(trx, {
      kind: 'event_link',
      to: registration.email,
      ...composeEmail(t, 'events.email.lostLink', { name: registration.name, title: event.title, link: registrationUrl(mail, token) }),
    });
    await recordAudit(trx, anonymous, {
      action: 'registration.link_resend',
      entityType: 'registration',
      entityId: registration.id,
      programmeId: event.programme_id,
    });
    return 'sent';
  });
}

/**
 * Everything held about the person whose link this is: each of their registrations, with any feedback, and the emails
 * the events sent them (the link proves only the address, so emails of their account, if any, are not included).
 */
export async function personalDataOf(db: Db, token: string): Promise<Record<string, unknown> | undefined> {
  const registration = await registrationOfToken(db, token);
  if (!registration) return undefined;
  const rows = await registrationQueries.listOfPerson(db, registration.email);
  return {
    exportedAt: new Date().toISOString(),
    registrations: rows.map((row) => ({
      event: { id: row.event_id, title: row.event_title, startsAt: row.event_starts_at.toISOString() },
      status: row.status,
      name: row.name,
      email: row.email,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
      helix: row.helix,
      role: row.role,
      partnerRegionId: row.partner_id,
      language: row.locale,
      consentGivenAt: row.consent_at.toISOString(),
      registeredAt: row.created_at.toISOString(),
      attended: row.attended_at !== null,
      cancelledAt: row.cancelled_at?.toISOString() ?? null,
      feedback:
        row.satisfaction === null
          ? null
          : { satisfaction: row.satisfaction, usefulness: row.usefulness, capacityIncreased: row.capacity_increased, capacityDetails: row.capacity_details },
    })),
    emails: await emailsTo(db, registration.email, 'event_'),
  };
}

/**
 * The person erases themselves: every registration with their email is anonymised (the figures they count in stay)
 * and the emails waiting for them are dropped. An active place is given up first, so the waiting list moves on.
 */
export async function eraseParticipant(
  db: Db,
  token: string,
  mail: ParticipantMail,
  now = new Date(),
): Promise<Outcome<{ erased: number }, RegistrationRefusal>> {
  const registration = await registrationOfToken(db, token);
  if (!registration) return refuse('not_found');
  const rows = await registrationQueries.listOfPerson(db, registration.email);
  return db.transaction().execute(async (trx) => {
    for (const row of rows.filter((candidate) => candidate.status === 'registered')) {
      const event = await queries.lockEvent(trx, row.event_id);
      if (!event || now >= event.ends_at) continue;
      await registrationQueries.setStatus(trx, row.id, 'cancelled');
      await promoteFromWaitingList(trx, event.id, mail);
    }
    const erased = await registrationQueries.anonymise(trx, { registrationIds: rows.map((row) => row.id) });
    await deleteEmailsTo(trx, registration.email);
    await recordAudit(trx, anonymous, {
      action: 'registration.erase',
      entityType: 'registration',
      entityId: registration.id,
      after: { registrationsAnonymised: erased },
    });
    return done({ erased });
  });
}

export interface Participant {
  id: number;
  status: RegistrationStatus;
  name: string | null;
  email: string | null;
  organisation: string | null;
  helix: string;
  role: string;
  partnerId: number | null;
  attended: boolean;
  registeredAt: Date;
}

/** The people registered for an event, for its host (the caller checks `event.participants.read`). */
export async function participantsOf(db: Db, eventId: number): Promise<Participant[]> {
  return (await registrationQueries.listOfEvent(db, eventId)).map((row) => ({
    id: row.id,
    status: row.status,
    name: row.name,
    email: row.email,
    organisation: row.organisation ?? row.organisation_name,
    helix: row.helix,
    role: row.role,
    partnerId: row.partner_id,
    attended: row.attended_at !== null,
    registeredAt: row.created_at,
  }));
}

/** The event's length in hours, to the half hour, when it is one sitting of at most twelve hours; otherwise unknown. */
export function sittingHours(startsAt: Date, endsAt: Date): number | null {
  const hours = (endsAt.getTime() - startsAt.getTime()) / 3_600_000;
  return hours > 0 && hours <= 12 ? Math.round(hours * 2) / 2 : null;
}

/**
 * Whether the person whose link this is may have a certificate of attendance: the host recorded them as attending and
 * the event is over. Returns their registration for the page.
 */
export async function certificateRegistration(
  db: Db,
  token: string,
  now = new Date(),
): Promise<Outcome<PersonalRegistration & { endsAt: Date }, 'not_found' | 'not_attended_certificate'>> {
  const registration = await registrationOfToken(db, token);
  if (!registration) return refuse('not_found');
  const event = await queries.findEvent(db, registration.eventId);
  if (!event) return refuse('not_found');
  if (!registration.attended || registration.status !== 'registered' || now < event.ends_at) return refuse('not_attended_certificate');
  return done({ ...registration, endsAt: event.ends_at });
}
