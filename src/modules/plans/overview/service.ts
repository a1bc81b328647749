/**
 * The programme's view of its plans: for each endorsed plan, its actions' latest reported status (completed, on
 * track, delayed…), progress weighted by cost where costs exist, policy instruments improved, and the budget planned
 * against the money spent. Reads the latest endorsed versions and each action's latest current report.
 */
import type { Db } from '../../../core/db/database.js';
import type { PlanAction } from '../content.js';
import { reportStatuses, type ReportStatus } from '../tables.js';
import { listEndorsedPlanProgress } from './queries.js';

export interface ActionProgress {
  action: Pick<PlanAction, 'key' | 'title' | 'startsOn' | 'endsOn' | 'costsEur'>;
  /** The latest semester reported, with its figures; null before any report. */
  latest: { semester: number; status: ReportStatus; percentComplete: number; spentEur: number } | null;
}

export interface PlanProgress {
  planId: number;
  partnerId: number;
  version: number;
  endorsedOn: string;
  actions: ActionProgress[];
  /** Actions by their latest status; those without a report count as not started. */
  byStatus: Record<ReportStatus, number>;
  /** Percent complete, each action weighted by its cost (or equally when no action has a cost). */
  progress: number;
  instrumentsImproved: number;
  plannedEur: number;
  spentEur: number;
}

/** Each endorsed plan of the programme with its actions' latest reports, and the figures drawn from them. */
export async function programmeOverview(db: Db, programmeId: number): Promise<PlanProgress[]> {
  const rows = await listEndorsedPlanProgress(db, programmeId);
  return rows.map((version) => {
    const actions: ActionProgress[] = (version.actions ?? []).map(([key, title, startsOn, endsOn, costsEur, semester, status, percentComplete, spentEur]) => ({
      action: { key, title, startsOn, endsOn, costsEur },
      latest: status && semester !== null ? { semester, status, percentComplete: percentComplete ?? 0, spentEur: spentEur ?? 0 } : null,
    }));
    const byStatus = Object.fromEntries(reportStatuses.map((status) => [status, 0])) as Record<ReportStatus, number>;
    for (const entry of actions) byStatus[entry.latest?.status ?? 'not_started'] += 1;
    const costed = actions.filter((entry) => (entry.action.costsEur ?? 0) > 0);
    const weights = costed.length ? costed : actions;
    const totalWeight = weights.reduce((sum, entry) => sum + (costed.length ? (entry.action.costsEur ?? 0) : 1), 0);
    const progress = totalWeight
      ? weights.reduce((sum, entry) => sum + (costed.length ? (entry.action.costsEur ?? 0) : 1) * (entry.latest?.percentComplete ?? 0), 0) / totalWeight
      : 0;
    return {
      planId: version.plan_id,
      partnerId: version.partner_id,
      version: version.number,
      endorsedOn: version.endorsed_on,
      actions,
      byStatus,
      progress: Math.round(progress),
      instrumentsImproved: version.improved,
      plannedEur: actions.reduce((sum, entry) => sum + (entry.action.costsEur ?? 0), 0),
      spentEur: actions.reduce((sum, entry) => sum + (entry.latest?.spentEur ?? 0), 0),
    };
  });
}
