/** The open-data catalogue (DCAT-AP 3): the datasets every module describes at the `catalog.datasets` point. */
import type { PlatformModule } from '../../core/module.js';
import { catalogDatasets } from './datasets.js';
import { catalogRoutes } from './routes.js';

export const catalogModule: PlatformModule = {
  name: 'catalog',
  offers: [catalogDatasets],
  routes: catalogRoutes,
};
