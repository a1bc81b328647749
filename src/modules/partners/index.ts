/** The partners module: partners and their regional stakeholder groups on the quadruple helix. */
import type { PlatformModule } from '../../core/module.js';
import { partnerGrants } from './policy.js';
import { partnersDemoSeed } from './seed.js';
import { partnerRoutes } from './routes.js';
import { partnerPageSections } from './sections.js';
import { partnerFollowTargets } from './notifications.js';

export const partnersModule: PlatformModule = {
  name: 'partners',
  grants: partnerGrants,
  seed: partnersDemoSeed,
  offers: [partnerPageSections],
  fills: [partnerFollowTargets],
  routes: partnerRoutes,
  navigation: [{ href: '/partners', labelKey: 'partners.nav' }],
};
