/** People: signing in and out, sessions, the sign-in throttle, passwords and their reset, invitations accepted, the account page. */
export { accountRoutes } from './routes.js';
export { sessionCookie, sessionIdleMinutes, sessionPlugin } from './sessions.js';
