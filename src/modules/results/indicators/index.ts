/**
 * Indicators: definitions with targets per partner (the coordinator's), the built-in set every programme starts with,
 * values reported by partners with evidence and validated by the coordinator, and their history of corrections.
 */
import type { FastifyInstance } from 'fastify';
import type { PeriodicTask } from '../../../core/jobs/worker.js';
import { remindDueIndicatorValues } from './due.js';

export { indicatorDue } from './due.js';
import { removeAbandonedEvidence } from './service.js';

export { indicatorRoutes } from './routes.js';
export { seedIndicators } from './seed.js';
export { reportsPersonalData } from './personal-data.js';
export { builtinForNewProgramme } from './builtin-hook.js';

export const indicatorTasks = (app: FastifyInstance): PeriodicTask[] => [
  { name: 'results.abandoned_evidence', run: () => removeAbandonedEvidence(app.db) },
  { name: 'results.indicator_due', run: () => remindDueIndicatorValues(app.db) },
];
