/**
 * Formula series kept between requests. The dashboard needs about twenty formulas' series, each a grouped query over
 * another module's records (hundreds of milliseconds together at programme scale), while those records change far less
 * often than the page is read. A series is kept with the data version read before computing it (raised by every
 * transaction that changes a platform record, migrations/20261208_0800_data_version.ts) and served while the version is
 * the same, so a figure is never older than the data a request can see; the minute is part of the key because "events
 * held" depends on the clock. Concurrent requests share one computation. Kept per process: derived data checked against
 * the database on every request, so nodes never disagree with it.
 *
 * The data version, not the database snapshot: every transaction id taken anywhere on the server (another database,
 * the worker's row locks, the sessions' touches) changed the snapshot, so at scale the series were computed again on a
 * good share of requests (issue #13).
 */
import { KeptPerVersion } from '../../../core/cache/kept-per-version.js';
import type { Executor } from '../../../core/db/database.js';
import { dataVersionOf } from '../../../core/cache/data-version.js';
import type { Formula, FormulaContext, FormulaPoint } from '../formulas.js';

/** Programmes per formula and database; the least recently used goes first beyond it. */
const limit = 1_000;
const keptByDatabase = new WeakMap<Executor, WeakMap<Formula, KeptPerVersion<FormulaPoint[]>>>();

/** The version series are kept under: the data version and the minute. */
export async function seriesVersion(db: Executor, now = new Date()): Promise<string> {
  return `${await dataVersionOf(db)}@${Math.floor(now.getTime() / 60_000)}`;
}

export function keptSeries(formula: Formula, context: FormulaContext, version: string): Promise<FormulaPoint[]> {
  let byFormula = keptByDatabase.get(context.db);
  if (!byFormula) {
    byFormula = new WeakMap();
    keptByDatabase.set(context.db, byFormula);
  }
  let kept = byFormula.get(formula);
  if (!kept) {
    kept = new KeptPerVersion(limit);
    byFormula.set(formula, kept);
  }
  return kept.get(String(context.programmeId), version, () => formula.series(context));
}
