/**
 * Phase-2 monitoring: every semester the partner reports on each action of its endorsed plan — status, percent
 * complete, money spent, what was done, evidence (links and files), and whether a policy instrument improved.
 * A report is locked once submitted; a correction is a new report that supersedes it, and both are kept.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import { tableVersionsOf } from '../../../core/cache/table-versions.js';
import type { Db } from '../../../core/db/database.js';
import { megabyte } from '../../../core/http/uploads.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import { systemActor, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { activeEditorsOf } from '../../accounts/service.js';
import { findPartner } from '../../partners/service.js';
import { findProgramme, semestersOf, type Semester } from '../../programmes/service.js';
import { planContentSchema, timeframeOf, type PlanContent } from '../content.js';
import * as planQueries from '../writing/queries.js';
import * as queries from './queries.js';
import { tellAboutPlan, tellReportDue } from '../notifications.js';
import type { ReportInput } from './schema.js';

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
/** The evidence form's limits, stated once: the form's hint, the refusals and the documentation use them. */
export const evidenceLimits = { fileMegabytes: 10, files: 10, totalMegabytes: 25 } as const;
/** Evidence is stored in chunks of this size, each written by its own statement (see the migration). */
export const evidenceChunkBytes = 256 * 1024;

/** An evidence file received with the form, already within the form's limits, in a temporary file. */
export interface EvidenceUpload {
  filename: string;
  path: string;
  sizeBytes: number;
  sha256: string;
}

export type ReportRefusal = 'forbidden' | 'not_found' | 'not_endorsed';

/** A problem with what was sent, shown at its field; a form shows every one of them at once. */
export interface ReportProblem {
  field: 'semester' | 'files';
  reason: 'semester_outside' | 'file_type' | 'file_empty' | 'quota_exceeded';
  values?: Record<string, string | number>;
}

export type FileReportOutcome = Outcome<{ id: number; supersedes: number | null }, ReportRefusal> | { ok: false; reason: 'invalid'; problems: ReportProblem[] };

/** The semesters a plan reports on: the programme's semesters that overlap the endorsed plan's timeframe. */
export function reportingSemesters(semesters: Semester[], content: PlanContent): Semester[] {
  const timeframe = timeframeOf(content);
  if (!timeframe) return [];
  return semesters.filter((semester) => semester.endsOn >= timeframe.startsOn && semester.startsOn <= timeframe.endsOn);
}

interface CheckedFile extends EvidenceUpload {
  mediaType: string;
}

async function checkedFile(upload: EvidenceUpload): Promise<CheckedFile | ReportProblem> {
  const filename = upload.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'evidence';
  if (upload.sizeBytes === 0) return { field: 'files', reason: 'file_empty', values: { filename } };
  // file-type is loaded with the first file checked rather than with every start (docs/performance/start.md).
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(upload.path);
  if (!detected || !(detected.mime in allowedEvidenceTypes)) return { field: 'files', reason: 'file_type', values: { filename } };
  return { ...upload, filename, mediaType: detected.mime };
}

/** MB with one decimal, rounded down, so "left" never promises more than there is. */
const megabytes = (bytes: number) => Math.floor((bytes / megabyte) * 10) / 10;

function quotaProblem(storedBytes: number, incomingBytes: number, quotaMegabytes: number): ReportProblem | undefined {
  const quotaBytes = quotaMegabytes * megabyte;
  if (incomingBytes === 0 || storedBytes + incomingBytes <= quotaBytes) return undefined;
  return {
    field: 'files',
    reason: 'quota_exceeded',
    values: { left: megabytes(Math.max(0, quotaBytes - storedBytes)), needed: megabytes(incomingBytes), quota: quotaMegabytes },
  };
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
  const plan = await planQueries.findPlan(db, planId);
  if (!plan) return undefined;
  const endorsed = await planQueries.latestEndorsed(db, planId);
  const programme = await findProgramme(db, plan.programme_id);
  if (!endorsed || !programme) return undefined;
  const content = planContentSchema.parse(endorsed.content);
  return { planId, programmeId: plan.programme_id, partnerId: plan.partner_id, content, semesters: reportingSemesters(semestersOf(programme), content) };
}

/**
 * Everything wrong with a report's semester and files, before anything is stored: a semester outside the plan,
 * each empty or unrecognised file, and files that would not fit in the partner's space.
 */
async function checkFiling(
  db: Db,
  actor: Actor,
  planId: number,
  actionKey: string,
  semester: number | undefined,
  uploads: EvidenceUpload[],
  quotaMegabytes: number,
) {
  const context = await reportContext(db, planId);
  if (!context) return refuse((await planQueries.findPlan(db, planId)) ? 'not_endorsed' : 'not_found');
  if (!can(actor, 'plan.report', { programmeId: context.programmeId, partnerIds: [context.partnerId] })) return refuse('forbidden');
  if (!context.content.actions.some((action) => action.key === actionKey)) return refuse('not_found');
  const problems: ReportProblem[] = [];
  if (semester !== undefined && !context.semesters.some((entry) => entry.number === semester)) problems.push({ field: 'semester', reason: 'semester_outside' });
  const files: CheckedFile[] = [];
  for (const checked of await Promise.all(uploads.map(checkedFile))) {
    if ('reason' in checked) problems.push(checked);
    else files.push(checked);
  }
  const quota = quotaProblem(await queries.partnerStoredBytes(db, context.partnerId), sumOf(uploads), quotaMegabytes);
  if (quota) problems.push(quota);
  return done({ context, files, problems });
}

const sumOf = (files: { sizeBytes: number }[]) => files.reduce((sum, file) => sum + file.sizeBytes, 0);

/** The problems a report would be refused for, for a form that has other errors too (one round shows them all). */
export async function reportProblems(
  db: Db,
  actor: Actor,
  planId: number,
  actionKey: string,
  semester: number | undefined,
  uploads: EvidenceUpload[],
  quotaMegabytes: number,
): Promise<Outcome<ReportProblem[], ReportRefusal>> {
  const checked = await checkFiling(db, actor, planId, actionKey, semester, uploads, quotaMegabytes);
  return checked.ok ? done(checked.value.problems) : checked;
}

/** Stores files as pending, chunk by chunk, outside any transaction; on failure nothing of them stays. */
async function storePending(db: Db, planId: number, files: CheckedFile[], userId: number | null): Promise<number[]> {
  const ids: number[] = [];
  try {
    for (const file of files) {
      const id = await queries.insertPendingFile(db, {
        planId,
        originalName: file.filename,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        userId,
      });
      ids.push(id);
      let position = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: evidenceChunkBytes })) {
        await queries.insertFileChunk(db, id, position, chunk as Buffer);
        position += 1;
      }
    }
    return ids;
  } catch (error) {
    await queries.deletePendingFiles(db, { ids });
    throw error;
  }
}

/**
 * Files a report (or a correction superseding the current one) with its evidence, all or nothing. The files are
 * stored first as pending, chunk by chunk, so the embedded database serves other requests meanwhile; the short
 * transaction then checks the partner's space under the lock of its plans and links them.
 */
export async function fileReport(
  db: Db,
  actor: Actor,
  planId: number,
  actionKey: string,
  input: ReportInput,
  uploads: EvidenceUpload[],
  quotaMegabytes: number,
): Promise<FileReportOutcome> {
  const checked = await checkFiling(db, actor, planId, actionKey, input.semester, uploads, quotaMegabytes);
  if (!checked.ok) return checked;
  const { context, files, problems } = checked.value;
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  const userId = actor.kind === 'user' ? actor.userId : null;
  const fileIds = await storePending(db, planId, files, userId);
  try {
    const outcome = await db.transaction().execute(async (trx): Promise<FileReportOutcome> => {
      await queries.lockPartnerPlansForReporting(trx, context.partnerId);
      // Checked again under the lock: two uploads at once must not both fit in the space left for one.
      const quota = quotaProblem(await queries.partnerStoredBytes(trx, context.partnerId), sumOf(files), quotaMegabytes);
      if (quota) return { ok: false, reason: 'invalid', problems: [quota] };
      if ((await queries.linkPendingFiles(trx, fileIds)).length !== fileIds.length)
        throw new Error('A pending evidence file was removed before its report was filed');
      const current = await queries.lockCurrent(trx, planId, actionKey, input.semester);
      if (current) await queries.supersede(trx, current.id);
      const id = await queries.insertReport(trx, { planId, actionKey, ...input, supersedesId: current?.id ?? null, userId, label: actorLabel(actor) });
      await queries.insertEvidence(trx, id, [...input.links.map((url) => ({ url })), ...fileIds.map((fileId) => ({ fileId }))]);
      await recordAudit(trx, actor, {
        action: current ? 'plan.correct_report' : 'plan.file_report',
        entityType: 'progress_report',
        entityId: id,
        programmeId: context.programmeId,
        after: {
          planId,
          actionKey,
          semester: input.semester,
          status: input.status,
          percentComplete: input.percentComplete,
          spentEur: input.spentEur,
          supersedes: current?.id ?? null,
          files: files.map((file) => file.filename),
        },
      });
      const plan = { id: planId, programmeId: context.programmeId, partnerId: context.partnerId };
      await tellAboutPlan(trx, actor, plan, current ? 'correct_report' : 'file_report', input.semester);
      return done({ id, supersedes: current?.id ?? null });
    });
    if (!outcome.ok) await queries.deletePendingFiles(db, { ids: fileIds });
    return outcome;
  } catch (error) {
    await queries.deletePendingFiles(db, { ids: fileIds });
    throw error;
  }
}

export interface Evidence {
  url: string | null;
  file: { id: number; name: string; mediaType: string; sizeBytes: number } | null;
}

/** A report as read: what was filed (without who filed it, named by `submittedBy` instead), plus whether it is current. */
export interface ProgressReport extends Omit<queries.NewReport, 'planId' | 'userId' | 'label'> {
  id: number;
  current: boolean;
  submittedBy: string;
  submittedAt: Date;
  evidence: Evidence[];
}

/** Every report of a plan, current and superseded, with its evidence; reports are public once submitted. */
export async function reportsOf(db: Db, planId: number): Promise<ProgressReport[]> {
  const [rows, evidence] = await Promise.all([queries.listReports(db, planId), queries.listEvidence(db, planId)]);
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
      .map((item) => ({
        url: item.url,
        file:
          item.file_id === null
            ? null
            : { id: item.file_id, name: item.original_name ?? '', mediaType: item.media_type ?? '', sizeBytes: item.size_bytes ?? 0 },
      })),
  }));
}

/** A stored evidence file: its name, type and size, and its content as a stream read chunk by chunk. */
export async function evidenceFile(db: Db, planId: number, fileId: number) {
  const file = await queries.findFile(db, planId, fileId);
  if (!file) return undefined;
  async function* chunks() {
    for (let position = 0; ; position += 1) {
      const chunk = await queries.findFileChunk(db, fileId, position);
      if (!chunk) return;
      yield chunk;
    }
  }
  return { name: file.original_name, mediaType: file.media_type, sizeBytes: file.size_bytes, content: Readable.from(chunks()) };
}

/** The worker's task: pending files of uploads that never reached their filing transaction (a crash, a closed tab). */
export async function removeAbandonedUploads(db: Db): Promise<number> {
  return Number((await queries.deletePendingFiles(db, { olderThanMinutes: 60 })).numDeletedRows);
}

const reminders = systemActor('report reminders');

/**
 * What a reminder scan reads. While their versions and the day stay as they were at a node's last scan, the scan
 * would find nothing that scan did not (it sent what was due, and each reminder sent raised plan_reminders' version),
 * so the node skips it: at 1,500 plans a scan costs about half a second of the thread, every poll.
 */
const reminderTables = ['plans', 'plan_versions', 'progress_reports', 'plan_reminders', 'programmes'];
const lastScans = new WeakMap<Db, string>();

/**
 * The worker's task: for each endorsed plan and each semester that has ended within its timeframe with an action
 * unreported, notifies the partner's editors once (a reminder row marks it sent); each chooses how they are told.
 * Returns the plans reminded.
 */
export async function remindMissingReports(db: Db, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  // Read before the scan: a write during it leaves the next poll a different key, and that poll scans again.
  const scan = `${today}; ${await tableVersionsOf(db, reminderTables)}`;
  if (lastScans.get(db) === scan) return 0;
  const semestersByProgramme = new Map<number, Semester[] | undefined>();
  const semestersOfProgramme = async (programmeId: number) => {
    if (!semestersByProgramme.has(programmeId)) {
      const programme = await findProgramme(db, programmeId);
      semestersByProgramme.set(programmeId, programme && semestersOf(programme));
    }
    return semestersByProgramme.get(programmeId);
  };
  let reminded = 0;
  for (const plan of (await queries.plansForReminders(db)).rows) {
    const semesters = await semestersOfProgramme(plan.programme_id);
    if (!semesters) continue;
    const content = planContentSchema.parse(plan.content);
    const reported = new Set((plan.reported ?? []).map((entry) => `${entry.action_key}|${entry.semester}`));
    const due = reportingSemesters(semesters, content).filter(
      (semester) =>
        semester.endsOn < today &&
        !(plan.reminded ?? []).includes(semester.number) &&
        content.actions.some((action) => !reported.has(`${action.key}|${semester.number}`)),
    );
    if (due.length === 0) continue;
    const [editors, partner] = await Promise.all([activeEditorsOf(db, plan.partner_id), findPartner(db, reminders, plan.partner_id)]);
    await db.transaction().execute(async (trx) => {
      for (const semester of due) {
        // The row is the "once": a second node, or the next run, finds it and sends nothing.
        if (!(await queries.recordReminder(trx, plan.plan_id, semester.number))) continue;
        const partnerName = partner?.name ?? '';
        await tellReportDue(trx, { id: plan.plan_id, programmeId: plan.programme_id, partnerId: plan.partner_id, partnerName }, semester);
        await recordAudit(trx, reminders, {
          action: 'plan.remind_report',
          entityType: 'plan',
          entityId: plan.plan_id,
          programmeId: plan.programme_id,
          after: { semester: semester.number, recipients: editors.length },
        });
      }
    });
    reminded += 1;
  }
  lastScans.set(db, scan);
  return reminded;
}
