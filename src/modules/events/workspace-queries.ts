/** SQL for My work (/me): the editor's partners' events taking place today, with their registrations to check in. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

/**
 * Events hosted by the partners that run on the day `now` falls on in the event's own time zone (a host at the door
 * thinks in local days), with how many are registered and how many are checked in already.
 */
export async function eventsToCheckIn(db: Executor, hostPartners: readonly number[], now: Date) {
  if (hostPartners.length === 0) return [];
  const result = await sql<{ id: number; title: string; programme_id: number; host_partner_id: number; starts_at: Date; registered: number; attended: number }>`
    select e.id, e.title, e.programme_id, e.host_partner_id, e.starts_at,
      (select count(*)::int from registrations r where r.event_id = e.id and r.status = 'registered') as registered,
      (select count(*)::int from registrations r where r.event_id = e.id and r.status = 'registered' and r.attended_at is not null) as attended
    from events e
    where e.host_partner_id in (${sql.join(hostPartners)})
      and e.starts_at < ${now}::timestamptz + interval '1 day' and e.ends_at > ${now}::timestamptz - interval '1 day'
      and (${now}::timestamptz at time zone e.time_zone)::date
        between (e.starts_at at time zone e.time_zone)::date and (e.ends_at at time zone e.time_zone)::date
      and exists (select 1 from registrations r where r.event_id = e.id and r.status = 'registered')
    order by e.starts_at, e.id
  `.execute(db);
  return result.rows;
}
