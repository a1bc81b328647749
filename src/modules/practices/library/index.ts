/** The library proper: practices, their review workflow and the search. Its routes plugin, registered by the module's manifest. */
export { practiceRoutes } from './routes.js';
export { prepareLibrary } from './service.js';
