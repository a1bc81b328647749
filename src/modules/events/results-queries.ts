/**
 * SQL for the results formulas of events (docs/formulas/learn.md): events held and their attendances, read from
 * event_participation and event_organisations (kept by triggers), so a programme's figures read one row per event
 * rather than its registrations. An event is dated by the day it ended in its own time zone, and counts once it ended.
 */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

/** The day an event ended, in its own zone, as an ISO date. */
const endedOn = sql<string>`((e.ends_at at time zone e.time_zone)::date)`;

/** Events of the programme that ended (before now) on or before `until`, of one host partner or of all. */
function heldBy(programmeId: number, until: string, hostPartnerId: number | null) {
  return sql`e.programme_id = ${programmeId} and e.ends_at <= now() and ${endedOn} <= ${until}::date
    and ${hostPartnerId === null ? sql`true` : sql`e.host_partner_id = ${hostPartnerId}`}`;
}

export interface HeldTotals {
  partner_id: number;
  ended_on: string;
  events: number;
  attended: number;
  decision_makers: number;
  capacity_increased: number;
}

/** Events held and their participation, by host partner and day ended: at most one row per event. */
export async function heldTotals(db: Executor, programmeId: number, until: string): Promise<HeldTotals[]> {
  const result = await sql<HeldTotals>`
    select e.host_partner_id as partner_id, ${endedOn}::text as ended_on, count(*)::int as events,
      coalesce(sum(p.attended), 0)::int as attended, coalesce(sum(p.decision_makers), 0)::int as decision_makers,
      coalesce(sum(p.capacity_increased), 0)::int as capacity_increased
    from events e left join event_participation p on p.event_id = e.id
    where ${heldBy(programmeId, until, null)}
    group by 1, 2
  `.execute(db);
  return result.rows;
}

export interface HeldEvent {
  id: number;
  title: string;
  partner_id: number;
  ended_on: string;
  attended: number;
  decision_makers: number;
  capacity_increased: number;
}

/** The events held up to `until`, each with its participation, in the order they ended. */
export async function heldEvents(db: Executor, programmeId: number, until: string, hostPartnerId: number | null): Promise<HeldEvent[]> {
  const result = await sql<HeldEvent>`
    select e.id, e.title, e.host_partner_id as partner_id, ${endedOn}::text as ended_on,
      coalesce(p.attended, 0) as attended, coalesce(p.decision_makers, 0) as decision_makers, coalesce(p.capacity_increased, 0) as capacity_increased
    from events e left join event_participation p on p.event_id = e.id
    where ${heldBy(programmeId, until, hostPartnerId)}
    order by e.ends_at, e.id
  `.execute(db);
  return result.rows;
}

export interface VisitingOrganisation {
  organisation_key: string;
  partner_id: number;
  first_on: string;
  /** The event it first attended at that host (the earliest to end). */
  event_id: number;
}

/**
 * Organisations that attended an event held up to `until` whose host is not the partner region their people came
 * from: one row per organisation and host partner, with the first such event.
 */
export async function visitingOrganisations(db: Executor, programmeId: number, until: string, hostPartnerId: number | null): Promise<VisitingOrganisation[]> {
  const result = await sql<VisitingOrganisation>`
    select distinct on (o.organisation_key, e.host_partner_id) o.organisation_key, e.host_partner_id as partner_id,
      ${endedOn}::text as first_on, e.id as event_id
    from event_organisations o join events e on e.id = o.event_id
    where ${heldBy(programmeId, until, hostPartnerId)} and o.partner_id <> e.host_partner_id
    order by o.organisation_key, e.host_partner_id, e.ends_at, e.id
  `.execute(db);
  return result.rows;
}

/** The names typed by people of the events for these organisation keys (the form's spelling, not the key's). */
export async function typedOrganisationNames(db: Executor, eventIds: number[], keys: string[]): Promise<{ organisation_key: string; name: string }[]> {
  if (eventIds.length === 0 || keys.length === 0) return [];
  const result = await sql<{ organisation_key: string; name: string }>`
    select k.organisation_key, min(regexp_replace(btrim(r.organisation_name), '\\s+', ' ', 'g')) as name
    from registrations r
    cross join lateral (select 'n' || lower(regexp_replace(btrim(r.organisation_name), '\\s+', ' ', 'g')) as organisation_key) k
    where r.event_id in (${sql.join(eventIds)}) and r.attended_at is not null and r.organisation_id is null
      and r.organisation_name is not null and k.organisation_key in (${sql.join(keys)})
    group by 1
  `.execute(db);
  return result.rows;
}
