/** PLACEHOLDER (replaced by the dashboard work): the public results dashboard and its exports. */
import type { FastifyPluginAsync } from 'fastify';
import type { ApiDescription } from '../../../core/http/openapi.js';

export const dashboardRoutes: FastifyPluginAsync = async () => {};
export const resultsApi: ApiDescription = { paths: {} };
