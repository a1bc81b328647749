/** PLACEHOLDER (replaced by the maturity work): the governance maturity self-assessment. */
import type { FastifyPluginAsync } from 'fastify';
import type { Tx } from '../../../core/db/database.js';
import type { DemoRecords } from '../../../core/module.js';
import type { Formula } from '../formulas.js';
import type { PersonalDataPart } from '../types.js';

export const maturityRoutes: FastifyPluginAsync = async () => {};
export const governanceImprovement: Formula = {
  key: 'maturity.improvement',
  nameKey: 'maturity.formula.name',
  descriptionKey: 'maturity.formula.description',
  unit: 'points',
  recount: 'weighted',
  series: async () => [],
  records: async () => [],
};
export async function seedMaturity(_trx: Tx, _earlier: Readonly<DemoRecords>): Promise<Record<string, number>> {
  return {};
}
export const maturityPersonalData: PersonalDataPart = { exportFor: async () => [], erase: async () => {} };
