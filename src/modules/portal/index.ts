/** The public portal: front page, programme pages, accessibility statement and privacy notice. */
import type { PlatformModule } from '../../core/module.js';
import { portalRoutes } from './routes.js';

export const portalModule: PlatformModule = {
  name: 'portal',
  routes: portalRoutes,
  navigation: [{ href: '/', labelKey: 'portal.nav' }],
};
