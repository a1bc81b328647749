/** The programmes module: programmes, their phases and semesters. */
import type { PlatformModule } from '../../core/module.js';
import { programmeCreated } from './created.js';
import { programmeGrants } from './policy.js';
import { programmesDemoSeed } from './seed.js';
import { programmeRoutes } from './routes.js';

export const programmesModule: PlatformModule = {
  name: 'programmes',
  grants: programmeGrants,
  seed: programmesDemoSeed,
  routes: programmeRoutes,
  offers: [programmeCreated],
};
