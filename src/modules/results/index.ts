/**
 * Results: the programme's indicators with targets (computed by formulas other modules offer, or reported with
 * evidence and validated), the five success measures of the practice, the governance maturity self-assessment, the
 * public results dashboard and its exports.
 */
import { fill } from '../../core/extensions.js';
import type { PlatformModule } from '../../core/module.js';
import { resultDatasets } from './datasets.js';
import { dashboardRoutes, resultsApi } from './dashboard/index.js';
import { formulas } from './formulas.js';
import { builtinForNewProgramme, indicatorDue, indicatorRoutes, indicatorTasks } from './indicators/index.js';
import { governanceImprovement, maturityRoutes } from './maturity/index.js';
import { resultGrants } from './policy.js';
import { resultsDemoSeed } from './seed.js';
import { resultsPersonalData } from './personal-data.js';
import { resultWorkspaceItems } from './workspace-items.js';
import { programmeCreated } from '../programmes/service.js';
import { notificationKinds } from '../notifications/service.js';
import { indicatorSearch } from './search.js';

export const resultsModule: PlatformModule = {
  name: 'results',
  grants: resultGrants,
  seed: resultsDemoSeed,
  personalData: resultsPersonalData,
  offers: [formulas],
  fills: [
    fill(formulas, governanceImprovement),
    fill(programmeCreated, builtinForNewProgramme),
    resultDatasets,
    fill(notificationKinds, indicatorDue),
    ...resultWorkspaceItems,
    indicatorSearch,
  ],
  routes: async (app) => {
    await app.register(indicatorRoutes);
    await app.register(maturityRoutes);
    await app.register(dashboardRoutes);
  },
  navigation: [
    { href: '/results', labelKey: 'results.nav' },
    { href: '/results/indicators', labelKey: 'results.navIndicators', action: 'results.read_unvalidated' },
  ],
  tasks: indicatorTasks,
  api: resultsApi,
};
