/** The results module's public use cases, for other modules and the command line. */
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
export { parseUnitNumber } from './indicators/numbers.js';
