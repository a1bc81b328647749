/**
 * Participation statistics for a programme, or for the events one partner hosted: events held by type and semester,
 * participants and attendance by helix, role, partner region and event type, the share of decision makers and the
 * people whose professional capacity increased. Read from participation_totals, which the database keeps with
 * every write, so the page costs a few thousand rows whatever the number of registrations.
 */
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import type { EventType } from '../tables.js';

export interface Breakdown {
  value: string;
  registered: number;
  attended: number;
}

export interface ParticipationStatistics {
  eventsHeld: { type: EventType; semester: number; count: number }[];
  totals: {
    eventsHeld: number;
    registered: number;
    attended: number;
    /** Attended ÷ registered, null without registrations. */
    attendanceRate: number | null;
    /** Decision makers among those who attended, null without attendance. */
    decisionMakerShare: number | null;
    feedback: number;
    capacityIncreased: number;
    averageSatisfaction: number | null;
  };
  byHelix: Breakdown[];
  byRole: Breakdown[];
  /** By partner region: the partner id, '0' for people from elsewhere. */
  byPartner: Breakdown[];
  byType: Breakdown[];
}

type Dimension = 'helix' | 'role' | 'partner' | 'type' | 'total';

export async function participationStatistics(db: Db, programme: { id: number; startsOn: string }, hostPartnerId: number | null, now = new Date()): Promise<ParticipationStatistics> {
  const host = hostPartnerId === null ? sql`true` : sql`host_partner_id = ${hostPartnerId}`;
  const [held, breakdowns] = await Promise.all([
    sql<{ type: EventType; semester: number; count: number }>`
      select type,
        (floor((extract(year from age((starts_at at time zone 'UTC')::date, ${programme.startsOn}::date)) * 12
          + extract(month from age((starts_at at time zone 'UTC')::date, ${programme.startsOn}::date))) / 6) + 1)::int as semester,
        count(*)::int as count
      from events
      where programme_id = ${programme.id} and ends_at < ${now} and ${host}
      group by 1, 2
      order by 2, 1
    `.execute(db),
    sql<{ dimension: Dimension; value: string | null; registered: number; attended: number; feedback: number; capacity_increased: number; satisfaction_sum: number; decision_makers: number }>`
      with totals as (select * from participation_totals where programme_id = ${programme.id} and ${host})
      select 'helix' as dimension, helix as value, sum(registered)::int as registered, sum(attended)::int as attended, 0 as feedback, 0 as capacity_increased, 0 as satisfaction_sum, 0 as decision_makers from totals group by helix
      union all select 'role', role, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by role
      union all select 'partner', partner_key::text, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by partner_key
      union all select 'type', event_type, sum(registered)::int, sum(attended)::int, 0, 0, 0, 0 from totals group by event_type
      union all select 'total', null, coalesce(sum(registered), 0)::int, coalesce(sum(attended), 0)::int, coalesce(sum(feedback), 0)::int, coalesce(sum(capacity_increased), 0)::int,
        coalesce(sum(satisfaction_sum), 0)::int, coalesce(sum(attended) filter (where role = 'decision_maker'), 0)::int from totals
    `.execute(db),
  ]);
  const of = (dimension: Dimension) =>
    breakdowns.rows
      .filter((row) => row.dimension === dimension && (row.registered !== 0 || row.attended !== 0))
      .map((row) => ({ value: row.value ?? '', registered: row.registered, attended: row.attended }))
      .sort((a, b) => b.registered - a.registered || a.value.localeCompare(b.value));
  const total = breakdowns.rows.find((row) => row.dimension === 'total');
  const registered = total?.registered ?? 0;
  const attended = total?.attended ?? 0;
  const feedback = total?.feedback ?? 0;
  return {
    eventsHeld: held.rows,
    totals: {
      eventsHeld: held.rows.reduce((sum, row) => sum + row.count, 0),
      registered,
      attended,
      attendanceRate: registered ? attended / registered : null,
      decisionMakerShare: attended ? (total?.decision_makers ?? 0) / attended : null,
      feedback,
      capacityIncreased: total?.capacity_increased ?? 0,
      averageSatisfaction: feedback ? (total?.satisfaction_sum ?? 0) / feedback : null,
    },
    byHelix: of('helix'),
    byRole: of('role'),
    byPartner: of('partner'),
    byType: of('type'),
  };
}
