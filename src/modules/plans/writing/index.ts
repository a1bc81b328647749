/** Writing a plan: the document, drafting, the workflow to endorsement, versions, comments, comparison, Word and print. */
export { planPath, planRoutes } from './routes.js';
