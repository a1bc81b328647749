/** The programmes module: programmes, their phases and semesters. */
import type { PlatformModule } from '../../core/module.js';
import { programmeRoutes } from './routes.js';

export const programmesModule: PlatformModule = {
  name: 'programmes',
  routes: programmeRoutes,
};
