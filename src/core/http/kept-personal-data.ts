/** Kept work in a person's download, and gone when the person is erased (core/module.ts personalDataHolders). */
import type { Db, Tx } from '../db/database.js';
import { eraseKeptWorkOf, keptWorkOf } from './kept-queries.js';

/** Shaped as core/module.ts's PersonalDataHolder (named there; not imported, which would close a circle). */
export const keptWorkPersonalData: {
  name: string;
  exportFor(db: Db, userId: number): Promise<unknown>;
  erase(trx: Tx, userId: number, label: string): Promise<void>;
} = {
  name: 'keptWork',
  exportFor: (db, userId) => keptWorkOf(db, userId),
  erase: (trx, userId) => eraseKeptWorkOf(trx, userId),
};
