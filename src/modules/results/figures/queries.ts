/**
 * The figures' statements over results' own tables: the enabled indicators with their partner targets (one query),
 * the reported values summed per indicator, partner and semester (one query), and the reports behind one figure.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { IndicatorKind, IndicatorMethod, IndicatorReportStatus, LocalisedText } from '../tables.js';
import type { Unit } from '../units.js';

export interface IndicatorRow {
  id: number;
  programme_id: number;
  code: string;
  names: LocalisedText;
  definitions: LocalisedText;
  kind: IndicatorKind;
  unit: Unit;
  at_programme: boolean;
  at_partner: boolean;
  method: IndicatorMethod;
  formula: string | null;
  baseline: string;
  programme_target: string | null;
  target_date: string | null;
  enabled: boolean;
  public: boolean;
  builtin_key: string | null;
  position: number;
  /** [partner id, target] pairs, packed so the definitions and targets come in one query. */
  targets: [number, string][] | null;
}

/** The programme's enabled indicators in their order, each with its partner targets; only public ones when asked. */
export async function listEnabledIndicators(
  db: Executor,
  programmeId: number,
  options: { publicOnly: boolean; indicatorId?: number },
): Promise<IndicatorRow[]> {
  const { rows } = await sql<IndicatorRow>`
    select i.id, i.programme_id, i.code, i.names, i.definitions, i.kind, i.unit, i.at_programme, i.at_partner, i.method, i.formula,
      i.baseline::text as baseline, i.programme_target::text as programme_target, to_char(i.target_date, 'YYYY-MM-DD') as target_date,
      i.enabled, i.public, i.builtin_key, i.position,
      (select json_agg(json_build_array(t.partner_id, t.target::text) order by t.partner_id) from indicator_targets t where t.indicator_id = i.id) as targets
    from indicators i
    where i.programme_id = ${programmeId} and i.enabled
      ${options.publicOnly ? sql`and i.public` : sql``}
      ${options.indicatorId === undefined ? sql`` : sql`and i.id = ${options.indicatorId}`}
    order by i.position, i.id
  `.execute(db);
  return rows;
}

/** The programme an indicator belongs to, to choose the semesters and the policy scope of its trace. */
export async function findIndicatorProgramme(db: Executor, indicatorId: number): Promise<number | undefined> {
  const row = await db.selectFrom('indicators').select('programme_id').where('id', '=', indicatorId).executeTakeFirst();
  return row?.programme_id;
}

/** One current report packed as [partner, semester, validated?, value, evidence items (null unless asked)]. */
export type PackedReport = [number, number, boolean, number, number | null];

export interface ReportSumRow {
  indicator_id: number;
  reports: PackedReport[];
}

/**
 * The current reports of the given indicators that count (validated, and submitted ones for the programme's staff;
 * returned ones never), packed as one JSON array per indicator: there is one current report per indicator, partner
 * and semester (a unique index), so nothing needs grouping, and on the embedded database every row returned costs
 * ~20 µs, so a handful of rows rather than thousands. Evidence items are counted only when asked (the exports).
 */
export async function listReportSums(
  db: Executor,
  indicatorIds: readonly number[],
  options: { withSubmitted: boolean; withEvidence: boolean },
): Promise<ReportSumRow[]> {
  if (indicatorIds.length === 0) return [];
  const statuses: IndicatorReportStatus[] = options.withSubmitted ? ['validated', 'submitted'] : ['validated'];
  const evidence = options.withEvidence ? sql`(select count(*)::int from indicator_report_evidence x where x.report_id = r.id)` : sql`null`;
  const { rows } = await sql<ReportSumRow>`
    select r.indicator_id, json_agg(json_build_array(r.partner_id, r.semester, r.status = 'validated', r.value, ${evidence})) as reports
    from indicator_reports r
    where r.current and r.indicator_id = any(${[...indicatorIds]}::int[]) and r.status = any(${statuses}::text[])
    group by r.indicator_id
  `.execute(db);
  return rows;
}

export interface ReportRecordRow {
  id: number;
  partner_id: number;
  semester: number;
  value: string;
  explanation: string;
  status: IndicatorReportStatus;
  reported_at: Date;
  reviewed_at: Date | null;
  illustrative: boolean;
  evidence: number;
}

/** The current reports that make one figure: up to the semester, for one partner or every one, validated (or also submitted). */
export async function listReportRecords(
  db: Executor,
  indicatorId: number,
  scope: { partnerId: number | null; semester: number },
  withSubmitted: boolean,
): Promise<ReportRecordRow[]> {
  const statuses: IndicatorReportStatus[] = withSubmitted ? ['validated', 'submitted'] : ['validated'];
  const { rows } = await sql<ReportRecordRow>`
    select r.id, r.partner_id, r.semester, r.value::text as value, r.explanation, r.status, r.reported_at, r.reviewed_at, r.illustrative,
      (select count(*)::int from indicator_report_evidence x where x.report_id = r.id) as evidence
    from indicator_reports r
    where r.current and r.indicator_id = ${indicatorId} and r.semester <= ${scope.semester} and r.status = any(${statuses}::text[])
      ${scope.partnerId === null ? sql`` : sql`and r.partner_id = ${scope.partnerId}`}
    order by r.semester, r.partner_id, r.id
  `.execute(db);
  return rows;
}
