/**
 * My work (/me): what waits for a signed-in person and their drafts, filled in by the modules owning the records;
 * and the public feeds of new practices, events and endorsed plans, whose entries those modules supply too.
 */
import { fill } from '../../core/extensions.js';
import type { PlatformModule } from '../../core/module.js';
import { partnerPageSections } from '../partners/service.js';
import { feedLinks, feedRoutes, publicFeeds } from './feeds.js';
import { workspaceGrants } from './policy.js';
import { workspaceRoutes } from './routes.js';
import { draftWork, waitingWork } from './service.js';
import { FeedLinks } from './views/FeedLinks.js';

// A partner's page offers its feeds.
const partnerFeeds = fill(partnerPageSections, async ({ partner }) => <FeedLinks feeds={feedLinks({ partnerId: partner.id })} />);

export const workspaceModule: PlatformModule = {
  name: 'workspace',
  grants: workspaceGrants,
  offers: [waitingWork, draftWork, publicFeeds],
  fills: [partnerFeeds],
  routes: async (app) => {
    await app.register(workspaceRoutes);
    await app.register(feedRoutes);
  },
  navigation: [{ href: '/me', labelKey: 'workspace.nav', action: 'workspace.read' }],
};
