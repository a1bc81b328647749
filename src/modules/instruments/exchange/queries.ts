/** SQL of the instrument exchange: whole catalogue entries by id for an export page, and each one's contract total. */
import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.js';
import { instrumentColumns } from '../catalogue/queries.js';

export function instrumentsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('instruments').select(instrumentColumns).where('id', 'in', ids).execute();
}

/** The sum of the known contract values of each instrument's innovation chain; null when none is known. */
export function contractTotals(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('instrument_chain')
    .select(['instrument_id', sql<string | null>`sum(contract_value_eur)`.as('total_eur')])
    .where('instrument_id', 'in', ids)
    .groupBy('instrument_id')
    .execute();
}
