/**
 * The programme's view of its plans: for each endorsed plan, its actions' latest reported status (completed, on
 * track, delayed…), progress weighted by cost where costs exist, policy instruments improved, and the budget planned
 * against the money spent. Reads the latest endorsed versions and each action's latest current report.
 */
import { sql } from 'kysely';
import type { Db } from '../../core/db/database.js';
import { planContentSchema, type PlanAction } from './content.js';
import type { ReportStatus } from './tables.js';
import { reportStatuses } from './tables.js';

export interface ActionProgress {
  action: PlanAction;
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

export async function programmeOverview(db: Db, programmeId: number): Promise<PlanProgress[]> {
  const [versions, latest, improved] = await Promise.all([
    sql<{ plan_id: number; partner_id: number; number: number; endorsed_on: string; content: unknown }>`
      select distinct on (v.plan_id) v.plan_id, p.partner_id, v.number, v.endorsed_on, v.content
      from plan_versions v join plans p on p.id = v.plan_id
      where p.programme_id = ${programmeId} and v.status = 'endorsed'
      order by v.plan_id, v.number desc
    `.execute(db),
    sql<{ plan_id: number; action_key: string; semester: number; status: ReportStatus; percent_complete: number; spent_eur: number }>`
      select distinct on (r.plan_id, r.action_key) r.plan_id, r.action_key, r.semester, r.status, r.percent_complete, r.spent_eur
      from progress_reports r join plans p on p.id = r.plan_id
      where p.programme_id = ${programmeId} and r.current
      order by r.plan_id, r.action_key, r.semester desc
    `.execute(db),
    sql<{ plan_id: number; count: number }>`
      select r.plan_id, count(*)::int as count
      from progress_reports r join plans p on p.id = r.plan_id
      where p.programme_id = ${programmeId} and r.current and r.instrument_improved
      group by r.plan_id
    `.execute(db),
  ]);
  const latestByAction = new Map(latest.rows.map((row) => [`${row.plan_id}|${row.action_key}`, row]));
  const improvedByPlan = new Map(improved.rows.map((row) => [row.plan_id, row.count]));
  return versions.rows.map((version) => {
    const content = planContentSchema.parse(version.content);
    const actions: ActionProgress[] = content.actions.map((action) => {
      const row = latestByAction.get(`${version.plan_id}|${action.key}`);
      return { action, latest: row ? { semester: row.semester, status: row.status, percentComplete: row.percent_complete, spentEur: Number(row.spent_eur) } : null };
    });
    const byStatus = Object.fromEntries(reportStatuses.map((status) => [status, 0])) as Record<ReportStatus, number>;
    for (const entry of actions) byStatus[entry.latest?.status ?? 'not_started'] += 1;
    const costed = actions.filter((entry) => (entry.action.costsEur ?? 0) > 0);
    const weights = costed.length ? costed : actions;
    const totalWeight = weights.reduce((sum, entry) => sum + (costed.length ? (entry.action.costsEur ?? 0) : 1), 0);
    const progress = totalWeight ? weights.reduce((sum, entry) => sum + (costed.length ? (entry.action.costsEur ?? 0) : 1) * (entry.latest?.percentComplete ?? 0), 0) / totalWeight : 0;
    return {
      planId: version.plan_id,
      partnerId: version.partner_id,
      version: version.number,
      endorsedOn: version.endorsed_on,
      actions,
      byStatus,
      progress: Math.round(progress),
      instrumentsImproved: improvedByPlan.get(version.plan_id) ?? 0,
      plannedEur: actions.reduce((sum, entry) => sum + (entry.action.costsEur ?? 0), 0),
      spentEur: actions.reduce((sum, entry) => sum + (entry.latest?.spentEur ?? 0), 0),
    };
  });
}
