/** Every capability module of the platform, in the order their routes and tasks are registered. */
import type { PlatformModule } from '../core/module.js';
import { accountsModule } from './accounts/index.js';
import { auditModule } from './audit/index.js';
import { catalogModule } from './catalog/index.js';
import { eventsModule } from './events/index.js';
import { instrumentsModule } from './instruments/index.js';
import { notificationsModule } from './notifications/index.js';
import { outboxModule } from './outbox/index.js';
import { plansModule } from './plans/index.js';
import { partnersModule } from './partners/index.js';
import { portalModule } from './portal/index.js';
import { practicesModule } from './practices/index.js';
import { programmesModule } from './programmes/index.js';
import { resultsModule } from './results/index.js';
import { searchModule } from './search/index.js';
import { themesModule } from './themes/index.js';
import { workspaceModule } from './workspace/index.js';

export const modules: PlatformModule[] = [
  portalModule,
  searchModule,
  workspaceModule,
  programmesModule,
  partnersModule,
  practicesModule,
  accountsModule,
  themesModule,
  eventsModule,
  plansModule,
  instrumentsModule,
  resultsModule,
  catalogModule,
  notificationsModule,
  auditModule,
  outboxModule,
];
