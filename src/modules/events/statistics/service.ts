/**
 * Participation statistics for a programme, or for the events one partner hosted: events held by type and semester,
 * participants and attendance by helix, role, partner region and event type, the share of decision makers and the
 * people whose professional capacity increased. Read from participation_totals, which the database keeps with
 * every write, so the page costs a few thousand rows whatever the number of registrations.
 */
import type { Db } from '../../../core/db/database.js';
import type { EventType } from '../tables.js';
import * as queries from './queries.js';

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

export async function participationStatistics(
  db: Db,
  programme: { id: number; startsOn: string },
  hostPartnerId: number | null,
  now = new Date(),
): Promise<ParticipationStatistics> {
  const [held, breakdowns] = await Promise.all([queries.eventsHeld(db, programme, hostPartnerId, now), queries.breakdowns(db, programme.id, hostPartnerId)]);
  const of = (dimension: queries.Dimension) =>
    breakdowns
      .filter((row) => row.dimension === dimension && (row.registered !== 0 || row.attended !== 0))
      .map((row) => ({ value: row.value ?? '', registered: row.registered, attended: row.attended }))
      .sort((a, b) => b.registered - a.registered || a.value.localeCompare(b.value));
  const total = breakdowns.find((row) => row.dimension === 'total');
  const registered = total?.registered ?? 0;
  const attended = total?.attended ?? 0;
  const feedback = total?.feedback ?? 0;
  return {
    eventsHeld: held,
    totals: {
      eventsHeld: held.reduce((sum, row) => sum + row.count, 0),
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
