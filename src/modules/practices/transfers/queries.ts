/** SQL of transfers, their stages and assessments. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { TransferStage } from '../tables.js';

const transferColumns = ['transfers.id', 'transfers.practice_id', 'transfers.importer_partner_id', 'transfers.stage', 'transfers.created_at'] as const;

export function findTransfer(db: Executor, transferId: number) {
  return db
    .selectFrom('transfers')
    .innerJoin('practices', 'practices.id', 'transfers.practice_id')
    .select(transferColumns)
    .select(['practices.title as practice_title', 'practices.owner_partner_id', 'practices.programme_id'])
    .where('transfers.id', '=', transferId)
    .executeTakeFirst();
}

export function lockTransfer(trx: Tx, transferId: number) {
  return trx
    .selectFrom('transfers')
    .innerJoin('practices', 'practices.id', 'transfers.practice_id')
    .select(transferColumns)
    .select(['practices.title as practice_title', 'practices.owner_partner_id', 'practices.programme_id'])
    .where('transfers.id', '=', transferId)
    .forUpdate(['transfers'])
    .executeTakeFirst();
}

export function findTransferFor(db: Executor, practiceId: number, importerPartnerId: number) {
  return db.selectFrom('transfers').select('id').where('practice_id', '=', practiceId).where('importer_partner_id', '=', importerPartnerId).executeTakeFirst();
}

export async function insertTransfer(trx: Tx, practiceId: number, importerPartnerId: number): Promise<number> {
  const row = await trx
    .insertInto('transfers')
    .values({ practice_id: practiceId, importer_partner_id: importerPartnerId, stage: 'interest' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function setTransferStage(trx: Tx, transferId: number, stage: TransferStage) {
  return trx
    .updateTable('transfers')
    .set({ stage, updated_at: sql<Date>`now()` })
    .where('id', '=', transferId)
    .execute();
}

export function insertStage(
  trx: Tx,
  stage: { transferId: number; stage: TransferStage; occurredOn: string; notes: string; eventId?: number | null; userId: number | null; label: string },
) {
  return trx
    .insertInto('transfer_stages')
    .values({
      transfer_id: stage.transferId,
      stage: stage.stage,
      occurred_on: stage.occurredOn,
      notes: stage.notes,
      event_id: stage.eventId ?? null,
      recorded_by_user_id: stage.userId,
      recorded_by_label: stage.label,
    })
    .execute();
}

export function listStages(db: Executor, transferId: number) {
  return db
    .selectFrom('transfer_stages')
    .select(['stage', 'occurred_on', 'notes', 'event_id', 'recorded_by_label', 'recorded_at'])
    .where('transfer_id', '=', transferId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
}

export function listAssessments(db: Executor, transferId: number) {
  return db
    .selectFrom('transfer_assessments')
    .select([
      'assessor_user_id',
      'assessor_label',
      'fit_score',
      'fit_comment',
      'feasibility_score',
      'feasibility_comment',
      'cost_score',
      'cost_comment',
      'support_score',
      'support_comment',
      'updated_at',
    ])
    .where('transfer_id', '=', transferId)
    .orderBy('id')
    .execute();
}

export interface AssessmentValues {
  fitScore: number;
  fitComment: string;
  feasibilityScore: number;
  feasibilityComment: string;
  costScore: number;
  costComment: string;
  supportScore: number;
  supportComment: string;
}

/** One assessment per assessor and transfer: filling the form again replaces the earlier answers. */
export function upsertAssessment(trx: Tx, transferId: number, assessor: { userId: number | null; label: string }, values: AssessmentValues) {
  const columns = {
    fit_score: values.fitScore,
    fit_comment: values.fitComment,
    feasibility_score: values.feasibilityScore,
    feasibility_comment: values.feasibilityComment,
    cost_score: values.costScore,
    cost_comment: values.costComment,
    support_score: values.supportScore,
    support_comment: values.supportComment,
  };
  return trx
    .insertInto('transfer_assessments')
    .values({ transfer_id: transferId, assessor_user_id: assessor.userId, assessor_label: assessor.label, ...columns })
    .onConflict((conflict) =>
      conflict.columns(['transfer_id', 'assessor_user_id']).doUpdateSet({ ...columns, assessor_label: assessor.label, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export function listTransfersOfPractice(db: Executor, practiceId: number) {
  return db.selectFrom('transfers').select(['id', 'importer_partner_id', 'stage', 'created_at']).where('practice_id', '=', practiceId).orderBy('id').execute();
}

export function listTransfersOfImporter(db: Executor, partnerId: number) {
  return db
    .selectFrom('transfers')
    .innerJoin('practices', 'practices.id', 'transfers.practice_id')
    .select(['transfers.id', 'transfers.stage', 'transfers.practice_id', 'practices.title as practice_title', 'practices.owner_partner_id'])
    .where('transfers.importer_partner_id', '=', partnerId)
    .orderBy('transfers.id')
    .execute();
}

/**
 * Per partner of a programme, in one statement for the programme's overview: its published practices
 * (identified), and the transfers it imports, split into those adopted (or further) and those still in progress.
 */
export function libraryCountsPerPartner(db: Executor, programmeId: number, adoptedStages: readonly TransferStage[]) {
  return sql<{ partner_id: number; identified: number; adopted: number; in_progress: number }>`
    select pa.id as partner_id,
      (select count(*) from practices p where p.owner_partner_id = pa.id and p.status = 'published')::int as identified,
      (select count(*) from transfers t where t.importer_partner_id = pa.id and t.stage = any(${adoptedStages}::text[]))::int as adopted,
      (select count(*) from transfers t where t.importer_partner_id = pa.id and t.stage <> all(${adoptedStages}::text[]))::int as in_progress
    from partners pa
    where pa.programme_id = ${programmeId}
  `.execute(db);
}

// ---- personal data -----------------------------------------------------------------------------------------------

export function listStagesRecordedBy(db: Executor, userId: number) {
  return db
    .selectFrom('transfer_stages')
    .select(['transfer_id as transferId', 'stage', 'occurred_on as occurredOn', 'notes', 'recorded_at as recordedAt'])
    .where('recorded_by_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export function listAssessmentsBy(db: Executor, userId: number) {
  return db
    .selectFrom('transfer_assessments')
    .select(['transfer_id as transferId', 'fit_score', 'fit_comment', 'feasibility_score', 'feasibility_comment'])
    .select(['cost_score', 'cost_comment', 'support_score', 'support_comment', 'updated_at as updatedAt'])
    .where('assessor_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export async function relabelStagesAndAssessmentsBy(trx: Tx, userId: number, label: string): Promise<void> {
  await trx.updateTable('transfer_stages').set({ recorded_by_label: label }).where('recorded_by_user_id', '=', userId).execute();
  await trx.updateTable('transfer_assessments').set({ assessor_label: label }).where('assessor_user_id', '=', userId).execute();
}
