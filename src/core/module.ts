/** What a capability module gives the platform: its routes, navigation entries, background tasks and JSON API description. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { ApiDescription } from './http/openapi.js';
import type { PeriodicTask } from './jobs/worker.js';
import type { NavigationItem } from './views/navigation.js';

export interface PlatformModule {
  name: string;
  routes: FastifyPluginAsync;
  navigation?: NavigationItem[];
  tasks?: (app: FastifyInstance) => PeriodicTask[];
  /** The module's JSON endpoints, for the OpenAPI description at /openapi.json. */
  api?: ApiDescription;
}
