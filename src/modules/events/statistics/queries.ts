/**
 * SQL for the participation statistics: events held per semester of the programme, and the participants broken down,
 * read from participation_totals (kept by triggers), so the cost does not grow with the registrations.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { EventType } from '../tables.js';

export type Dimension = 'helix' | 'role' | 'partner' | 'type' | 'total';

/** Every event, or those of one host partner. */
function hostedBy(hostPartnerId: number | null) {
  return hostPartnerId === null ? sql`true` : sql`host_partner_id = ${hostPartnerId}`;
}

/** The events that ended, by type and by semester of the programme (the first six months are semester 1). */
export async function eventsHeld(db: Executor, programme: { id: number; startsOn: string }, hostPartnerId: number | null, now: Date) {
  const rows = await sql<{ type: EventType; semester: number; count: number }>`
    select type,
      (floor((extract(year from age((starts_at at time zone 'UTC')::date, ${programme.startsOn}::date)) * 12
        + extract(month from age((starts_at at time zone 'UTC')::date, ${programme.startsOn}::date))) / 6) + 1)::int as semester,
      count(*)::int as count
    from events
    where programme_id = ${programme.id} and ends_at < ${now} and ${hostedBy(hostPartnerId)}
    group by 1, 2
    order by 2, 1
  `.execute(db);
  return rows.rows;
}

/** Registered and attended by helix, role, partner region and event type, and the totals with feedback, in one pass. */
export async function breakdowns(db: Executor, programmeId: number, hostPartnerId: number | null) {
  const rows = await sql<{
    dimension: Dimension;
    value: string | null;
    registered: number;
    attended: number;
    feedback: number;
    capacity_increased: number;
    satisfaction_sum: number;
    decision_makers: number;
  }>`
    with totals as (select * from participation_totals where programme_id = ${programmeId} and ${hostedBy(hostPartnerId)})
    select 'helix' as dimension, helix as value, sum(registered)::int as registered, sum(attended)::int as attended,
      0 as feedback, 0 as capacity_increased, 0 as satisfaction_sum, 0 as decision_makers from totals group by helix
    union all select 'role', role, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by role
    union all select 'partner', partner_key::text, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by partner_key
    union all select 'type', event_type, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by event_type
    union all select 'total', null, coalesce(sum(registered), 0)::int, coalesce(sum(attended), 0)::int, coalesce(sum(feedback), 0)::int,
      coalesce(sum(capacity_increased), 0)::int,
      coalesce(sum(satisfaction_sum), 0)::int, coalesce(sum(attended) filter (where role = 'decision_maker'), 0)::int from totals
  `.execute(db);
  return rows.rows;
}
