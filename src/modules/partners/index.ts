/** The partners module: partners and their regional stakeholder groups on the quadruple helix. */
import type { PlatformModule } from '../../core/module.js';
import { partnerRoutes } from './routes.js';

export const partnersModule: PlatformModule = {
  name: 'partners',
  routes: partnerRoutes,
  navigation: [{ href: '/partners', labelKey: 'partners.nav' }],
};
