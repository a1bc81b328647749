/** eGovernment instruments: the catalogue, lifecycle, innovation chain, impact, the programme view and the CPSV-AP exports. */
import type { PlatformModule } from '../../core/module.js';
import { fill } from '../../core/extensions.js';
import { actionDeliverables } from '../plans/service.js';
import { formulas } from '../results/service.js';
import { instrumentsApi } from './api.js';
import { instrumentRoutes } from './catalogue/index.js';
import { deliverablesOfPlan } from './catalogue/service.js';
import { cpsvRoutes } from './cpsv/index.js';
import { exchangeRoutes } from './exchange/index.js';
import { instrumentsPersonalData } from './personal-data.js';
import { instrumentGrants } from './policy.js';
import { instrumentFormulas } from './results-formulas.js';
import { instrumentsDemoSeed } from './seed.js';
import { instrumentDatasets } from './datasets.js';
import { instrumentNotificationFills } from './notifications.js';
import { instrumentWorkspaceItems } from './workspace-items.js';
import { instrumentSearch } from './search.js';

/** `better export instruments`, for the command line. */
export { exportInstrumentsFromCli } from './cpsv/index.js';

export const instrumentsModule: PlatformModule = {
  name: 'instruments',
  grants: instrumentGrants,
  seed: instrumentsDemoSeed,
  personalData: instrumentsPersonalData,
  fills: [
    fill(actionDeliverables, ({ db, actor, planId }) => deliverablesOfPlan(db, actor, planId)),
    ...instrumentFormulas.map((formula) => fill(formulas, formula)),
    instrumentDatasets,
    ...instrumentNotificationFills,
    ...instrumentWorkspaceItems,
    instrumentSearch,
  ],
  routes: async (app) => {
    await app.register(cpsvRoutes);
    await app.register(exchangeRoutes);
    await app.register(instrumentRoutes);
  },
  navigation: [{ href: '/instruments', labelKey: 'instruments.nav' }],
  api: instrumentsApi,
};
