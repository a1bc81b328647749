/** Partners' learning needs and the practices recommended for them. Its routes plugin, registered by the module's manifest. */
export { needRoutes } from './routes.js';
