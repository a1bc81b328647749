/** Anonymising the participants of events that ended longer ago than the retention period. */
export { retentionRoutes } from './routes.js';
