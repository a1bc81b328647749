/**
 * Results: the programme's indicators with targets (computed by formulas other modules offer, or reported with
 * evidence and validated), the five success measures of the practice, the governance maturity self-assessment, the
 * public results dashboard and its exports.
 */
import { fill } from '../../core/extensions.js';
import type { PlatformModule } from '../../core/module.js';
import { dashboardRoutes, resultsApi } from './dashboard/index.js';
import { formulas } from './formulas.js';
import { indicatorRoutes, indicatorTasks } from './indicators/index.js';
import { governanceImprovement, maturityRoutes } from './maturity/index.js';
import { resultGrants } from './policy.js';
import { resultsDemoSeed } from './seed.js';
import { resultsPersonalData } from './personal-data.js';

/** The formulas point other modules fill, and the recount their tests compare the figures with. */
export { formulas, recount, type Formula, type FormulaContext, type FormulaPoint, type TraceRecord } from './formulas.js';

export const resultsModule: PlatformModule = {
  name: 'results',
  grants: resultGrants,
  seed: resultsDemoSeed,
  personalData: resultsPersonalData,
  offers: [formulas],
  fills: [fill(formulas, governanceImprovement)],
  routes: async (app) => {
    await app.register(indicatorRoutes);
    await app.register(maturityRoutes);
    await app.register(dashboardRoutes);
  },
  navigation: [{ href: '/results', labelKey: 'results.nav' }],
  tasks: indicatorTasks,
  api: resultsApi,
};
