/**
 * The good practice library's public API: what other modules, the composition root, the test scaffolding and the
 * benchmark may use. Each sub-capability (library, needs, transfers) keeps its use cases in its own service.ts.
 */
export * from './library/service.js';
export * from './needs/service.js';
export * from './needs/recommendations.js';
export * from './transfers/service.js';
export { transferEventSource, type TransferEvent, type TransferEventSource } from './transfers/events.js';
export { practiceSchema, searchQuerySchema, type PracticeFormInput } from './schema.js';
