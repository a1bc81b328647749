/**
 * What Regional Action Plans give the rest of the platform: the overview's figures, the deliverables extension
 * point, the evidence chunk size, the worker's tasks and the plan document's schema. Everything else stays inside
 * the module's sub-capabilities (writing, reports, overview).
 */
export { planContentSchema, type PlanAction, type PlanContent } from './content.js';
export { actionDeliverables, type Deliverable, type DeliverablesProvider } from './deliverables.js';
export { programmeOverview, type ActionProgress, type PlanProgress } from './overview/service.js';
export { evidenceChunkBytes, remindMissingReports, removeAbandonedUploads } from './reports/service.js';
export { reportStatuses } from './tables.js';
export { removeAction } from './writing/service.js';
