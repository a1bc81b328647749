/** The CPSV-AP export of the published catalogue: its public routes, and the `better export instruments` command. */
export { cpsvRoutes } from './routes.js';
export { exportInstrumentsFromCli, type CliExportOptions } from './cli.js';
