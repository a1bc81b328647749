/**
 * The governance maturity self-assessment: what the results module registers (routes), offers (the governance
 * improvement formula), seeds and holds about people. See docs/results-maturity.md for the scoring method.
 */
export { maturityRoutes } from './routes.js';
export { governanceImprovement } from './formula.js';
export { seedMaturity } from './seed.js';
export { maturityPersonalData } from './personal-data.js';
export { defaultFramework } from './default-framework.js';
export { checkFramework, scoreRound, type Framework, type RoundScores } from './framework.js';
export { progressOf, submittedScores, type PartnerProgress, type ScoredRound } from './service.js';
