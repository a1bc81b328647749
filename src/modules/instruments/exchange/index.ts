/** The instrument exchange: the catalogue as CSV and JSON downloads, and the uploads of instruments and impact measurements. */
export { exchangeRoutes } from './routes.js';
