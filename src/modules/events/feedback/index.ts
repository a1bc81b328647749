/** Feedback after an event: the invitations, the form behind the private link, and the host's summary. */
export { feedbackRoutes } from './routes.js';
