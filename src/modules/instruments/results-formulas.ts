/**
 * The instruments' formulas for the results dashboard: instruments developed, adopted by another authority, and the
 * sums of their impact series (users, transactions, hours and money saved). Only published instruments count — the
 * ones the public sees. Rules and reasons: docs/formulas/build.md.
 */
import type { Formula, FormulaContext, FormulaPoint } from '../results/service.js';
import * as queries from './results-queries.js';

/** Cumulative figures from each semester's increases, with a zero for every partner and the programme wherever nothing counts. */
async function cumulative(context: FormulaContext, increments: readonly queries.IncrementRow[]): Promise<FormulaPoint[]> {
  const points = new Map<string, FormulaPoint>();
  for (const semester of context.semesters) {
    for (const partnerId of [...context.partnerIds, null]) {
      points.set(`${partnerId}:${semester.number}`, { partnerId, semester: semester.number, value: 0 });
    }
  }
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

interface Definition {
  key: string;
  /** The i18n key's middle part under instruments.formulas. */
  name: string;
  unit: Formula['unit'];
  figure: queries.InstrumentFigure;
}

function instrumentFormula({ key, name, unit, figure }: Definition): Formula {
  const stage = figure === 'developed' || figure === 'scaled';
  return {
    key,
    nameKey: `instruments.formulas.${name}.name`,
    descriptionKey: `instruments.formulas.${name}.description`,
    unit,
    recount: 'sum',
    series: async (context) => cumulative(context, await queries.figureIncrements(context.db, context.programmeId, figure, context.semesters)),
    records: async (context, scope) => {
      const semester = context.semesters.find((candidate) => candidate.number === scope.semester);
      if (!semester) return [];
      const rows = await queries.datedRecords(context.db, context.programmeId, figure, semester.endsOn, scope.partnerId);
      return rows.map((row) => ({
        kindKey: stage ? 'instruments.formulas.records.instrument' : 'instruments.formulas.records.impact',
        id: row.id,
        label: stage ? row.name : `${row.name} (${row.period_start} – ${row.dated_on})`,
        href: `/instruments/${row.instrument_id}`,
        partnerId: row.partner_id,
        date: row.dated_on,
        value: Number(row.value),
      }));
    },
  };
}

export const instrumentsDeveloped = instrumentFormula({ key: 'instruments.developed', name: 'developed', unit: 'count', figure: 'developed' });
export const usersReached = instrumentFormula({ key: 'instruments.users_reached', name: 'usersReached', unit: 'people', figure: 'users' });
export const transactions = instrumentFormula({ key: 'instruments.transactions', name: 'transactions', unit: 'count', figure: 'transactions' });
export const hoursSaved = instrumentFormula({ key: 'instruments.hours_saved', name: 'hoursSaved', unit: 'hours', figure: 'hours' });
export const eurSaved = instrumentFormula({ key: 'instruments.eur_saved', name: 'eurSaved', unit: 'eur', figure: 'eur' });
export const adoptedElsewhere = instrumentFormula({
  key: 'instruments.adopted_elsewhere',
  name: 'adoptedElsewhere',
  unit: 'solutions',
  figure: 'scaled',
});

/** Every formula the instruments fill into the results' formulas point. */
export const instrumentFormulas: readonly Formula[] = [instrumentsDeveloped, usersReached, transactions, hoursSaved, eurSaved, adoptedElsewhere];
