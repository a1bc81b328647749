/** The themes module: the managed list of themes that classifies practices, learning needs and later records. */
import type { PlatformModule } from '../../core/module.js';
import { themeGrants } from './policy.js';
import { themeRoutes } from './routes.js';

export const themesModule: PlatformModule = {
  name: 'themes',
  grants: themeGrants,
  routes: themeRoutes,
  navigation: [{ href: '/admin/themes', labelKey: 'themes.nav', action: 'theme.manage', group: 'admin' }],
};
