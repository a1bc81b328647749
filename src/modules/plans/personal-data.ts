/**
 * What action plans hold about a person, for their download and for erasure: the comments they wrote, the reports
 * they submitted and the documents they uploaded. Erasure keeps these records (the plan's review and monitoring
 * history) and replaces the person's name. A plan's contact person is part of the plan and is edited there.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';

async function exportFor(db: Db, userId: number) {
  const [comments, reports, files] = await Promise.all([
    db.selectFrom('plan_comments').select(['plan_id as planId', 'version_number as version', 'target', 'body', 'created_at as createdAt']).where('author_user_id', '=', userId).orderBy('id').execute(),
    db
      .selectFrom('progress_reports')
      .select(['plan_id as planId', 'action_key as actionKey', 'semester', 'status', 'work_done as workDone', 'submitted_at as submittedAt'])
      .where('submitted_by_user_id', '=', userId)
      .orderBy('id')
      .execute(),
    db.selectFrom('plan_files').select(['plan_id as planId', 'original_name as name', 'size_bytes as sizeBytes', 'created_at as uploadedAt']).where('uploaded_by_user_id', '=', userId).where('pending_since', 'is', null).orderBy('id').execute(),
  ]);
  return { comments, reports, files };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('plan_comments').set({ author_label: label }).where('author_user_id', '=', userId).execute();
  await trx.updateTable('progress_reports').set({ submitted_by_label: label }).where('submitted_by_user_id', '=', userId).execute();
}

export const plansPersonalData: PersonalDataHolder = { name: 'actionPlans', exportFor, erase };
