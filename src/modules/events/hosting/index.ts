/** Hosting events: the list and calendar feeds, an event's page, and creating, editing and deleting events. */
export { eventRoutes } from './routes.js';
