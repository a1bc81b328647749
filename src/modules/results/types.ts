/** The figures of results as other parts of the module and other modules read them. */
import type { PersonalDataHolder } from '../../core/module.js';
import type { LocalisedText } from './tables.js';
import type { Unit } from './units.js';
import type { IndicatorKind, IndicatorMethod } from './tables.js';

export interface Indicator {
  id: number;
  programmeId: number;
  code: string;
  names: LocalisedText;
  definitions: LocalisedText;
  kind: IndicatorKind;
  unit: Unit;
  atProgramme: boolean;
  atPartner: boolean;
  method: IndicatorMethod;
  formula: string | null;
  baseline: number;
  programmeTarget: number | null;
  targetDate: string | null;
  enabled: boolean;
  public: boolean;
  builtinKey: string | null;
  position: number;
  partnerTargets: { partnerId: number; target: number }[];
}

/**
 * An indicator's figure as at the end of a semester. For reported indicators `value` sums the validated values up to
 * that semester and `unvalidated` also adds those waiting for validation (null when none wait, and always null for
 * people who may not see them); computed indicators have no unvalidated figure.
 */
export interface SeriesValue {
  semester: number;
  value: number;
  unvalidated: number | null;
}

export interface IndicatorSeries {
  indicator: Indicator;
  programme: SeriesValue[];
  partners: { partnerId: number; target: number | null; values: SeriesValue[] }[];
}

/** A part of the module's personal-data holder, kept by one sub-capability (reports, maturity answers). */
export type PersonalDataPart = Omit<PersonalDataHolder, 'name'>;
