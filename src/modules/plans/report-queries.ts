/** SQL for progress reports, their evidence and files, and the reminders sent. */
import { sql } from 'kysely';
import type { Db, Tx } from '../../core/db/database.js';
import type { ImprovementType, ReportStatus } from './tables.js';

type Executor = Db | Tx;

/** Reports on one plan are filed one after the other, so two first reports for the same semester cannot both be current. */
export function lockPlanForReporting(trx: Tx, planId: number) {
  return trx.selectFrom('plans').select('id').where('id', '=', planId).forNoKeyUpdate().executeTakeFirst();
}

export function lockCurrent(trx: Tx, planId: number, actionKey: string, semester: number) {
  return trx.selectFrom('progress_reports').select(['id']).where('plan_id', '=', planId).where('action_key', '=', actionKey).where('semester', '=', semester).where('current', '=', true).forUpdate().executeTakeFirst();
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

export async function insertFile(trx: Tx, file: { planId: number; originalName: string; mediaType: string; sha256: string; content: Buffer; userId: number | null }): Promise<number> {
  const row = await trx
    .insertInto('plan_files')
    .values({ plan_id: file.planId, original_name: file.originalName, media_type: file.mediaType, size_bytes: file.content.length, sha256: file.sha256, content: file.content, uploaded_by_user_id: file.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function insertEvidence(trx: Tx, reportId: number, evidence: ({ url: string } | { fileId: number })[]) {
  if (evidence.length === 0) return Promise.resolve();
  return trx
    .insertInto('progress_report_evidence')
    .values(evidence.map((item, position) => ({ report_id: reportId, position, url: 'url' in item ? item.url : null, file_id: 'fileId' in item ? item.fileId : null })))
    .execute();
}

export function listReports(db: Executor, planId: number) {
  return db
    .selectFrom('progress_reports')
    .select(['id', 'action_key', 'semester', 'status', 'percent_complete', 'spent_eur', 'work_done', 'instrument_improved', 'improvement_type', 'improvement_description', 'supersedes_id', 'current', 'submitted_by_label', 'submitted_at'])
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
    .select(['progress_report_evidence.report_id', 'progress_report_evidence.position', 'progress_report_evidence.url', 'plan_files.id as file_id', 'plan_files.original_name', 'plan_files.media_type', 'plan_files.size_bytes'])
    .where('progress_reports.plan_id', '=', planId)
    .orderBy('progress_report_evidence.report_id')
    .orderBy('progress_report_evidence.position')
    .execute();
}

export function findFile(db: Executor, planId: number, fileId: number) {
  return db.selectFrom('plan_files').select(['id', 'original_name', 'media_type', 'size_bytes', 'content']).where('plan_id', '=', planId).where('id', '=', fileId).executeTakeFirst();
}

/** Plans with an endorsed version, for the reminders: their latest endorsed content and the semesters already reported. */
export function plansForReminders(db: Executor) {
  return sql<{ plan_id: number; programme_id: number; partner_id: number; content: unknown; reported: { action_key: string; semester: number }[] | null; reminded: number[] | null }>`
    select p.id as plan_id, p.programme_id, p.partner_id,
      (select v.content from plan_versions v where v.plan_id = p.id and v.status = 'endorsed' order by v.number desc limit 1) as content,
      (select json_agg(json_build_object('action_key', r.action_key, 'semester', r.semester)) from progress_reports r where r.plan_id = p.id and r.current) as reported,
      (select array_agg(m.semester) from plan_reminders m where m.plan_id = p.id) as reminded
    from plans p
    where exists (select 1 from plan_versions v where v.plan_id = p.id and v.status = 'endorsed')
  `.execute(db);
}

export function recordReminder(trx: Tx, planId: number, semester: number) {
  return trx.insertInto('plan_reminders').values({ plan_id: planId, semester }).onConflict((conflict) => conflict.doNothing()).returning('plan_id').executeTakeFirst();
}
