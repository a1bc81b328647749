/** eGovernment instruments: the catalogue, lifecycle, innovation chain, impact, the programme view and the CPSV-AP exports. */
import type { PlatformModule } from '../../core/module.js';
import { addPersonalDataHolder } from '../accounts/personal-data.js';
import { addActionDeliverables } from '../plans/deliverables.js';
import { instrumentsApi } from './api.js';
import { cpsvRoutes } from './cpsv-routes.js';
import { exchangeRoutes } from './exchange-routes.js';
import { instrumentsPersonalData } from './personal-data.js';
import { instrumentRoutes } from './routes.js';
import { deliverablesOfPlan } from './service.js';

addPersonalDataHolder(instrumentsPersonalData);
addActionDeliverables(({ db, actor, planId }) => deliverablesOfPlan(db, actor, planId));

export const instrumentsModule: PlatformModule = {
  name: 'instruments',
  routes: async (app) => {
    await app.register(cpsvRoutes);
    await app.register(exchangeRoutes);
    await app.register(instrumentRoutes);
  },
  navigation: [{ href: '/instruments', labelKey: 'instruments.nav' }],
  api: instrumentsApi,
};
