/** What a capability module gives the platform: its routes, its navigation entries and its background tasks. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { PeriodicTask } from './jobs/worker.js';
import type { NavigationItem } from './views/navigation.js';

export interface PlatformModule {
  name: string;
  routes: FastifyPluginAsync;
  navigation?: NavigationItem[];
  tasks?: (app: FastifyInstance) => PeriodicTask[];
}
