/**
 * Phase-2 monitoring: every semester the partner reports on each action of its endorsed plan — status, percent
 * complete, money spent, what was done, evidence (links and files), and whether a policy instrument improved.
 * A report is locked once submitted; a correction is a new report that supersedes it, and both are kept.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { actorLabel, recordAudit } from '../../core/audit/audit.js';
import type { Db } from '../../core/db/database.js';
import { composeEmail, queueEmail, type EmailContext } from '../../core/mail/outbox.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import { systemActor, type Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { activeEditorsOf } from '../accounts/service.js';
import { findPartner } from '../partners/service.js';
import { findProgramme, semestersOf, type Semester } from '../programmes/service.js';
import { planContentSchema, timeframeOf, type PlanContent } from './content.js';
import * as queries from './queries.js';
import * as reportQueries from './report-queries.js';
import type { ReportInput } from './schema.js';
import type { ImprovementType, ReportStatus } from './tables.js';

/** What evidence may be uploaded, recognised from the file's content rather than its name. */
export const allowedEvidenceTypes: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};
export const evidenceMaxBytes = 10 * 1024 * 1024;

export interface Upload {
  filename: string;
  content: Buffer;
  /** The upload was cut at the size limit. */
  truncated: boolean;
}

export type ReportRefusal = 'forbidden' | 'not_found' | 'not_endorsed' | 'semester_outside' | 'file_too_large' | 'file_type' | 'file_empty';

/** The semesters a plan reports on: the programme's semesters that overlap the endorsed plan's timeframe. */
export function reportingSemesters(semesters: Semester[], content: PlanContent): Semester[] {
  const timeframe = timeframeOf(content);
  if (!timeframe) return [];
  return semesters.filter((semester) => semester.endsOn >= timeframe.startsOn && semester.startsOn <= timeframe.endsOn);
}

async function checkedUpload(upload: Upload): Promise<Outcome<{ filename: string; mediaType: string; content: Buffer }, ReportRefusal>> {
  if (upload.truncated || upload.content.length > evidenceMaxBytes) return refuse('file_too_large', 'files');
  if (upload.content.length === 0) return refuse('file_empty', 'files');
  const detected = await fileTypeFromBuffer(upload.content);
  if (!detected || !(detected.mime in allowedEvidenceTypes)) return refuse('file_type', 'files');
  return done({ filename: upload.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'evidence', mediaType: detected.mime, content: upload.content });
}

export interface ReportContext {
  planId: number;
  programmeId: number;
  partnerId: number;
  content: PlanContent;
  semesters: Semester[];
}

/** The endorsed plan a report is filed against, with the semesters it may be filed for. */
export async function reportContext(db: Db, planId: number): Promise<ReportContext | undefined> {
  const plan = await queries.findPlan(db, planId);
  if (!plan) return undefined;
  const endorsed = await queries.latestEndorsed(db, planId);
  const programme = await findProgramme(db, plan.programme_id);
  if (!endorsed || !programme) return undefined;
  const content = planContentSchema.parse(endorsed.content);
  return { planId, programmeId: plan.programme_id, partnerId: plan.partner_id, content, semesters: reportingSemesters(semestersOf(programme), content) };
}

/** Files a report (or a correction superseding the current one) with its evidence, all or nothing. */
export async function fileReport(db: Db, actor: Actor, planId: number, actionKey: string, input: ReportInput, uploads: Upload[]): Promise<Outcome<{ id: number; supersedes: number | null }, ReportRefusal>> {
  const context = await reportContext(db, planId);
  if (!context) return refuse((await queries.findPlan(db, planId)) ? 'not_endorsed' : 'not_found');
  if (!can(actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] })) return refuse('forbidden');
  if (!context.content.actions.some((action) => action.key === actionKey)) return refuse('not_found');
  if (!context.semesters.some((semester) => semester.number === input.semester)) return refuse('semester_outside', 'semester');
  const files: { filename: string; mediaType: string; content: Buffer }[] = [];
  for (const upload of uploads) {
    const checked = await checkedUpload(upload);
    if (!checked.ok) return checked;
    files.push(checked.value);
  }
  return db.transaction().execute(async (trx) => {
    await reportQueries.lockPlanForReporting(trx, planId);
    const current = await reportQueries.lockCurrent(trx, planId, actionKey, input.semester);
    if (current) await reportQueries.supersede(trx, current.id);
    const userId = actor.kind === 'user' ? actor.userId : null;
    const id = await reportQueries.insertReport(trx, { planId, actionKey, ...input, supersedesId: current?.id ?? null, userId, label: actorLabel(actor) });
    const fileIds: number[] = [];
    for (const file of files) {
      fileIds.push(await reportQueries.insertFile(trx, { planId, originalName: file.filename, mediaType: file.mediaType, sha256: createHash('sha256').update(file.content).digest('hex'), content: file.content, userId }));
    }
    await reportQueries.insertEvidence(trx, id, [...input.links.map((url) => ({ url })), ...fileIds.map((fileId) => ({ fileId }))]);
    await recordAudit(trx, actor, {
      action: current ? 'plan.correct_report' : 'plan.file_report',
      entityType: 'progress_report',
      entityId: id,
      programmeId: context.programmeId,
      after: { planId, actionKey, semester: input.semester, status: input.status, percentComplete: input.percentComplete, spentEur: input.spentEur, supersedes: current?.id ?? null, files: files.map((file) => file.filename) },
    });
    return done({ id, supersedes: current?.id ?? null });
  });
}

export interface Evidence {
  url: string | null;
  file: { id: number; name: string; mediaType: string; sizeBytes: number } | null;
}

export interface ProgressReport {
  id: number;
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
  current: boolean;
  submittedBy: string;
  submittedAt: Date;
  evidence: Evidence[];
}

/** Every report of a plan, current and superseded, with its evidence; reports are public once submitted. */
export async function reportsOf(db: Db, planId: number): Promise<ProgressReport[]> {
  const [rows, evidence] = await Promise.all([reportQueries.listReports(db, planId), reportQueries.listEvidence(db, planId)]);
  return rows.map((row) => ({
    id: row.id,
    actionKey: row.action_key,
    semester: row.semester,
    status: row.status,
    percentComplete: row.percent_complete,
    spentEur: Number(row.spent_eur),
    workDone: row.work_done,
    instrumentImproved: row.instrument_improved,
    improvementType: row.improvement_type,
    improvementDescription: row.improvement_description,
    supersedesId: row.supersedes_id,
    current: row.current,
    submittedBy: row.submitted_by_label,
    submittedAt: row.submitted_at,
    evidence: evidence
      .filter((item) => item.report_id === row.id)
      .map((item) => ({ url: item.url, file: item.file_id === null ? null : { id: item.file_id, name: item.original_name ?? '', mediaType: item.media_type ?? '', sizeBytes: item.size_bytes ?? 0 } })),
  }));
}

export async function evidenceFile(db: Db, planId: number, fileId: number) {
  return reportQueries.findFile(db, planId, fileId);
}

const reminders = systemActor('report reminders');

/**
 * The worker's task: for each endorsed plan and each semester that has ended within its timeframe with an action
 * unreported, emails the partner's editors once (a reminder row marks it sent). Returns the plans reminded.
 */
export async function remindMissingReports(db: Db, mail: EmailContext, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let reminded = 0;
  for (const plan of (await reportQueries.plansForReminders(db)).rows) {
    const programme = await findProgramme(db, plan.programme_id);
    if (!programme) continue;
    const content = planContentSchema.parse(plan.content);
    const reported = new Set((plan.reported ?? []).map((entry) => `${entry.action_key}|${entry.semester}`));
    const due = reportingSemesters(semestersOf(programme), content).filter(
      (semester) => semester.endsOn < today && !(plan.reminded ?? []).includes(semester.number) && content.actions.some((action) => !reported.has(`${action.key}|${semester.number}`)),
    );
    if (due.length === 0) continue;
    const [editors, partner] = await Promise.all([activeEditorsOf(db, plan.partner_id), findPartner(db, reminders, plan.partner_id)]);
    await db.transaction().execute(async (trx) => {
      for (const semester of due) {
        // The row is the "once": a second node, or the next run, finds it and sends nothing.
        if (!(await reportQueries.recordReminder(trx, plan.plan_id, semester.number))) continue;
        for (const editor of editors) {
          const t = mail.translator.translate(editor.locale);
          await queueEmail(trx, {
            kind: 'plan_report_reminder',
            to: editor.email,
            ...composeEmail(t, 'plans.email.reminder', { name: editor.displayName, partner: partner?.name ?? '', semester: semester.number, link: `${mail.publicUrl}/plans/${plan.plan_id}/reports` }),
          });
        }
        await recordAudit(trx, reminders, { action: 'plan.remind_report', entityType: 'plan', entityId: plan.plan_id, programmeId: plan.programme_id, after: { semester: semester.number, recipients: editors.length } });
      }
    });
    reminded += 1;
  }
  return reminded;
}
