/** The host's participant list, check-in and sign-in sheets, with the event's mix of participants. */
export { attendanceRoutes } from './routes.js';
