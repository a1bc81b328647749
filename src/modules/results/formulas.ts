/**
 * Formulas: how a computed indicator's value is obtained from the records other modules keep. Each module that keeps
 * such records fills this extension point with its formulas (practices identified, events held, plans endorsed,
 * instruments developed…), so the results module computes figures without reading other modules' tables, and an
 * indicator names a formula by its key — a formula is chosen from this list, never typed by a user.
 *
 * Every value is "as at the end of a semester": cumulative for counts and sums (the records dated up to that day),
 * the state on that day for ratios. A formula answers both the figures (`series`, computed in SQL for speed) and the
 * records that make one figure (`records`, listed row by row), and a test recounts the first from the second.
 */
import type { Executor } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import type { Unit } from './units.js';

export interface SemesterBounds {
  number: number;
  /** ISO dates, both included. */
  startsOn: string;
  endsOn: string;
}

export interface FormulaContext {
  db: Executor;
  programmeId: number;
  /** The programme's semesters in order; a record dated after the last one's end is not counted. */
  semesters: readonly SemesterBounds[];
  /**
   * The programme's partners, each with a figure (zero when nothing counts): read once for all the formulas of a
   * dashboard instead of once by each (16 of its 41 queries, issue #13).
   */
  partnerIds: readonly number[];
}

/** A figure as at the end of a semester: for one partner, or for the programme when `partnerId` is null. */
export interface FormulaPoint {
  partnerId: number | null;
  semester: number;
  value: number;
}

/** One record that makes a figure: shown in the figure's trace, linked to the record's own page. */
export interface TraceRecord {
  /** The record's kind as an i18n key of the module that fills the formula (its records' noun, e.g. "event"). */
  kindKey: string;
  id: number | string;
  label: string;
  href: string;
  partnerId: number;
  /** The date that places it in a semester (ISO date). */
  date: string;
  /** What it adds to the figure: 1 for a count, an amount for a sum, a weight for a ratio. */
  value: number;
  /** For ratios (e.g. percent complete weighted by cost): the record's weight; absent for counts and sums. */
  weight?: number;
  /** For distinct counts (e.g. organisations): records with the same key count once. */
  distinctKey?: string;
}

/**
 * How a figure is recounted from its records: `sum` adds their values; `distinct` counts distinct keys; `weighted`
 * is Σ(value × weight) / Σ weight (0 when there is no weight).
 */
export type Recount = 'sum' | 'distinct' | 'weighted';

export interface Formula {
  /** Stable key stored on indicators: the filling module's name, a dot, and the figure (events.held). */
  key: string;
  /** i18n keys (in the filling module's catalogue) of the formula's name and of its written formula shown on pages. */
  nameKey: string;
  descriptionKey: string;
  unit: Unit;
  recount: Recount;
  /** Every partner's and the programme's figure as at the end of every semester. */
  series(context: FormulaContext): Promise<FormulaPoint[]>;
  /** The records that make the figure as at the end of `semester`, for one partner or (null) the programme. */
  records(context: FormulaContext, scope: { partnerId: number | null; semester: number }): Promise<TraceRecord[]>;
}

export const formulas = extensionPoint<Formula>('results.formulas');

/** The figure a list of records makes, by the formula's recount rule; tests compare it with `series`. */
export function recount(rule: Recount, records: readonly TraceRecord[]): number {
  if (rule === 'distinct') return new Set(records.map((record) => record.distinctKey ?? String(record.id))).size;
  if (rule === 'sum') return records.reduce((total, record) => total + record.value, 0);
  const totalWeight = records.reduce((total, record) => total + (record.weight ?? 0), 0);
  if (totalWeight === 0) return 0;
  return records.reduce((total, record) => total + record.value * (record.weight ?? 0), 0) / totalWeight;
}
