/**
 * The figures engine: every enabled indicator's value as at the end of each semester, for the programme and each
 * partner, with targets and baseline; and the records that make any one figure (its trace). Computed indicators take
 * their formula's series (one `series()` call per formula, whatever the number of indicators or partners); reported
 * ones add up the validated current reports to each semester, and for the programme's staff also the values waiting
 * for validation, kept apart so they never enter a total.
 */
import type { Db, Executor } from '../../../core/db/database.js';
import { contributionsTo } from '../../../core/module.js';
import { anonymous, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { listPartners } from '../../partners/service.js';
import { findProgramme, semestersOf, type Programme } from '../../programmes/service.js';
import {
  formulas as formulasPoint,
  recount,
  type Formula,
  type FormulaContext,
  type FormulaPoint,
  type SemesterBounds,
  type TraceRecord,
} from '../formulas.js';
import type { IndicatorReportStatus } from '../tables.js';
import type { Indicator, IndicatorSeries, SeriesValue } from '../types.js';
import { indicatorFromRow } from '../indicator-rows.js';
import * as queries from './queries.js';
import { keptSeries, seriesVersion } from './series-cache.js';

export interface FiguresOptions {
  /** The formulas to compute with; the installed ones (`results.formulas`) by default, so tests pass their own. */
  formulas?: readonly Formula[];
  /** Formula keys to compute besides those the indicators name (the success measures show them). */
  alsoFormulas?: readonly string[];
  /** Only this indicator (a chart or trace of one), and no other formula. */
  onlyIndicator?: number;
  /** Count the evidence behind reported figures (the exports show it; the page does not need it). */
  withEvidence?: boolean;
}

export interface FiguresPartner {
  id: number;
  name: string;
  shortName: string;
}

export interface ResultsFigures {
  programme: Programme;
  semesters: SemesterBounds[];
  partners: FiguresPartner[];
  /** Whether the actor sees values waiting for validation (the programme's staff). */
  showsUnvalidated: boolean;
  indicators: IndicatorSeries[];
  /** Every formula used or asked for and installed, with its points (the measures read them). */
  formulaPoints: Map<string, { formula: Formula; points: FormulaPoint[] }>;
  /** Formula keys named by an indicator or asked for that no installed module offers. */
  missingFormulas: string[];
  /** The evidence items behind a reported figure (validated reports only, or also those waiting), null for computed. */
  evidenceOf(indicatorId: number, partnerId: number | null, semester: number, withUnvalidated: boolean): number | null;
}

function installedFormulas(options: FiguresOptions): readonly Formula[] {
  return options.formulas ?? contributionsTo(formulasPoint);
}

function toIndicator(row: queries.IndicatorRow): Indicator {
  return indicatorFromRow(
    row,
    (row.targets ?? []).map(([partnerId, target]) => ({ partnerId, target: Number(target) })),
  );
}

/** Reported amounts have two decimals at most: summed as whole cents, so 0.1 + 0.2 is 0.3 and totals stay exact. */
const cents = (amount: number | string): number => Math.round(Number(amount) * 100);

/** Who may see values not validated yet, and indicators not public: the programme's staff. */
export function showsUnvalidated(actor: Actor, programmeId: number): boolean {
  return can(actor, 'results.read_unvalidated', { programmeId });
}

async function programmeContext(db: Db, programmeId: number) {
  const programme = await findProgramme(db, programmeId);
  if (!programme) return undefined;
  const semesters: SemesterBounds[] = semestersOf(programme);
  return { programme, semesters };
}

interface Cumulative {
  validated: number;
  submitted: number;
  waiting: number;
  validatedEvidence: number;
  evidence: number;
}

/**
 * Every figure of the programme's enabled indicators (public ones only for people who may not see unvalidated
 * values), and of the formulas asked for. Queries: the programme, its partners, the indicators with targets, the
 * reported sums, then one `series()` per formula used.
 */
export async function resultsFigures(db: Db, actor: Actor, programmeId: number, options: FiguresOptions = {}): Promise<ResultsFigures | undefined> {
  const context = await programmeContext(db, programmeId);
  if (!context) return undefined;
  const { programme, semesters } = context;
  const staff = showsUnvalidated(actor, programmeId);
  const [partnerRows, indicatorRows] = await Promise.all([
    listPartners(db, anonymous, programmeId),
    queries.listEnabledIndicators(db, programmeId, {
      publicOnly: !staff,
      ...(options.onlyIndicator === undefined ? {} : { indicatorId: options.onlyIndicator }),
    }),
  ]);
  const partners = partnerRows.map(({ id, name, shortName }) => ({ id, name, shortName }));
  const available = new Map(installedFormulas(options).map((formula) => [formula.key, formula]));
  const indicators = indicatorRows.map(toIndicator);
  const wanted = [
    ...new Set([
      ...indicators.flatMap((indicator) => (indicator.formula ? [indicator.formula] : [])),
      ...(options.onlyIndicator === undefined ? (options.alsoFormulas ?? []) : []),
    ]),
  ];
  const missingFormulas = wanted.filter((key) => !available.has(key));
  const formulaContext: FormulaContext = { db, programmeId, semesters, partnerIds: partnerRows.map((partner) => partner.id) };
  const reported = indicators.filter((indicator) => indicator.method === 'reported').map((indicator) => indicator.id);
  const version = await seriesVersion(db);
  const [sums, ...computed] = await Promise.all([
    queries.listReportSums(db, reported, { withSubmitted: staff, withEvidence: options.withEvidence ?? false }),
    ...wanted.flatMap((key) => {
      const formula = available.get(key);
      return formula ? [keptSeries(formula, formulaContext, version).then((points) => ({ formula, points }))] : [];
    }),
  ]);
  const formulaPoints = new Map(computed.map((entry) => [entry.formula.key, entry]));

  // Each semester's amounts per indicator and partner, in whole cents, then cumulated over the semesters; the
  // programme's figure adds the partners'.
  const zero = (): Cumulative => ({ validated: 0, submitted: 0, waiting: 0, validatedEvidence: 0, evidence: 0 });
  const keyOf = (indicatorId: number, partnerId: number | null, semester: number) => `${indicatorId}:${partnerId ?? 'p'}:${semester}`;
  const amounts = new Map<string, Cumulative>();
  const reportPartners = new Map<number, Set<number>>();
  for (const { indicator_id: indicatorId, reports } of sums) {
    const seen = new Set<number>();
    for (const [partnerId, semester, validated, value, evidence] of reports) {
      seen.add(partnerId);
      const key = keyOf(indicatorId, partnerId, semester);
      const amount = amounts.get(key) ?? zero();
      if (validated) {
        amount.validated += cents(value);
        amount.validatedEvidence += evidence ?? 0;
      } else {
        amount.submitted += cents(value);
        amount.waiting += 1;
      }
      amount.evidence += evidence ?? 0;
      amounts.set(key, amount);
    }
    reportPartners.set(indicatorId, seen);
  }
  for (const [indicatorId, seen] of reportPartners) {
    for (const partnerId of seen) {
      const running = zero();
      // Semesters start at 1 (a check in the table); reports after the programme's last semester are not counted.
      for (const { number } of semesters) {
        const key = keyOf(indicatorId, partnerId, number);
        const own = amounts.get(key);
        if (own) addTo(running, own);
        amounts.set(key, { ...running });
        const total = amounts.get(keyOf(indicatorId, null, number)) ?? zero();
        addTo(total, running);
        amounts.set(keyOf(indicatorId, null, number), total);
      }
    }
  }

  const reportedValue = (indicatorId: number, partnerId: number | null, semester: number): SeriesValue => {
    const amount = amounts.get(keyOf(indicatorId, partnerId, semester));
    if (!amount) return { semester, value: 0, unvalidated: null };
    return {
      semester,
      value: amount.validated / 100,
      unvalidated: staff && amount.waiting > 0 ? (amount.validated + amount.submitted) / 100 : null,
    };
  };

  const series: IndicatorSeries[] = [];
  for (const indicator of indicators) {
    let valueOf: (partnerId: number | null, semester: number) => SeriesValue;
    if (indicator.method === 'computed') {
      const entry = indicator.formula ? formulaPoints.get(indicator.formula) : undefined;
      if (!entry) continue; // its formula is not installed: no figure rather than a false zero
      const points = new Map(entry.points.map((point) => [keyOf(indicator.id, point.partnerId, point.semester), point.value]));
      valueOf = (partnerId, semester) => ({ semester, value: points.get(keyOf(indicator.id, partnerId, semester)) ?? 0, unvalidated: null });
    } else {
      valueOf = (partnerId, semester) => reportedValue(indicator.id, partnerId, semester);
    }
    const targets = new Map(indicator.partnerTargets.map((target) => [target.partnerId, target.target]));
    series.push({
      indicator,
      programme: indicator.atProgramme ? semesters.map(({ number }) => valueOf(null, number)) : [],
      partners: indicator.atPartner
        ? partners.map((partner) => ({
            partnerId: partner.id,
            target: targets.get(partner.id) ?? null,
            values: semesters.map(({ number }) => valueOf(partner.id, number)),
          }))
        : [],
    });
  }

  return {
    programme,
    semesters,
    partners,
    showsUnvalidated: staff,
    indicators: series,
    formulaPoints,
    missingFormulas,
    evidenceOf(indicatorId, partnerId, semester, withUnvalidated) {
      if (!reported.includes(indicatorId)) return null;
      const amount = amounts.get(keyOf(indicatorId, partnerId, semester));
      if (!amount) return 0;
      return withUnvalidated ? amount.evidence : amount.validatedEvidence;
    },
  };
}

function addTo(total: Cumulative, amount: Cumulative): void {
  total.validated += amount.validated;
  total.submitted += amount.submitted;
  total.waiting += amount.waiting;
  total.validatedEvidence += amount.validatedEvidence;
  total.evidence += amount.evidence;
}

/**
 * The programme's enabled indicators as series per semester (programme and partner points, targets): public ones
 * only, and validated values only, for people who are not the programme's staff.
 */
export async function indicatorSeries(db: Db, actor: Actor, programmeId: number, options: FiguresOptions = {}): Promise<IndicatorSeries[]> {
  return (await resultsFigures(db, actor, programmeId, options))?.indicators ?? [];
}

export interface FigureScope {
  /** One partner's figure, or (null) the programme's. */
  partnerId: number | null;
  semester: number;
}

/** A reported value behind a figure: the report, its explanation, how much evidence it carries. */
export interface ReportTrace {
  id: number;
  partnerId: number;
  semester: number;
  value: number;
  explanation: string;
  status: Extract<IndicatorReportStatus, 'validated' | 'submitted'>;
  reportedAt: Date;
  reviewedAt: Date | null;
  illustrative: boolean;
  evidenceCount: number;
}

export type FigureTrace =
  | {
      method: 'computed';
      programme: Programme;
      semesters: SemesterBounds[];
      indicator: Indicator | null;
      formula: Formula;
      records: TraceRecord[];
      value: number;
    }
  | {
      method: 'reported';
      programme: Programme;
      semesters: SemesterBounds[];
      indicator: Indicator;
      reports: ReportTrace[];
      /** The validated total, and (staff) the total with the values waiting, null when none wait. */
      value: number;
      unvalidated: number | null;
    };

/**
 * The records that make one figure of an indicator: its formula's records, or the validated current reports up to
 * the semester (and, for the programme's staff, the submitted ones, marked). Undefined when the indicator is not
 * enabled, not visible to the actor, or its formula is not installed.
 */
export async function indicatorRecords(
  db: Db,
  actor: Actor,
  indicatorId: number,
  scope: FigureScope,
  options: FiguresOptions = {},
): Promise<FigureTrace | undefined> {
  const programmeId = await queries.findIndicatorProgramme(db, indicatorId);
  if (programmeId === undefined) return undefined;
  const staff = showsUnvalidated(actor, programmeId);
  const [row] = await queries.listEnabledIndicators(db, programmeId, { publicOnly: !staff, indicatorId });
  const context = row && (await programmeContext(db, programmeId));
  if (!row || !context) return undefined;
  const indicator = toIndicator(row);
  if (indicator.method === 'computed') {
    const formula = installedFormulas(options).find((candidate) => candidate.key === indicator.formula);
    if (!formula) return undefined;
    const records = await formula.records(await formulaContext(db, programmeId, context.semesters), scope);
    return { method: 'computed', ...context, indicator, formula, records, value: recount(formula.recount, records) };
  }
  const rows = await queries.listReportRecords(db, indicatorId, scope, staff);
  const reports: ReportTrace[] = rows.map((report) => ({
    id: report.id,
    partnerId: report.partner_id,
    semester: report.semester,
    value: Number(report.value),
    explanation: report.explanation,
    status: report.status === 'submitted' ? 'submitted' : 'validated',
    reportedAt: report.reported_at,
    reviewedAt: report.reviewed_at,
    illustrative: report.illustrative,
    evidenceCount: report.evidence,
  }));
  const sum = (list: ReportTrace[]) => list.reduce((total, report) => total + Math.round(report.value * 100), 0) / 100;
  const validated = reports.filter((report) => report.status === 'validated');
  return {
    method: 'reported',
    ...context,
    indicator,
    reports,
    value: sum(validated),
    unvalidated: staff && validated.length < reports.length ? sum(reports) : null,
  };
}

/** The records that make a formula's figure when no indicator names it (a success measure's figure). */
export async function formulaRecords(
  db: Db,
  programmeId: number,
  formulaKey: string,
  scope: FigureScope,
  options: FiguresOptions = {},
): Promise<FigureTrace | undefined> {
  const formula = installedFormulas(options).find((candidate) => candidate.key === formulaKey);
  const context = formula && (await programmeContext(db, programmeId));
  if (!formula || !context) return undefined;
  const records = await formula.records(await formulaContext(db, programmeId, context.semesters), scope);
  return { method: 'computed', ...context, indicator: null, formula, records, value: recount(formula.recount, records) };
}

/** What a formula is asked with: the programme, its semesters and its partners. */
export async function formulaContext(db: Executor, programmeId: number, semesters: readonly SemesterBounds[]): Promise<FormulaContext> {
  return { db, programmeId, semesters, partnerIds: (await listPartners(db, anonymous, programmeId)).map((partner) => partner.id) };
}

/** The programme with its semesters and partners: what a figure's filters are checked against. */
export async function programmeScope(
  db: Db,
  programmeId: number,
): Promise<{ programme: Programme; semesters: SemesterBounds[]; partners: FiguresPartner[] } | undefined> {
  const [context, partners] = await Promise.all([programmeContext(db, programmeId), listPartners(db, anonymous, programmeId)]);
  return context && { ...context, partners: partners.map(({ id, name, shortName }) => ({ id, name, shortName })) };
}

/** The programme an indicator belongs to, or undefined when there is no such indicator. */
export async function indicatorProgramme(db: Db, indicatorId: number): Promise<number | undefined> {
  return queries.findIndicatorProgramme(db, indicatorId);
}

/** The formulas the platform has installed, by key. */
export function installedFormula(key: string, options: FiguresOptions = {}): Formula | undefined {
  return installedFormulas(options).find((formula) => formula.key === key);
}
