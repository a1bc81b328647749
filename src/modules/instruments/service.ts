/**
 * The instruments module's public entry: the use cases and values other modules, the command line, the benchmarks and
 * tests outside the module use. Inside the module, each sub-capability imports the others' files directly.
 */
export { createInstrument, searchCatalogue } from './catalogue/service.js';
export { exportCatalogue } from './cpsv/service.js';
export { catalogueQuerySchema } from './schema.js';
export { instrumentKinds, stages } from './tables.js';
