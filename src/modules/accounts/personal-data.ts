/**
 * Other modules keep records that name an account (who recorded a transfer stage, who scored an assessment). They
 * register here, so a person's download includes those records and erasing the person removes their name from
 * them, without the accounts module depending on every module.
 */
import type { Db, Tx } from '../../core/db/database.js';

export interface PersonalDataHolder {
  /** The key of the module's part in the person's download. */
  name: string;
  /** What the module holds about the person. */
  exportFor(db: Db, userId: number): Promise<unknown>;
  /** Replaces the person's name with `label` in the module's records, which stay. */
  erase(trx: Tx, userId: number, label: string): Promise<void>;
}

const holders: PersonalDataHolder[] = [];

export function addPersonalDataHolder(holder: PersonalDataHolder): void {
  holders.push(holder);
}

export function personalDataHolders(): readonly PersonalDataHolder[] {
  return holders;
}
