/** The programme's figures: every endorsed plan's progress, instruments improved and budget, as a page, charts and CSV. */
export { overviewRoutes } from './routes.js';
