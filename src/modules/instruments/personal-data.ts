/**
 * What the instrument catalogue holds about a person: the stage changes they recorded. Erasure keeps the records
 * (the instrument's history and its evidence) and replaces the person's name.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';

async function exportFor(db: Db, userId: number) {
  const stages = await db
    .selectFrom('instrument_stages')
    .select(['instrument_id as instrumentId', 'stage', 'occurred_on as occurredOn', 'evidence', 'reason', 'recorded_at as recordedAt'])
    .where('recorded_by_user_id', '=', userId)
    .orderBy('id')
    .execute();
  return { stages };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('instrument_stages').set({ recorded_by_label: label }).where('recorded_by_user_id', '=', userId).execute();
}

export const instrumentsPersonalData: PersonalDataHolder = { name: 'instruments', exportFor, erase };
