/** Participation statistics of a programme or a host partner: the page, its charts and CSV tables. */
export { statisticsRoutes } from './routes.js';
