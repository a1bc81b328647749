/**
 * The library's exchange with other systems: import and export as CSV and JSON, the JSON API's description and the
 * command line. Its routes plugin and the command-line functions, used by the module's manifest.
 */
export { exchangeRoutes } from './routes.js';
export { practicesApi } from './api.js';
export { exportFromCli, importFromCli } from './cli.js';
