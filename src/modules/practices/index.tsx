/** The good practice library: practices and their review, search, learning needs and recommendations, transfers, import and export. */
import type { PlatformModule } from '../../core/module.js';
import { can } from '../../core/policy/policy.js';
import { addPersonalDataHolder } from '../accounts/personal-data.js';
import { addPartnerPageSection } from '../partners/service.js';
import { practicesApi } from './api.js';
import { importRoutes } from './import-routes.js';
import { libraryPersonalData } from './personal-data.js';
import { needRoutes } from './needs-routes.js';
import { practiceRoutes } from './routes.js';
import { recommendationsFor, refreshRequestedRecommendations } from './service.js';
import { transferRoutes } from './transfer-routes.js';
import { NeedsSection } from './views/NeedsSection.js';

addPersonalDataHolder(libraryPersonalData);

addPartnerPageSection(async ({ db, actor, partner }) => {
  const recommendations = await recommendationsFor(db, partner.id);
  const mayManage = can(actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] });
  return (
    <NeedsSection partnerId={partner.id} recommendations={recommendations} mayManage={mayManage} />
  );
});

export const practicesModule: PlatformModule = {
  name: 'practices',
  routes: async (app) => {
    await app.register(practiceRoutes);
    await app.register(transferRoutes);
    await app.register(needRoutes);
    await app.register(importRoutes);
  },
  navigation: [{ href: '/practices', labelKey: 'practices.nav' }],
  api: practicesApi,
  tasks: (app) => [{ name: 'practices.recommendations', run: () => refreshRequestedRecommendations(app.db) }],
};
