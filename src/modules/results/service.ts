/** What the results module gives other modules: the formulas extension point they fill, and the recount rule their tests use. */
export { formulas, recount, type Formula, type FormulaContext, type FormulaPoint, type TraceRecord, type SemesterBounds } from './formulas.js';
