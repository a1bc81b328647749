/** The good practice library: practices and their review, search, learning needs and recommendations, transfers, import and export. */
import type { PlatformModule } from '../../core/module.js';
import { can } from '../../core/policy/policy.js';
import { fill } from '../../core/extensions.js';
import { partnerPageSections } from '../partners/service.js';
import { formulas } from '../results/service.js';
import { exchangeRoutes, practicesApi } from './exchange/index.js';
import { prepareLibrary, practiceRoutes } from './library/index.js';
import { needRoutes } from './needs/index.js';
import { libraryPersonalData } from './personal-data.js';
import { practiceGrants } from './policy.js';
import { practiceFormulas } from './results-formulas.js';
import { practicesDemoSeed } from './seed.js';
import { recommendationsFor, refreshRequestedRecommendations, transferEventSource } from './service.js';
import { transferRoutes } from './transfers/index.js';
import { NeedsSection } from './needs/views/NeedsSection.js';
import { practiceDatasets } from './datasets.js';
import { practiceNotificationFills } from './notifications.js';
import { practiceWorkspaceItems } from './workspace-items.js';
import { practiceFeed } from './feeds.js';
import { practiceSearch } from './search.js';

// A partner's page shows its learning needs and the practices recommended for them.
const needsSection = fill(partnerPageSections, async ({ db, actor, partner }) => {
  const recommendations = await recommendationsFor(db, partner.id);
  const mayManage = can(actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] });
  return <NeedsSection partnerId={partner.id} recommendations={recommendations} mayManage={mayManage} />;
});

/** The command line's import and export of practices (src/cli.ts). */
export { exportFromCli, importFromCli } from './exchange/index.js';

export const practicesModule: PlatformModule = {
  name: 'practices',
  grants: practiceGrants,
  seed: practicesDemoSeed,
  personalData: libraryPersonalData,
  offers: [transferEventSource],
  // The results module's figures of good practices and transfers (docs/formulas/learn.md).
  fills: [
    needsSection,
    practiceDatasets,
    ...practiceFormulas.map((formula) => fill(formulas, formula)),
    ...practiceNotificationFills,
    ...practiceWorkspaceItems,
    practiceFeed,
    practiceSearch,
  ],
  routes: async (app) => {
    await app.register(practiceRoutes);
    await app.register(transferRoutes);
    await app.register(needRoutes);
    await app.register(exchangeRoutes);
  },
  navigation: [{ href: '/practices', labelKey: 'practices.nav' }],
  api: practicesApi,
  tasks: (app) => [{ name: 'practices.recommendations', run: () => refreshRequestedRecommendations(app.db) }],
  prepare: prepareLibrary,
};
