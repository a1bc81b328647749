/** The instruments module's public types, for code outside the module. */
export type { CpsvFormat } from './cpsv/service.js';
export type { NewInstrumentInput } from './schema.js';
