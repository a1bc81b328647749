/** The housekeeping of kept work (core/http/kept), run by every node's background worker (app.ts backgroundTasks). */
import type { FastifyInstance } from 'fastify';
import type { PeriodicTask } from '../jobs/worker.js';
import { deleteExpiredKeptWork } from './kept-queries.js';

/** Kept forms and files past their day are removed, their chunks with them; two nodes doing it at once is harmless. */
export function keptWorkTasks(app: FastifyInstance): PeriodicTask[] {
  return [{ name: 'core.kept_work_expiry', run: () => deleteExpiredKeptWork(app.db) }];
}
