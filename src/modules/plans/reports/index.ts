/** Monitoring an endorsed plan: semester reports, their evidence files, the partner's storage quota and reminders. */
export { reportRoutes } from './routes.js';
