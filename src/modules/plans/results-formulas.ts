/**
 * The plans' formulas for the results dashboard: action plans developed, their implementation (percent complete
 * weighted by cost), actions completed and in progress, and policy instruments improved. Only endorsed plans count —
 * they are the plans the public may read. Rules and reasons: docs/formulas/build.md.
 */
import { anonymous } from '../../core/policy/actor.js';
import { listPartners } from '../partners/service.js';
import type { Formula, FormulaContext, FormulaPoint, SemesterBounds, TraceRecord } from '../results/service.js';
import * as queries from './results-queries.js';

/** A point of zero for every partner and the programme in every semester, keyed `partner:semester`. */
async function emptyPoints(context: FormulaContext): Promise<Map<string, FormulaPoint>> {
  const points = new Map<string, FormulaPoint>();
  for (const semester of context.semesters) {
    for (const partnerId of [...context.partnerIds, null]) {
      points.set(`${partnerId}:${semester.number}`, { partnerId, semester: semester.number, value: 0 });
    }
  }
  return points;
}

/** Cumulative figures from each semester's increases: a record counts from the semester it falls in onwards. */
async function cumulative(context: FormulaContext, increments: readonly queries.IncrementRow[]): Promise<FormulaPoint[]> {
  const points = await emptyPoints(context);
  for (const row of increments) {
    for (const semester of context.semesters) {
      if (semester.number < row.semester) continue;
      for (const partnerId of [row.partner_id, null]) {
        const point = points.get(`${partnerId}:${semester.number}`);
        if (point) point.value += Number(row.value);
      }
    }
  }
  return [...points.values()];
}

function semesterOf(context: FormulaContext, number: number): SemesterBounds | undefined {
  return context.semesters.find((semester) => semester.number === number);
}

const planHref = (planId: number) => `/plans/${planId}`;

export const plansEndorsed: Formula = {
  key: 'plans.endorsed',
  nameKey: 'plans.formulas.endorsed.name',
  descriptionKey: 'plans.formulas.endorsed.description',
  unit: 'count',
  recount: 'sum',
  series: async (context) => cumulative(context, await queries.endorsedPlanIncrements(context.db, context.programmeId, context.semesters)),
  records: async (context, scope) => {
    const semester = semesterOf(context, scope.semester);
    if (!semester) return [];
    const [rows, partners] = await Promise.all([
      queries.endorsedPlans(context.db, context.programmeId, semester.endsOn, scope.partnerId),
      listPartners(context.db, anonymous, context.programmeId),
    ]);
    const names = new Map(partners.map((partner) => [partner.id, partner.shortName]));
    return rows.map((row): TraceRecord => ({
      kindKey: 'plans.formulas.records.plan',
      id: row.plan_id,
      label: [names.get(row.partner_id), row.instrument].filter(Boolean).join(': '),
      href: planHref(row.plan_id),
      partnerId: row.partner_id,
      date: row.endorsed_on,
      value: 1,
    }));
  },
};

type ActionFigure = 'implementation' | 'completed' | 'in_progress';

async function actionSeries(context: FormulaContext, figure: ActionFigure): Promise<FormulaPoint[]> {
  const [points, rows] = await Promise.all([emptyPoints(context), queries.actionFigures(context.db, context.programmeId, context.semesters)]);
  for (const row of rows) {
    const point = points.get(`${row.partner_id}:${row.semester}`);
    if (!point) continue;
    if (figure === 'implementation') point.value = Number(row.weight) > 0 ? Number(row.weighted) / Number(row.weight) : 0;
    else point.value = Number(figure === 'completed' ? row.completed : row.in_progress);
  }
  return [...points.values()];
}

async function actionRecords(context: FormulaContext, scope: { partnerId: number | null; semester: number }, figure: ActionFigure): Promise<TraceRecord[]> {
  const semester = semesterOf(context, scope.semester);
  if (!semester) return [];
  const rows = await queries.actionStatesAt(context.db, context.programmeId, { number: semester.number, endsOn: semester.endsOn }, scope.partnerId);
  const kept = rows.filter((row) => (figure === 'implementation' ? row.counted : figure === 'completed' ? row.completed : row.in_progress));
  return kept.map((row) => {
    const reportedIn = row.report_semester === null ? undefined : semesterOf(context, row.report_semester);
    const record: TraceRecord = {
      kindKey: 'plans.formulas.records.action',
      id: `${row.plan_id}:${row.action_key}`,
      label: row.title,
      href: `${planHref(row.plan_id)}/reports`,
      partnerId: row.partner_id,
      // Placed by the report it was last measured in; an action not yet reported on stands at the semester's end.
      date: reportedIn?.endsOn ?? semester.endsOn,
      value: figure === 'implementation' ? Number(row.percent) : 1,
    };
    return figure === 'implementation' ? { ...record, weight: Number(row.weight) } : record;
  });
}

export const plansImplementation: Formula = {
  key: 'plans.implementation',
  nameKey: 'plans.formulas.implementation.name',
  descriptionKey: 'plans.formulas.implementation.description',
  unit: 'percent',
  recount: 'weighted',
  series: (context) => actionSeries(context, 'implementation'),
  records: (context, scope) => actionRecords(context, scope, 'implementation'),
};

export const actionsCompleted: Formula = {
  key: 'plans.actions_completed',
  nameKey: 'plans.formulas.actionsCompleted.name',
  descriptionKey: 'plans.formulas.actionsCompleted.description',
  unit: 'count',
  recount: 'sum',
  series: (context) => actionSeries(context, 'completed'),
  records: (context, scope) => actionRecords(context, scope, 'completed'),
};

export const actionsInProgress: Formula = {
  key: 'plans.actions_in_progress',
  nameKey: 'plans.formulas.actionsInProgress.name',
  descriptionKey: 'plans.formulas.actionsInProgress.description',
  unit: 'count',
  recount: 'sum',
  series: (context) => actionSeries(context, 'in_progress'),
  records: (context, scope) => actionRecords(context, scope, 'in_progress'),
};

export const policyInstrumentsImproved: Formula = {
  key: 'plans.policy_instruments_improved',
  nameKey: 'plans.formulas.policyInstrumentsImproved.name',
  descriptionKey: 'plans.formulas.policyInstrumentsImproved.description',
  unit: 'count',
  recount: 'distinct',
  series: async (context) => {
    const last = context.semesters.at(-1)?.number ?? 0;
    return cumulative(context, await queries.improvementIncrements(context.db, context.programmeId, last));
  },
  records: async (context, scope) => {
    const semester = semesterOf(context, scope.semester);
    if (!semester) return [];
    const rows = await queries.improvementReports(context.db, context.programmeId, semester.number, scope.partnerId);
    return rows.map((row): TraceRecord => ({
      kindKey: 'plans.formulas.records.improvement',
      id: row.id,
      label: row.title ?? row.improvement_type,
      href: `${planHref(row.plan_id)}/reports`,
      partnerId: row.partner_id,
      date: semesterOf(context, row.semester)?.endsOn ?? semester.endsOn,
      value: 1,
      // One plan improves one policy instrument: its reports of improvements count once.
      distinctKey: `plan:${row.plan_id}`,
    }));
  },
};

/** Every formula the plans fill into the results' formulas point. */
export const planFormulas: readonly Formula[] = [plansEndorsed, plansImplementation, actionsCompleted, actionsInProgress, policyInstrumentsImproved];
