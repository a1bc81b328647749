/** SQL for attendance: check-in one person at a time, a sign-in sheet's matches, and an event's mix of participants. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';

/** One registration of the event, locked: two check-ins of the same person take their turn. */
export function lockRegistrationOfEvent(trx: Tx, eventId: number, registrationId: number) {
  return trx
    .selectFrom('registrations')
    .select(['id', 'name', 'status', 'attended_at'])
    .where('id', '=', registrationId)
    .where('event_id', '=', eventId)
    .forUpdate()
    .executeTakeFirst();
}

export function setAttended(trx: Tx, registrationId: number, attended: boolean) {
  return trx
    .updateTable('registrations')
    .set({ attended_at: attended ? sql<Date>`now()` : null, updated_at: sql<Date>`now()` })
    .where('id', '=', registrationId)
    .execute();
}

/** The registrations a sign-in sheet can match: active, with an email (an anonymised one has none). */
export function listMatchable(db: Executor, eventId: number) {
  return db
    .selectFrom('registrations')
    .select(['id', 'email', 'attended_at'])
    .where('event_id', '=', eventId)
    .where('status', '!=', 'cancelled')
    .where('email', 'is not', null)
    .execute();
}

/** Marks those not yet marked as attended, now. */
export function markAttended(trx: Tx, registrationIds: number[]) {
  return trx
    .updateTable('registrations')
    .set({ attended_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', 'in', registrationIds)
    .where('attended_at', 'is', null)
    .execute();
}

/** The demo's attendance: the people came at the time the event ended. */
export function markAttendedAt(trx: Tx, registrationIds: number[], at: Date) {
  return trx.updateTable('registrations').set({ attended_at: at }).where('id', 'in', registrationIds).execute();
}

/** One event's active participants counted by helix, role and partner region, and in total, in one pass. */
export async function mixOf(db: Executor, eventId: number) {
  const rows = await sql<{ dimension: 'helix' | 'role' | 'partner' | 'total'; value: string | null; registered: number; waiting: number; attended: number }>`
    with active as (
      select helix, role, coalesce(partner_id, 0)::text as partner, status, attended_at from registrations where event_id = ${eventId} and status <> 'cancelled'
    )
    select 'helix' as dimension, helix as value, count(*) filter (where status = 'registered')::int as registered, 0 as waiting,
      count(attended_at)::int as attended from active group by helix
    union all select 'role', role, count(*) filter (where status = 'registered')::int, 0, count(attended_at)::int from active group by role
    union all select 'partner', partner, count(*) filter (where status = 'registered')::int, 0, count(attended_at)::int from active group by partner
    union all select 'total', null, count(*) filter (where status = 'registered')::int, count(*) filter (where status = 'waiting')::int,
      count(attended_at)::int from active
  `.execute(db);
  return rows.rows;
}
