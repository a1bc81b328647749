/** Transfers of practices between partners: interests, stages, assessments. Its routes plugin, registered by the module's manifest. */
export { transferRoutes } from './routes.js';
