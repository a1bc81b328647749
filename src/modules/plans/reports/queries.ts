/** SQL for progress reports, their evidence and files, and the reminders sent. */
import { sql } from 'kysely';
import type { Executor, OutsideTransaction, Tx } from '../../../core/db/database.js';
import type { ImprovementType } from '../content.js';
import type { ReportStatus } from '../tables.js';

/**
 * Reports of one partner are filed one after the other: two first reports for the same semester cannot both be
 * current, and two uploads cannot both fit in the space the partner has left. Every plan of the partner is locked,
 * in id order so that two filings never wait on each other.
 */
export function lockPartnerPlansForReporting(trx: Tx, partnerId: number) {
  return trx.selectFrom('plans').select('id').where('partner_id', '=', partnerId).orderBy('id').forNoKeyUpdate().execute();
}

/** The evidence a partner stores, in bytes: every linked file of its plans, superseded reports' included. */
export async function partnerStoredBytes(db: Executor, partnerId: number): Promise<number> {
  const row = await db
    .selectFrom('plan_files')
    .innerJoin('plans', 'plans.id', 'plan_files.plan_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('plan_files.size_bytes'), eb.lit(0)).as('bytes'))
    .where('plans.partner_id', '=', partnerId)
    .where('plan_files.pending_since', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.bytes);
}

export function lockCurrent(trx: Tx, planId: number, actionKey: string, semester: number) {
  return trx
    .selectFrom('progress_reports')
    .select(['id'])
    .where('plan_id', '=', planId)
    .where('action_key', '=', actionKey)
    .where('semester', '=', semester)
    .where('current', '=', true)
    .forUpdate()
    .executeTakeFirst();
}

export function supersede(trx: Tx, reportId: number) {
  return trx.updateTable('progress_reports').set({ current: false }).where('id', '=', reportId).execute();
}

export interface NewReport {
  planId: number;
  actionKey: string;
  semester: number;
  status: ReportStatus;
  percentComplete: number;
  spentEur: number;
  workDone: string;
  instrumentImproved: boolean;
  improvementType: ImprovementType | null;
  improvementDescription: string;
  supersedesId: number | null;
  userId: number | null;
  label: string;
}

export async function insertReport(trx: Tx, report: NewReport): Promise<number> {
  const row = await trx
    .insertInto('progress_reports')
    .values({
      plan_id: report.planId,
      action_key: report.actionKey,
      semester: report.semester,
      status: report.status,
      percent_complete: report.percentComplete,
      spent_eur: report.spentEur,
      work_done: report.workDone,
      instrument_improved: report.instrumentImproved,
      improvement_type: report.improvementType,
      improvement_description: report.improvementDescription,
      supersedes_id: report.supersedesId,
      submitted_by_user_id: report.userId,
      submitted_by_label: report.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A file's row and chunks are written before the filing transaction, each chunk by its own statement, so that the
 * embedded database is never held for a whole file; they are bookkeeping until the transaction links them.
 */
export async function insertPendingFile(
  db: OutsideTransaction,
  file: { planId: number; originalName: string; mediaType: string; sizeBytes: number; sha256: string; userId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('plan_files')
    .values({
      plan_id: file.planId,
      original_name: file.originalName,
      media_type: file.mediaType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      uploaded_by_user_id: file.userId,
      pending_since: sql<Date>`now()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The chunk travels as hex text: the embedded database encodes a Buffer parameter ten times slower (measured). */
export function insertFileChunk(db: OutsideTransaction, fileId: number, position: number, content: Buffer) {
  return db
    .insertInto('plan_file_chunks')
    .values({ file_id: fileId, position, content: sql<Buffer>`decode(${content.toString('hex')}, 'hex')` })
    .execute();
}

/** Links pending files to their report; returns the ids linked (a file removed meanwhile is missing). */
export async function linkPendingFiles(trx: Tx, fileIds: number[]): Promise<number[]> {
  if (fileIds.length === 0) return [];
  const rows = await trx
    .updateTable('plan_files')
    .set({ pending_since: null })
    .where('id', 'in', fileIds)
    .where('pending_since', 'is not', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Removes pending files (their chunks go with them): those of a refused filing, or left behind longer than `minutes`. */
export function deletePendingFiles(db: OutsideTransaction, which: { ids: number[] } | { olderThanMinutes: number }) {
  let query = db.deleteFrom('plan_files').where('pending_since', 'is not', null);
  query =
    'ids' in which
      ? query.where('id', 'in', which.ids.length ? which.ids : [0])
      : query.where('pending_since', '<', sql<Date>`now() - make_interval(mins => ${which.olderThanMinutes})`);
  return query.executeTakeFirst();
}

export function insertEvidence(trx: Tx, reportId: number, evidence: ({ url: string } | { fileId: number })[]) {
  if (evidence.length === 0) return Promise.resolve();
  return trx
    .insertInto('progress_report_evidence')
    .values(
      evidence.map((item, position) => ({
        report_id: reportId,
        position,
        url: 'url' in item ? item.url : null,
        file_id: 'fileId' in item ? item.fileId : null,
      })),
    )
    .execute();
}

export function listReports(db: Executor, planId: number) {
  return db
    .selectFrom('progress_reports')
    .select([
      'id',
      'action_key',
      'semester',
      'status',
      'percent_complete',
      'spent_eur',
      'work_done',
      'instrument_improved',
      'improvement_type',
      'improvement_description',
      'supersedes_id',
      'current',
      'submitted_by_label',
      'submitted_at',
    ])
    .where('plan_id', '=', planId)
    .orderBy('semester')
    .orderBy('action_key')
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export function listEvidence(db: Executor, planId: number) {
  return db
    .selectFrom('progress_report_evidence')
    .innerJoin('progress_reports', 'progress_reports.id', 'progress_report_evidence.report_id')
    .leftJoin('plan_files', 'plan_files.id', 'progress_report_evidence.file_id')
    .select([
      'progress_report_evidence.report_id',
      'progress_report_evidence.position',
      'progress_report_evidence.url',
      'plan_files.id as file_id',
      'plan_files.original_name',
      'plan_files.media_type',
      'plan_files.size_bytes',
    ])
    .where('progress_reports.plan_id', '=', planId)
    .orderBy('progress_report_evidence.report_id')
    .orderBy('progress_report_evidence.position')
    .execute();
}

export function findFile(db: Executor, planId: number, fileId: number) {
  return db
    .selectFrom('plan_files')
    .select(['id', 'original_name', 'media_type', 'size_bytes'])
    .where('plan_id', '=', planId)
    .where('id', '=', fileId)
    .where('pending_since', 'is', null)
    .executeTakeFirst();
}

/** One chunk of a file's content, read one at a time so a download never holds the embedded database for long. */
export async function findFileChunk(db: Executor, fileId: number, position: number): Promise<Buffer | undefined> {
  return (await db.selectFrom('plan_file_chunks').select('content').where('file_id', '=', fileId).where('position', '=', position).executeTakeFirst())?.content;
}

/** Plans with an endorsed version, for the reminders: their latest endorsed content and the semesters already reported. */
export function plansForReminders(db: Executor) {
  return sql<{
    plan_id: number;
    programme_id: number;
    partner_id: number;
    content: unknown;
    reported: { action_key: string; semester: number }[] | null;
    reminded: number[] | null;
  }>`
    select p.id as plan_id, p.programme_id, p.partner_id,
      (select v.content from plan_versions v where v.plan_id = p.id and v.status = 'endorsed' order by v.number desc limit 1) as content,
      (select json_agg(json_build_object('action_key', r.action_key, 'semester', r.semester)) from progress_reports r where r.plan_id = p.id and r.current) as reported,
      (select array_agg(m.semester) from plan_reminders m where m.plan_id = p.id) as reminded
    from plans p
    where exists (select 1 from plan_versions v where v.plan_id = p.id and v.status = 'endorsed')
  `.execute(db);
}

export function recordReminder(trx: Tx, planId: number, semester: number) {
  return trx
    .insertInto('plan_reminders')
    .values({ plan_id: planId, semester })
    .onConflict((conflict) => conflict.doNothing())
    .returning('plan_id')
    .executeTakeFirst();
}

/** The reports a person submitted, for their personal-data download. */
export function listReportsOfSubmitter(db: Executor, userId: number) {
  return db
    .selectFrom('progress_reports')
    .select(['plan_id as planId', 'action_key as actionKey', 'semester', 'status', 'work_done as workDone', 'submitted_at as submittedAt'])
    .where('submitted_by_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** The documents a person uploaded and filed, for their personal-data download. */
export function listFilesOfUploader(db: Executor, userId: number) {
  return db
    .selectFrom('plan_files')
    .select(['plan_id as planId', 'original_name as name', 'size_bytes as sizeBytes', 'created_at as uploadedAt'])
    .where('uploaded_by_user_id', '=', userId)
    .where('pending_since', 'is', null)
    .orderBy('id')
    .execute();
}

/** Erasure keeps a person's reports, the plan's monitoring history, under the label that replaces their name. */
export function renameReportSubmitter(trx: Tx, userId: number, label: string) {
  return trx.updateTable('progress_reports').set({ submitted_by_label: label }).where('submitted_by_user_id', '=', userId).execute();
}
