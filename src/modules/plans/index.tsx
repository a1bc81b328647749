/** Regional Action Plans: writing, peer review, approval and endorsement, versions, monitoring and the overview. */
import { fill } from '../../core/extensions.js';
import type { PlatformModule } from '../../core/module.js';
import { formulas } from '../results/service.js';
import { plansPersonalData } from './personal-data.js';
import { planGrants } from './policy.js';
import { overviewRoutes } from './overview/index.js';
import { reportRoutes } from './reports/index.js';
import { planFormulas } from './results-formulas.js';
import { plansDemoSeed } from './seed.js';
import { actionDeliverables, remindMissingReports, removeAbandonedUploads } from './service.js';
import { planRoutes } from './writing/index.js';
import { planDatasets } from './datasets.js';
import { planNotificationFills } from './notifications.js';
import { planWorkspaceItems } from './workspace-items.js';
import { planFeed } from './feeds.js';
import { planSearchFills } from './search.js';

export const plansModule: PlatformModule = {
  name: 'plans',
  grants: planGrants,
  seed: plansDemoSeed,
  personalData: plansPersonalData,
  offers: [actionDeliverables],
  fills: [
    ...planFormulas.map((formula) => fill(formulas, formula)),
    planDatasets,
    ...planNotificationFills,
    ...planWorkspaceItems,
    planFeed,
    ...planSearchFills,
  ],
  routes: async (app) => {
    await app.register(reportRoutes);
    await app.register(overviewRoutes);
    await app.register(planRoutes);
  },
  navigation: [{ href: '/plans', labelKey: 'plans.nav' }],
  tasks: (app) => [
    { name: 'plans.report_reminders', run: () => remindMissingReports(app.db) },
    { name: 'plans.abandoned_uploads', run: () => removeAbandonedUploads(app.db) },
  ],
};
