/**
 * The formulas practices offer the results module (docs/formulas/learn.md): good practices identified (published by
 * the coordinator, by owner partner) and transfers implemented (solutions taken up, by importing partner). Figures are
 * as at the end of each semester, cumulative; the records are the practices and the transfers.
 */
import type { Formula, FormulaContext, FormulaPoint, TraceRecord } from '../results/service.js';
import * as queries from './results-queries.js';

type Semesters = FormulaContext['semesters'];

/** Cumulative sums per partner and for the programme, every semester, zeros included; earlier records count from the first. */
function cumulativeSums(semesters: Semesters, partnerIds: readonly number[], rows: queries.DatedTotal[]): FormulaPoint[] {
  const added = new Map<number | null, number[]>([[null, semesters.map(() => 0)], ...partnerIds.map((id): [number, number[]] => [id, semesters.map(() => 0)])]);
  for (const row of rows) {
    const index = semesters.findIndex((semester) => row.dated_on <= semester.endsOn);
    if (index < 0) continue;
    for (const scope of [row.partner_id, null]) {
      const values = added.get(scope);
      if (values) values[index] = (values[index] ?? 0) + row.count;
    }
  }
  const points: FormulaPoint[] = [];
  for (const [partnerId, values] of added) {
    let total = 0;
    for (const [index, semester] of semesters.entries()) {
      total += values[index] ?? 0;
      points.push({ partnerId, semester: semester.number, value: total });
    }
  }
  return points;
}

interface Counted {
  key: string;
  i18nKey: string;
  unit: Formula['unit'];
  recordKind: string;
  href: (id: number) => string;
  totals: (context: FormulaContext, until: string) => Promise<queries.DatedTotal[]>;
  list: (context: FormulaContext, until: string, partnerId: number | null) => Promise<queries.DatedRecord[]>;
}

function countingFormula(spec: Counted): Formula {
  return {
    key: spec.key,
    nameKey: `practices.formulas.${spec.i18nKey}.name`,
    descriptionKey: `practices.formulas.${spec.i18nKey}.description`,
    unit: spec.unit,
    recount: 'sum',
    async series(context) {
      const until = context.semesters.at(-1)?.endsOn;
      const totals = until ? await spec.totals(context, until) : [];
      return cumulativeSums(context.semesters, context.partnerIds, totals);
    },
    async records(context, scope) {
      const until = context.semesters.find((semester) => semester.number === scope.semester)?.endsOn;
      if (!until) return [];
      return (await spec.list(context, until, scope.partnerId)).map((row): TraceRecord => ({
        kindKey: `practices.formulas.records.${spec.recordKind}`,
        id: row.id,
        label: row.title,
        href: spec.href(row.id),
        partnerId: row.partner_id,
        date: row.dated_on,
        value: 1,
      }));
    },
  };
}

export const practicesIdentified = countingFormula({
  key: 'practices.identified',
  i18nKey: 'identified',
  unit: 'count',
  recordKind: 'practice',
  href: (id) => `/practices/${id}`,
  totals: (context, until) => queries.identifiedTotals(context.db, context.programmeId, until),
  list: (context, until, partnerId) => queries.identifiedPractices(context.db, context.programmeId, until, partnerId),
});

export const transfersImplemented = countingFormula({
  key: 'transfers.implemented',
  i18nKey: 'transfers_implemented',
  unit: 'solutions',
  recordKind: 'transfer',
  href: (id) => `/transfers/${id}`,
  totals: (context, until) => queries.implementedTotals(context.db, context.programmeId, until),
  list: (context, until, partnerId) => queries.implementedTransfers(context.db, context.programmeId, until, partnerId),
});

export const practiceFormulas: Formula[] = [practicesIdentified, transfersImplemented];
