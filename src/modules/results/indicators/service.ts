/**
 * Use cases of indicators: the coordinator defines them (or switches the built-in set on and off) with targets per
 * partner; a partner's editors report a value per semester with evidence; the coordinator validates it or returns it
 * with a comment. A reported value is never changed in place: a correction is a new current row that supersedes the
 * old one, which stays as history. Reviews and corrections lock the row they act on, so the last one to arrive sees
 * what the first did.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import type { Db, Tx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import { contributionsTo } from '../../../core/module.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import { anonymous, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import type { FieldError, FormValues } from '../../../core/validation/forms.js';
import { listPartners, type PartnerSummary } from '../../partners/service.js';
import { findProgramme, semestersOf, type Semester } from '../../programmes/service.js';
import { formulas } from '../formulas.js';
import type { IndicatorReportStatus } from '../tables.js';
import type { Indicator } from '../types.js';
import type { Unit } from '../units.js';
import { builtinIndicators } from './builtin.js';
import { parseUnitNumber } from './numbers.js';
import { indicatorFromRow } from '../indicator-rows.js';
import * as queries from './queries.js';
import { readIndicatorForm, reportSchema, type ReviewInput } from './schema.js';

// ---- indicators --------------------------------------------------------------------------------------------------

/** The formulas the installed modules offer, key → unit: the only formulas an indicator may name. */
export function offeredFormulas(): Map<string, Unit> {
  return new Map(contributionsTo(formulas).map((formula) => [formula.key, formula.unit]));
}

type IndicatorRow = Awaited<ReturnType<typeof queries.listIndicators>>[number];

function toIndicator(row: IndicatorRow, targets: { indicator_id: number; partner_id: number; target: string }[]): Indicator {
  return indicatorFromRow(
    row,
    targets.filter((target) => target.indicator_id === row.id).map((target) => ({ partnerId: target.partner_id, target: Number(target.target) })),
  );
}

/** Every indicator of a programme, switched on or off, with its partner targets, in the coordinator's order. */
export async function listIndicators(db: Db, programmeId: number): Promise<Indicator[]> {
  const rows = await queries.listIndicators(db, programmeId);
  const targets = await queries.listTargets(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toIndicator(row, targets));
}

export async function findIndicator(db: Db, indicatorId: number): Promise<Indicator | undefined> {
  const row = await queries.findIndicator(db, indicatorId);
  return row && toIndicator(row, await queries.listTargets(db, [row.id]));
}

export type IndicatorRefusal = 'forbidden' | 'not_found';
export type SaveIndicatorOutcome = Outcome<Indicator, IndicatorRefusal> | { ok: false; reason: 'invalid'; errors: FieldError[] };

/**
 * Creates (indicatorId null) or edits an indicator from its posted form: every problem — fields, numbers in the unit,
 * the formula offered and of the same unit, the code free in the programme — found in one round; nothing is written
 * unless there is none.
 */
export async function saveIndicator(db: Db, actor: Actor, programmeId: number, indicatorId: number | null, values: FormValues): Promise<SaveIndicatorOutcome> {
  if (!can(actor, 'indicator.define', { programmeId })) return refuse('forbidden');
  const partners = await listPartners(db, anonymous, programmeId);
  const read = readIndicatorForm(values, { formulas: offeredFormulas(), partnerIds: partners.map((partner) => partner.id) });
  const code = typeof values.code === 'string' ? values.code.trim() : '';
  const errors = read.ok ? [] : [...read.errors];
  if (code !== '' && !errors.some((error) => error.field === 'code') && (await queries.codeTaken(db, programmeId, code, indicatorId)))
    errors.unshift({ field: 'code', key: 'indicators.form.code.taken' });
  if (!read.ok || errors.length > 0) return { ok: false, reason: 'invalid', errors };
  const input = read.input;
  try {
    return await db.transaction().execute(async (trx): Promise<SaveIndicatorOutcome> => {
      let before: Indicator | undefined;
      let id = indicatorId;
      if (id !== null) {
        const row = await queries.lockIndicator(trx, id);
        if (!row || row.programme_id !== programmeId) return refuse('not_found');
        before = toIndicator(row, await queries.listTargets(trx, [id]));
        await queries.updateIndicator(trx, id, input);
      } else {
        id = await queries.insertIndicator(trx, programmeId, input);
      }
      await queries.replaceTargets(trx, id, input.partnerTargets);
      const row = await queries.findIndicator(trx, id);
      if (!row) throw new Error('The indicator just saved is missing');
      const after = toIndicator(row, await queries.listTargets(trx, [id]));
      await recordAudit(trx, actor, {
        action: before ? 'indicator.update' : 'indicator.create',
        entityType: 'indicator',
        entityId: id,
        programmeId,
        before: before ?? null,
        after,
      });
      return done(after);
    });
  } catch (error) {
    // Two coordinators giving the same code at once: the unique index decides, the loser sees it at the field.
    if (isUniqueViolation(error)) return { ok: false, reason: 'invalid', errors: [{ field: 'code', key: 'indicators.form.code.taken' }] };
    throw error;
  }
}

/**
 * Gives a programme the built-in indicators it does not have yet (a new programme all of them): switched on when
 * reported or when their formula is installed, off otherwise; a computed one takes its formula's unit. Runs in the
 * caller's transaction (the programme's creation, the demo seed); returns how many were added.
 */
export async function ensureBuiltinIndicators(trx: Tx, programmeId: number): Promise<number> {
  await queries.lockProgrammeIndicators(trx, programmeId);
  const present = await queries.builtinKeysOf(trx, programmeId);
  const offered = offeredFormulas();
  let added = 0;
  for (const [index, builtin] of builtinIndicators.entries()) {
    if (present.has(builtin.key)) continue;
    const formulaUnit = builtin.formula === null ? undefined : offered.get(builtin.formula);
    await queries.insertIndicator(trx, programmeId, {
      code: builtin.code,
      names: builtin.names,
      definitions: builtin.definitions,
      kind: builtin.kind,
      unit: formulaUnit ?? builtin.unit,
      atProgramme: builtin.atProgramme,
      atPartner: builtin.atPartner,
      method: builtin.formula === null ? 'reported' : 'computed',
      formula: builtin.formula,
      baseline: 0,
      programmeTarget: null,
      targetDate: null,
      public: true,
      enabled: builtin.formula === null || formulaUnit !== undefined,
      builtinKey: builtin.key,
      position: index + 1,
    });
    added += 1;
  }
  return added;
}

/** The use case that gives every existing programme the built-in set (once; running it again adds nothing). */
export async function addBuiltinIndicators(db: Db, actor: Actor, programmeId: number): Promise<Outcome<number, 'forbidden'>> {
  if (!can(actor, 'indicator.define', { programmeId })) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const added = await ensureBuiltinIndicators(trx, programmeId);
    if (added > 0)
      await recordAudit(trx, actor, { action: 'indicator.add_builtin', entityType: 'programme', entityId: programmeId, programmeId, after: { added } });
    return done(added);
  });
}

/**
 * Switches an indicator on or off. Off keeps its definition, targets and reported values (the figures leave the
 * dashboard); on again finds the same row. A computed one whose formula is not installed cannot be switched on.
 */
export async function setIndicatorEnabled(
  db: Db,
  actor: Actor,
  indicatorId: number,
  enabled: boolean,
): Promise<Outcome<Indicator, IndicatorRefusal | 'formula_missing'>> {
  return db.transaction().execute(async (trx) => {
    const row = await queries.lockIndicator(trx, indicatorId);
    if (!row) return refuse('not_found');
    if (!can(actor, 'indicator.define', { programmeId: row.programme_id })) return refuse('forbidden');
    if (enabled && row.formula !== null && !offeredFormulas().has(row.formula)) return refuse('formula_missing');
    await queries.setEnabled(trx, indicatorId, enabled);
    await recordAudit(trx, actor, {
      action: enabled ? 'indicator.enable' : 'indicator.disable',
      entityType: 'indicator',
      entityId: indicatorId,
      programmeId: row.programme_id,
      before: { enabled: row.enabled },
      after: { enabled },
    });
    return done({ ...toIndicator(row, []), enabled });
  });
}

// ---- reported values ---------------------------------------------------------------------------------------------

/** What evidence may be uploaded: recognised from the file's bytes, and the name's extension must say the same. */
export const allowedEvidenceTypes: Record<string, { label: string; extensions: readonly string[] }> = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { label: 'DOCX', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { label: 'XLSX', extensions: ['xlsx'] },
  'application/vnd.oasis.opendocument.text': { label: 'ODT', extensions: ['odt'] },
  'application/vnd.oasis.opendocument.spreadsheet': { label: 'ODS', extensions: ['ods'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
};
/** The same limits as a plan's semester report (plans/reports), stated once for the hint and the refusals. */
export const evidenceLimits = { fileMegabytes: 10, files: 10, totalMegabytes: 25 } as const;
export const evidenceChunkBytes = 256 * 1024;

export interface EvidenceUpload {
  filename: string;
  path: string;
  sizeBytes: number;
  sha256: string;
}

interface CheckedFile extends EvidenceUpload {
  mediaType: string;
}

/** A file is what its name claims: its bytes are a type we accept, and the name's extension is that type's. */
async function checkedFile(upload: EvidenceUpload): Promise<CheckedFile | FieldError> {
  const filename = upload.filename.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'evidence';
  if (upload.sizeBytes === 0) return { field: 'files', key: 'indicators.report.files.empty', values: { filename } };
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  const claimed = Object.entries(allowedEvidenceTypes).find(([, type]) => type.extensions.includes(extension));
  if (!claimed) return { field: 'files', key: 'indicators.report.files.type', values: { filename } };
  // file-type is loaded with the first file checked rather than with every start (docs/performance/start.md).
  const { fileTypeFromFile } = await import('file-type');
  const detected = await fileTypeFromFile(upload.path);
  if (!detected || detected.mime !== claimed[0])
    return { field: 'files', key: 'indicators.report.files.mismatch', values: { filename, claimed: claimed[1].label } };
  return { ...upload, filename, mediaType: detected.mime };
}

export interface ReportingContext {
  indicator: Indicator;
  semesters: Semester[];
  /** The programme's partners the actor may report this indicator for. */
  partners: PartnerSummary[];
  allPartners: PartnerSummary[];
}

/** The indicator a value is reported on, if it takes reported values at all, with the semesters and partners. */
export async function reportingContext(db: Db, actor: Actor, indicatorId: number): Promise<ReportingContext | undefined> {
  const indicator = await findIndicator(db, indicatorId);
  if (!indicator || indicator.method !== 'reported' || !indicator.atPartner || !indicator.enabled) return undefined;
  const programme = await findProgramme(db, indicator.programmeId);
  if (!programme) return undefined;
  const allPartners = await listPartners(db, anonymous, indicator.programmeId);
  const partners = allPartners.filter((partner) => can(actor, 'indicator.report', { programmeId: indicator.programmeId, partnerIds: [partner.id] }));
  return { indicator, semesters: semestersOf(programme), partners, allPartners };
}

export type ReportRefusal = 'forbidden' | 'not_found';
export type ReportValueOutcome = Outcome<{ id: number; supersedes: number | null }, ReportRefusal> | { ok: false; reason: 'invalid'; errors: FieldError[] };

/**
 * Everything wrong with a reported value before anything is stored: the fields, the value in the unit's format, a
 * semester that is not the programme's, each file that is empty or not what its name claims. A partner the actor may
 * not report for is forbidden, not a field problem.
 */
export async function checkReport(
  db: Db,
  actor: Actor,
  indicatorId: number,
  values: FormValues,
  uploads: EvidenceUpload[],
): Promise<
  Outcome<
    {
      context: ReportingContext;
      partnerId: number;
      semester: number;
      value: number;
      explanation: string;
      links: string[];
      files: CheckedFile[];
      errors: FieldError[];
    },
    ReportRefusal
  >
> {
  const context = await reportingContext(db, actor, indicatorId);
  if (!context) return refuse('not_found');
  const parsed = reportSchema.safeParse(values);
  const errors: FieldError[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'form');
      if (!errors.some((error) => error.field === field))
        errors.push({ field, key: issue.message, ...(issue.code === 'too_big' ? { values: { max: Number(issue.maximum) } } : {}) });
    }
  }
  const partnerId = Number(values.partner);
  if (Number.isInteger(partnerId) && partnerId > 0 && !context.partners.some((partner) => partner.id === partnerId)) return refuse('forbidden');
  if (context.partners.length === 0) return refuse('forbidden');
  const semester = Number(values.semester);
  if (Number.isInteger(semester) && semester > 0 && !context.semesters.some((entry) => entry.number === semester))
    errors.push({ field: 'semester', key: 'indicators.report.semester.outside', values: { last: context.semesters.length } });
  const number = parseUnitNumber(values.value, context.indicator.unit);
  if (!number.ok) errors.push({ field: 'value', key: number.key, ...(number.values ? { values: number.values } : {}) });
  else if (number.value === null) errors.push({ field: 'value', key: 'indicators.report.value.required' });
  const files: CheckedFile[] = [];
  for (const checked of await Promise.all(uploads.map(checkedFile))) {
    if ('key' in checked) errors.push(checked);
    else files.push(checked);
  }
  const order = ['partner', 'semester', 'value', 'explanation', 'links', 'files'];
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return done({
    context,
    partnerId,
    semester,
    value: number.ok ? (number.value ?? 0) : 0,
    explanation: parsed.success ? parsed.data.explanation : '',
    links: parsed.success ? parsed.data.links : [],
    files,
    errors,
  });
}

async function storePending(db: Db, partnerId: number, files: CheckedFile[], userId: number | null): Promise<number[]> {
  const ids: number[] = [];
  try {
    for (const file of files) {
      const id = await queries.insertPendingFile(db, {
        partnerId,
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
 * Reports a partner's value for a semester, or corrects the current one (submitted, returned or validated): the new
 * row is current and submitted, the old one stays as history. Files are stored first as pending, chunk by chunk,
 * then linked in the short transaction, as plans' evidence is.
 */
export async function reportValue(db: Db, actor: Actor, indicatorId: number, values: FormValues, uploads: EvidenceUpload[]): Promise<ReportValueOutcome> {
  const checked = await checkReport(db, actor, indicatorId, values, uploads);
  if (!checked.ok) return checked;
  const { context, partnerId, semester, value, explanation, links, files, errors } = checked.value;
  if (errors.length > 0) return { ok: false, reason: 'invalid', errors };
  const userId = actor.kind === 'user' ? actor.userId : null;
  const fileIds = await storePending(db, partnerId, files, userId);
  try {
    return await db.transaction().execute(async (trx): Promise<ReportValueOutcome> => {
      if ((await queries.linkPendingFiles(trx, fileIds)).length !== fileIds.length)
        throw new Error('A pending evidence file was removed before its value was reported');
      await queries.lockIndicatorForReporting(trx, indicatorId);
      const current = await queries.lockCurrentReport(trx, indicatorId, partnerId, semester);
      if (current) await queries.supersedeReport(trx, current.id);
      const id = await queries.insertReport(trx, {
        indicatorId,
        partnerId,
        semester,
        value,
        explanation,
        supersedesId: current?.id ?? null,
        userId,
        label: actorLabel(actor),
      });
      await queries.insertEvidence(trx, id, [...links.map((url) => ({ url })), ...fileIds.map((fileId) => ({ fileId }))]);
      await recordAudit(trx, actor, {
        action: current ? 'indicator.correct_value' : 'indicator.report_value',
        entityType: 'indicator_report',
        entityId: id,
        programmeId: context.indicator.programmeId,
        after: { indicatorId, partnerId, semester, value, supersedes: current?.id ?? null, files: files.map((file) => file.filename), links },
      });
      return done({ id, supersedes: current?.id ?? null });
    });
  } catch (error) {
    await queries.deletePendingFiles(db, { ids: fileIds });
    throw error;
  }
}

export type ReviewRefusal = 'forbidden' | 'not_found' | 'already_reviewed' | 'superseded';

/**
 * Validates a submitted value or returns it with a comment. The row is locked and read again under the lock: of two
 * coordinators reviewing at once the second finds it reviewed, and a value corrected meanwhile is no longer current.
 */
export async function reviewValue(db: Db, actor: Actor, reportId: number, input: ReviewInput): Promise<Outcome<IndicatorReportStatus, ReviewRefusal>> {
  return db.transaction().execute(async (trx) => {
    const found = await queries.findReport(trx, reportId);
    if (!found) return refuse('not_found');
    if (!can(actor, 'indicator.validate', { programmeId: found.programme_id })) return refuse('forbidden');
    const report = await queries.lockReport(trx, reportId);
    if (!report) return refuse('not_found');
    if (!report.current) return refuse('superseded');
    if (report.status !== 'submitted') return refuse('already_reviewed');
    const status: IndicatorReportStatus = input.decision === 'validate' ? 'validated' : 'returned';
    await queries.reviewReport(trx, reportId, {
      status,
      comment: input.comment,
      userId: actor.kind === 'user' ? actor.userId : null,
      label: actorLabel(actor),
    });
    await recordAudit(trx, actor, {
      action: status === 'validated' ? 'indicator.validate' : 'indicator.return',
      entityType: 'indicator_report',
      entityId: reportId,
      programmeId: found.programme_id,
      before: { status: report.status },
      after: { status, comment: input.comment },
    });
    return done(status);
  });
}

export interface Evidence {
  url: string | null;
  file: { id: number; name: string; mediaType: string; sizeBytes: number } | null;
}

export interface ReportedValue {
  id: number;
  indicatorId: number;
  partnerId: number;
  semester: number;
  value: number;
  explanation: string;
  status: IndicatorReportStatus;
  supersedesId: number | null;
  current: boolean;
  reviewComment: string;
  reportedBy: string;
  reportedAt: Date;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  illustrative: boolean;
  evidence: Evidence[];
}

type ReportRow = Awaited<ReturnType<typeof queries.listReports>>[number];

async function withEvidence(db: Db, rows: ReportRow[]): Promise<ReportedValue[]> {
  const evidence = await queries.listEvidence(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    indicatorId: row.indicator_id,
    partnerId: row.partner_id,
    semester: row.semester,
    value: Number(row.value),
    explanation: row.explanation,
    status: row.status,
    supersedesId: row.supersedes_id,
    current: row.current,
    reviewComment: row.review_comment,
    reportedBy: row.reported_by_label,
    reportedAt: row.reported_at,
    reviewedBy: row.reviewed_by_label,
    reviewedAt: row.reviewed_at,
    illustrative: row.illustrative,
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

/** Every value reported on an indicator, current and superseded, with evidence (for the programme's staff). */
export async function reportsOf(db: Db, indicatorId: number, scope: { partnerId?: number; semester?: number } = {}): Promise<ReportedValue[]> {
  return withEvidence(db, await queries.listReports(db, { indicatorId, ...scope }));
}

/** One reported value with its programme, and the history of its partner's indicator and semester. */
export async function reportWithHistory(
  db: Db,
  reportId: number,
): Promise<{ report: ReportedValue; programmeId: number; history: ReportedValue[] } | undefined> {
  const row = await queries.findReport(db, reportId);
  if (!row) return undefined;
  const history = await reportsOf(db, row.indicator_id, { partnerId: row.partner_id, semester: row.semester });
  const report = history.find((entry) => entry.id === reportId);
  return report && { report, programmeId: row.programme_id, history };
}

/** The coordinator's queue: the programme's current values with a status (submitted: waiting for validation). */
export async function reviewQueue(db: Db, programmeId: number, status: IndicatorReportStatus) {
  const rows = await queries.listQueue(db, programmeId, status);
  const reports = await withEvidence(db, rows);
  return reports.map((report, index) => ({
    ...report,
    code: rows[index]?.code ?? '',
    names: rows[index]?.names ?? {},
    unit: rows[index]?.unit ?? 'count',
  }));
}

/** A stored evidence file for the programme's staff: its name, type, size and content read chunk by chunk. */
export async function evidenceFile(
  db: Db,
  actor: Actor,
  fileId: number,
): Promise<Outcome<{ name: string; mediaType: string; sizeBytes: number; content: Readable }, ReportRefusal>> {
  const file = await queries.findFile(db, fileId);
  if (!file) return refuse('not_found');
  const partner = (await listPartners(db, anonymous)).find((candidate) => candidate.id === file.partner_id);
  if (!partner || !can(actor, 'results.read_unvalidated', { programmeId: partner.programmeId, partnerIds: [partner.id] })) return refuse('forbidden');
  async function* chunks() {
    for (let position = 0; ; position += 1) {
      const chunk = await queries.findFileChunk(db, fileId, position);
      if (!chunk) return;
      yield chunk;
    }
  }
  return done({ name: file.original_name, mediaType: file.media_type, sizeBytes: file.size_bytes, content: Readable.from(chunks()) });
}

/** The worker's task: pending files of reports that never reached their transaction (a crash, a closed tab). */
export async function removeAbandonedEvidence(db: Db): Promise<number> {
  return Number((await queries.deletePendingFiles(db, { olderThanMinutes: 60 })).numDeletedRows);
}
