/** An indicator's row as the domain reads it: numeric columns (strings from the drivers) as numbers, targets attached. */
import type { Selectable } from 'kysely';
import type { IndicatorsTable } from './tables.js';
import type { Indicator } from './types.js';

export type IndicatorColumns = Omit<Selectable<IndicatorsTable>, 'created_at' | 'updated_at'>;

export function indicatorFromRow(row: IndicatorColumns, partnerTargets: Indicator['partnerTargets']): Indicator {
  return {
    id: row.id,
    programmeId: row.programme_id,
    code: row.code,
    names: row.names,
    definitions: row.definitions,
    kind: row.kind,
    unit: row.unit,
    atProgramme: row.at_programme,
    atPartner: row.at_partner,
    method: row.method,
    formula: row.formula,
    baseline: Number(row.baseline),
    programmeTarget: row.programme_target === null ? null : Number(row.programme_target),
    targetDate: row.target_date,
    enabled: row.enabled,
    public: row.public,
    builtinKey: row.builtin_key,
    position: row.position,
    partnerTargets,
  };
}
