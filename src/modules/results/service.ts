/**
 * The results module's public entry: the formulas extension point other modules fill (and the recount rule their tests
 * use), and its use cases for other modules and the command line.
 */
export { formulas, recount, type Formula, type FormulaContext, type FormulaPoint, type TraceRecord, type SemesterBounds } from './formulas.js';
export {
  addBuiltinIndicators,
  ensureBuiltinIndicators,
  findIndicator,
  listIndicators,
  offeredFormulas,
  reportsOf,
  type ReportedValue,
} from './indicators/service.js';
export { builtinIndicators, type BuiltinIndicator } from './indicators/builtin.js';
export { formulaContext } from './figures/service.js';
export { parseUnitNumber } from './indicators/numbers.js';
