/** Registering for an event without an account, the waiting list, and the person's private link. */
export { registrationRoutes } from './routes.js';
