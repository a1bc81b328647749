/** One search over the whole platform (/search): the modules owning records fill its `search.kinds` point. */
import type { PlatformModule } from '../../core/module.js';
import { prepareSearch } from '../../core/search/query-analysis.js';
import { searchApi } from './api.js';
import { searchRoutes } from './routes.js';
import { searchableKinds } from './service.js';

export const searchModule: PlatformModule = {
  name: 'search',
  offers: [searchableKinds],
  routes: searchRoutes,
  navigation: [{ href: '/search', labelKey: 'search.nav' }],
  api: searchApi,
  prepare: prepareSearch,
};
