/**
 * What the library holds about a person, for their download and for erasure: the review steps they took, the
 * practices they proposed, the transfer stages they recorded and the assessments they scored. Erasure keeps
 * these records (they are the programme's evidence) and replaces the person's name.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';

async function exportFor(db: Db, userId: number) {
  const [reviewSteps, proposals, transferStages, assessments] = await Promise.all([
    db.selectFrom('practice_history').select(['practice_id as practiceId', 'from_status as from', 'to_status as to', 'comment', 'occurred_at as at']).where('actor_user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('practices').select(['id', 'title', 'status']).where('proposed_by_user_id', '=', userId).orderBy('id').execute(),
    db.selectFrom('transfer_stages').select(['transfer_id as transferId', 'stage', 'occurred_on as occurredOn', 'notes', 'recorded_at as recordedAt']).where('recorded_by_user_id', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('transfer_assessments')
      .select(['transfer_id as transferId', 'fit_score', 'fit_comment', 'feasibility_score', 'feasibility_comment', 'cost_score', 'cost_comment', 'support_score', 'support_comment', 'updated_at as updatedAt'])
      .where('assessor_user_id', '=', userId)
      .orderBy('id')
      .execute(),
  ]);
  return { reviewSteps, proposals, transferStages, assessments };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('practice_history').set({ actor_label: label }).where('actor_user_id', '=', userId).execute();
  await trx.updateTable('transfer_stages').set({ recorded_by_label: label }).where('recorded_by_user_id', '=', userId).execute();
  await trx.updateTable('transfer_assessments').set({ assessor_label: label }).where('assessor_user_id', '=', userId).execute();
}

export const libraryPersonalData: PersonalDataHolder = { name: 'goodPractices', exportFor, erase };
