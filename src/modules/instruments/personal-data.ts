/**
 * What the instrument catalogue holds about a person: the stage changes they recorded. Erasure keeps the records
 * (the instrument's history and its evidence) and replaces the person's name.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';
import { relabelStagesRecordedBy, stagesRecordedBy } from './catalogue/queries.js';

async function exportFor(db: Db, userId: number) {
  return { stages: await stagesRecordedBy(db, userId) };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await relabelStagesRecordedBy(trx, userId, label);
}

export const instrumentsPersonalData: PersonalDataHolder = { name: 'instruments', exportFor, erase };
