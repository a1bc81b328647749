/**
 * The figures in a reporting shape, for /results/indicators.csv and .json: one row per indicator × scope (the
 * programme, then each partner) × semester, with the indicator's code, name, unit, kind, baseline and target, the
 * value as at the semester's end, whether it is validated and how much evidence stands behind it. For the programme's
 * staff a value awaiting validation is a row of its own (validated false), never added into the validated one.
 */
import type { Locale } from '../../../core/i18n/locales.js';
import type { ResultsFigures } from '../figures/index.js';
import type { IndicatorFigureRecord } from './api.js';
import type { Filters } from './filters.js';
import { localised } from './text.js';

export const figureColumns = [
  'code',
  'name',
  'unit',
  'kind',
  'method',
  'level',
  'partner_id',
  'partner',
  'semester',
  'as_at',
  'baseline',
  'target',
  'value',
  'validated',
  'evidence_count',
] as const satisfies readonly (keyof IndicatorFigureRecord)[];

/** Every row the filters select: one semester when it is named (else every semester), one partner when named. */
export function figureRecords(figures: ResultsFigures, filters: Filters & { allSemesters: boolean }, locale: Locale): IndicatorFigureRecord[] {
  const partnerName = new Map(figures.partners.map((partner) => [partner.id, partner.name]));
  const semesters = figures.semesters.filter((semester) => filters.allSemesters || semester.number === filters.semester);
  const rows: IndicatorFigureRecord[] = [];
  for (const entry of figures.indicators) {
    const { indicator } = entry;
    const scopes = [
      ...(filters.partnerId === null && indicator.atProgramme ? [{ partnerId: null, target: indicator.programmeTarget, values: entry.programme }] : []),
      ...entry.partners.filter((partner) => filters.partnerId === null || partner.partnerId === filters.partnerId),
    ];
    for (const scope of scopes) {
      for (const semester of semesters) {
        const point = scope.values.find((value) => value.semester === semester.number);
        if (!point) continue;
        const base = {
          code: indicator.code,
          name: localised(indicator.names, locale).text,
          unit: indicator.unit,
          kind: indicator.kind,
          method: indicator.method,
          level: scope.partnerId === null ? ('programme' as const) : ('partner' as const),
          partner_id: scope.partnerId,
          partner: scope.partnerId === null ? null : (partnerName.get(scope.partnerId) ?? null),
          semester: semester.number,
          as_at: semester.endsOn,
          baseline: indicator.baseline,
          target: scope.target,
        };
        rows.push({
          ...base,
          value: point.value,
          validated: true,
          evidence_count: figures.evidenceOf(indicator.id, scope.partnerId, semester.number, false),
        });
        if (point.unvalidated !== null)
          rows.push({
            ...base,
            value: point.unvalidated,
            validated: false,
            evidence_count: figures.evidenceOf(indicator.id, scope.partnerId, semester.number, true),
          });
      }
    }
  }
  return rows;
}

/** A record as CSV cells, in the columns' order (empty for null, true/false for booleans, as the JSON has them). */
export function csvCells(record: IndicatorFigureRecord): unknown[] {
  return figureColumns.map((column) => {
    const value = record[column];
    return typeof value === 'boolean' ? String(value) : (value ?? '');
  });
}
