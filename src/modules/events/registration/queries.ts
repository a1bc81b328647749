/** SQL for registrations: the waiting list, the person's link, hosts' lists and the anonymisation. */
import { sql, type Insertable } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { Helix, ParticipantRole, RegistrationsTable, RegistrationStatus } from '../tables.js';

export const registrationColumns = [
  'registrations.id',
  'registrations.event_id',
  'registrations.status',
  'registrations.name',
  'registrations.email',
  'registrations.organisation_id',
  'registrations.organisation_name',
  'registrations.helix',
  'registrations.role',
  'registrations.partner_id',
  'registrations.locale',
  'registrations.consent_at',
  'registrations.attended_at',
  'registrations.cancelled_at',
  'registrations.anonymised_at',
  'registrations.created_at',
] as const;

export function countActive(trx: Tx, eventId: number) {
  return trx
    .selectFrom('registrations')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'registered').as('registered'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
    ])
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
}

export function findActiveByEmail(trx: Tx, eventId: number, email: string) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'status'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'cancelled')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export interface NewRegistration {
  eventId: number;
  status: Exclude<RegistrationStatus, 'cancelled'>;
  name: string;
  email: string;
  organisationId: number | null;
  organisationName: string | null;
  helix: Helix;
  role: ParticipantRole;
  partnerId: number | null;
  locale: Locale;
  tokenHash: string;
}

export async function insertRegistration(trx: Tx, registration: NewRegistration): Promise<number> {
  const row = await trx
    .insertInto('registrations')
    .values({
      event_id: registration.eventId,
      status: registration.status,
      name: registration.name,
      email: registration.email,
      organisation_id: registration.organisationId,
      organisation_name: registration.organisationName,
      helix: registration.helix,
      role: registration.role,
      partner_id: registration.partnerId,
      locale: registration.locale,
      consent_at: sql<Date>`now()`,
      token_hash: registration.tokenHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Many registrations at once, each giving consent now (the demo's people). */
export function insertRegistrations(trx: Tx, rows: Omit<Insertable<RegistrationsTable>, 'consent_at'>[]) {
  return trx
    .insertInto('registrations')
    .values(rows.map((row) => ({ ...row, consent_at: sql<Date>`now()` })))
    .returning(['id', 'status'])
    .execute();
}

/** The stakeholder organisations of every partner region, for participants who come from one (the demo's people). */
export function organisationsOfPartners(db: Executor) {
  return db
    .selectFrom('partner_organisations')
    .innerJoin('organisations', 'organisations.id', 'partner_organisations.organisation_id')
    .select(['partner_organisations.partner_id', 'organisations.id', 'organisations.helix'])
    .execute();
}

export function findByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('registrations').select(registrationColumns).where('token_hash', '=', tokenHash).where('anonymised_at', 'is', null).executeTakeFirst();
}

export function lockRegistration(trx: Tx, registrationId: number) {
  return trx.selectFrom('registrations').select(registrationColumns).where('id', '=', registrationId).forUpdate().executeTakeFirst();
}

export function setStatus(trx: Tx, registrationId: number, status: RegistrationStatus) {
  return trx
    .updateTable('registrations')
    .set({ status, updated_at: sql<Date>`now()`, ...(status === 'cancelled' ? { cancelled_at: sql<Date>`now()` } : {}) })
    .where('id', '=', registrationId)
    .execute();
}

export function setTokenHash(trx: Tx, registrationId: number, tokenHash: string) {
  return trx.updateTable('registrations').set({ token_hash: tokenHash }).where('id', '=', registrationId).execute();
}

/** The first people on the waiting list, in the order they registered, locked for promotion. */
export function nextWaiting(trx: Tx, eventId: number, count: number) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'name', 'email', 'locale', 'token_hash'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('created_at')
    .orderBy('id')
    .limit(count)
    .forUpdate()
    .execute();
}

export function listOfEvent(db: Executor, eventId: number) {
  return db
    .selectFrom('registrations')
    .leftJoin('organisations', 'organisations.id', 'registrations.organisation_id')
    .select(registrationColumns)
    .select('organisations.name as organisation')
    .where('registrations.event_id', '=', eventId)
    .orderBy(sql`case registrations.status when 'registered' then 0 when 'waiting' then 1 else 2 end`)
    .orderBy(sql`lower(registrations.name)`)
    .orderBy('registrations.id')
    .execute();
}

/** Every registration of a person, found by the email of the one their link opens. */
export function listOfPerson(db: Executor, email: string) {
  return db
    .selectFrom('registrations')
    .innerJoin('events', 'events.id', 'registrations.event_id')
    .leftJoin('feedback', 'feedback.registration_id', 'registrations.id')
    .select(registrationColumns)
    .select([
      'events.title as event_title',
      'events.starts_at as event_starts_at',
      'feedback.satisfaction',
      'feedback.usefulness',
      'feedback.capacity_increased',
      'feedback.capacity_details',
    ])
    .where(sql<string>`lower(registrations.email)`, '=', email.toLowerCase())
    .where('registrations.anonymised_at', 'is', null)
    .orderBy('registrations.id')
    .execute();
}

/**
 * Anonymises registrations: name, email, the organisation typed by hand and the free-text feedback go, and the
 * link stops working; status, attendance, helix, role, region and scores stay, so no statistic changes.
 */
export async function anonymise(trx: Tx, where: { registrationIds: number[] } | { endedBefore: Date }): Promise<number> {
  const condition =
    'registrationIds' in where
      ? sql`r.id = any(${where.registrationIds}::int[])`
      : sql`r.event_id in (select e.id from events e where e.ends_at < ${where.endedBefore})`;
  const rows = await sql<{ id: number }>`
    update registrations r set name = null, email = null, organisation_name = null, anonymised_at = now(), updated_at = now(),
      token_hash = 'anonymised-' || r.id
    where r.anonymised_at is null and ${condition}
    returning r.id
  `.execute(trx);
  const ids = rows.rows.map((row) => row.id);
  if (ids.length) await trx.updateTable('feedback').set({ capacity_details: '' }).where('registration_id', 'in', ids).execute();
  return ids.length;
}

/** The registration of an email for an event that a lost link is sent for: the active one, else the latest, locked. */
export function lockRegistrationOfEmail(trx: Tx, eventId: number, email: string) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'name', 'email', 'locale', 'status', 'token_hash', 'link_resent_at', 'link_resends'])
    .where('event_id', '=', eventId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('anonymised_at', 'is', null)
    .orderBy(sql`case when status = 'cancelled' then 1 else 0 end`)
    .orderBy('id', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export function countLinkResent(trx: Tx, registrationId: number, resends: number, at: Date) {
  return trx.updateTable('registrations').set({ link_resent_at: at, link_resends: resends }).where('id', '=', registrationId).execute();
}

/**
 * Claims the reminders due: confirmed, not yet reminded people of events that start within their reminder's days and
 * have not started. Marking them reminded is the claim: a second worker skips the rows this one locked, so each person
 * is claimed once (the emails go out in the same transaction). The rows are picked in a materialised CTE, run once
 * before the update, so every row locked is a row marked. Picked by an `in (…)` subquery, which the planner is free to
 * run more than once, two workers ending together left a few people without a reminder
 * (reminders.pg.test.ts failed about one run in five; ten runs in a row pass with the CTE).
 */
export async function claimReminders(trx: Tx, now: Date, limit: number) {
  const rows = await sql<{
    id: number;
    event_id: number;
    name: string | null;
    email: string | null;
    locale: Locale;
    token_hash: string;
  }>`
    with claimed as materialized (
      select r2.id from registrations r2 join events e on e.id = r2.event_id
      where r2.status = 'registered' and r2.reminded_at is null and r2.anonymised_at is null
        and e.reminder_days_before is not null and e.starts_at > ${now}
        and e.starts_at <= ${now}::timestamptz + make_interval(days => e.reminder_days_before)
      order by r2.event_id, r2.id
      limit ${limit}
      for update of r2 skip locked
    )
    update registrations r set reminded_at = ${now}
    from claimed
    where r.id = claimed.id and r.reminded_at is null and r.status = 'registered'
    returning r.id, r.event_id, r.name, r.email, r.locale, r.token_hash
  `.execute(trx);
  return rows.rows;
}
