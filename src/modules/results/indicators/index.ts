/** PLACEHOLDER (replaced by the indicators work): indicator definitions, targets, reported values and their validation. */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Tx } from '../../../core/db/database.js';
import type { DemoRecords } from '../../../core/module.js';
import type { PeriodicTask } from '../../../core/jobs/worker.js';
import type { PersonalDataPart } from '../types.js';

export const indicatorRoutes: FastifyPluginAsync = async () => {};
export const indicatorTasks = (_app: FastifyInstance): PeriodicTask[] => [];
export async function seedIndicators(_trx: Tx, _earlier: Readonly<DemoRecords>): Promise<Record<string, number>> {
  return {};
}
export const reportsPersonalData: PersonalDataPart = { exportFor: async () => [], erase: async () => {} };
