/** SQL of indicators: definitions and targets, the built-in set, reported values with evidence, files and reviews. */
import { sql } from 'kysely';
import type { Executor, OutsideTransaction, Tx } from '../../../core/db/database.js';
import type { IndicatorKind, IndicatorMethod, IndicatorReportStatus, LocalisedText } from '../tables.js';
import type { Unit } from '../units.js';

const indicatorColumns = [
  'id',
  'programme_id',
  'code',
  'names',
  'definitions',
  'kind',
  'unit',
  'at_programme',
  'at_partner',
  'method',
  'formula',
  'baseline',
  'programme_target',
  'target_date',
  'enabled',
  'public',
  'builtin_key',
  'position',
] as const;

export function listIndicators(db: Executor, programmeId: number) {
  return db.selectFrom('indicators').select(indicatorColumns).where('programme_id', '=', programmeId).orderBy('position').orderBy('id').execute();
}

export function findIndicator(db: Executor, indicatorId: number) {
  return db.selectFrom('indicators').select(indicatorColumns).where('id', '=', indicatorId).executeTakeFirst();
}

export function lockIndicator(trx: Tx, indicatorId: number) {
  return trx.selectFrom('indicators').select(indicatorColumns).where('id', '=', indicatorId).forUpdate().executeTakeFirst();
}

export function listTargets(db: Executor, indicatorIds: number[]) {
  if (indicatorIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('indicator_targets').select(['indicator_id', 'partner_id', 'target']).where('indicator_id', 'in', indicatorIds).execute();
}

/** Whether another indicator of the programme has the code, compared without case (as the unique index does). */
export async function codeTaken(db: Executor, programmeId: number, code: string, exceptId: number | null): Promise<boolean> {
  let query = db
    .selectFrom('indicators')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where(sql<boolean>`lower(code) = lower(${code})`);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface IndicatorValues {
  code: string;
  names: LocalisedText;
  definitions: LocalisedText;
  kind: IndicatorKind;
  unit: Unit;
  atProgramme: boolean;
  atPartner: boolean;
  method: IndicatorMethod;
  formula: string | null;
  baseline: number;
  programmeTarget: number | null;
  targetDate: string | null;
  public: boolean;
}

const rowOf = (values: IndicatorValues) => ({
  code: values.code,
  names: JSON.stringify(values.names),
  definitions: JSON.stringify(values.definitions),
  kind: values.kind,
  unit: values.unit,
  at_programme: values.atProgramme,
  at_partner: values.atPartner,
  method: values.method,
  formula: values.formula,
  baseline: values.baseline,
  programme_target: values.programmeTarget,
  target_date: values.targetDate,
  public: values.public,
});

export async function insertIndicator(
  trx: Tx,
  programmeId: number,
  values: IndicatorValues & { enabled?: boolean; builtinKey?: string | null; position?: number },
): Promise<number> {
  const position =
    values.position ??
    Number(
      (
        await trx
          .selectFrom('indicators')
          .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(0)).as('last'))
          .where('programme_id', '=', programmeId)
          .executeTakeFirstOrThrow()
      ).last,
    ) + 1;
  const row = await trx
    .insertInto('indicators')
    .values({ ...rowOf(values), programme_id: programmeId, enabled: values.enabled ?? true, builtin_key: values.builtinKey ?? null, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateIndicator(trx: Tx, indicatorId: number, values: IndicatorValues) {
  return trx
    .updateTable('indicators')
    .set({ ...rowOf(values), updated_at: sql<Date>`now()` })
    .where('id', '=', indicatorId)
    .execute();
}

export function setEnabled(trx: Tx, indicatorId: number, enabled: boolean) {
  return trx
    .updateTable('indicators')
    .set({ enabled, updated_at: sql<Date>`now()` })
    .where('id', '=', indicatorId)
    .execute();
}

/** Replaces an indicator's partner targets with the ones given (a partner left blank has none). */
export async function replaceTargets(trx: Tx, indicatorId: number, targets: { partnerId: number; target: number }[]) {
  await trx.deleteFrom('indicator_targets').where('indicator_id', '=', indicatorId).execute();
  if (targets.length === 0) return;
  await trx
    .insertInto('indicator_targets')
    .values(targets.map((entry) => ({ indicator_id: indicatorId, partner_id: entry.partnerId, target: entry.target })))
    .execute();
}

/** The built-in keys a programme already has, switched on or off. */
export async function builtinKeysOf(db: Executor, programmeId: number): Promise<Set<string>> {
  const rows = await db.selectFrom('indicators').select('builtin_key').where('programme_id', '=', programmeId).where('builtin_key', 'is not', null).execute();
  return new Set(rows.map((row) => row.builtin_key as string));
}

export function lockProgrammeIndicators(trx: Tx, programmeId: number) {
  return trx.selectFrom('indicators').select('id').where('programme_id', '=', programmeId).orderBy('id').forUpdate().execute();
}

export function findIndicatorByBuiltinKey(db: Executor, programmeId: number, builtinKey: string) {
  return db.selectFrom('indicators').select(indicatorColumns).where('programme_id', '=', programmeId).where('builtin_key', '=', builtinKey).executeTakeFirst();
}

// ---- reported values ---------------------------------------------------------------------------------------------

const reportColumns = [
  'indicator_reports.id',
  'indicator_reports.indicator_id',
  'indicator_reports.partner_id',
  'indicator_reports.semester',
  'indicator_reports.value',
  'indicator_reports.explanation',
  'indicator_reports.status',
  'indicator_reports.supersedes_id',
  'indicator_reports.current',
  'indicator_reports.review_comment',
  'indicator_reports.reported_by_label',
  'indicator_reports.reported_at',
  'indicator_reports.reviewed_by_label',
  'indicator_reports.reviewed_at',
  'indicator_reports.illustrative',
] as const;

export function findReport(db: Executor, reportId: number) {
  return db
    .selectFrom('indicator_reports')
    .innerJoin('indicators', 'indicators.id', 'indicator_reports.indicator_id')
    .select([...reportColumns, 'indicators.programme_id'])
    .where('indicator_reports.id', '=', reportId)
    .executeTakeFirst();
}

/** The review takes the report's row lock: two reviews, or a review and a correction, run one after the other. */
export function lockReport(trx: Tx, reportId: number) {
  return trx
    .selectFrom('indicator_reports')
    .select(['id', 'indicator_id', 'partner_id', 'semester', 'status', 'current', 'value'])
    .where('id', '=', reportId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Values of one indicator are reported one after the other: two corrections of the same value at once would otherwise
 * both find it current, and the second, waiting on its lock, would find no current row left and insert a second one.
 */
export function lockIndicatorForReporting(trx: Tx, indicatorId: number) {
  return trx.selectFrom('indicators').select('id').where('id', '=', indicatorId).forNoKeyUpdate().executeTakeFirst();
}

/** The current value of a partner's indicator for a semester, locked: a correction supersedes it. */
export function lockCurrentReport(trx: Tx, indicatorId: number, partnerId: number, semester: number) {
  return trx
    .selectFrom('indicator_reports')
    .select(['id', 'status'])
    .where('indicator_id', '=', indicatorId)
    .where('partner_id', '=', partnerId)
    .where('semester', '=', semester)
    .where('current', '=', true)
    .forUpdate()
    .executeTakeFirst();
}

export function supersedeReport(trx: Tx, reportId: number) {
  return trx.updateTable('indicator_reports').set({ current: false }).where('id', '=', reportId).execute();
}

export interface NewReport {
  indicatorId: number;
  partnerId: number;
  semester: number;
  value: number;
  explanation: string;
  supersedesId: number | null;
  userId: number | null;
  label: string;
  status?: IndicatorReportStatus;
  reviewComment?: string;
  reviewedByUserId?: number | null;
  reviewedByLabel?: string | null;
  illustrative?: boolean;
}

export async function insertReport(trx: Tx, report: NewReport): Promise<number> {
  const reviewed = report.status !== undefined && report.status !== 'submitted';
  const row = await trx
    .insertInto('indicator_reports')
    .values({
      indicator_id: report.indicatorId,
      partner_id: report.partnerId,
      semester: report.semester,
      value: report.value,
      explanation: report.explanation,
      status: report.status ?? 'submitted',
      supersedes_id: report.supersedesId,
      review_comment: report.reviewComment ?? '',
      reported_by_user_id: report.userId,
      reported_by_label: report.label,
      reviewed_by_user_id: reviewed ? (report.reviewedByUserId ?? null) : null,
      reviewed_by_label: reviewed ? (report.reviewedByLabel ?? null) : null,
      reviewed_at: reviewed ? sql<Date>`now()` : null,
      illustrative: report.illustrative ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function reviewReport(trx: Tx, reportId: number, review: { status: IndicatorReportStatus; comment: string; userId: number | null; label: string }) {
  return trx
    .updateTable('indicator_reports')
    .set({
      status: review.status,
      review_comment: review.comment,
      reviewed_by_user_id: review.userId,
      reviewed_by_label: review.label,
      reviewed_at: sql<Date>`now()`,
    })
    .where('id', '=', reportId)
    .execute();
}

/** Every report (current and superseded) of an indicator, or of one partner's indicator and semester. */
export function listReports(db: Executor, where: { indicatorId: number; partnerId?: number; semester?: number }) {
  let query = db.selectFrom('indicator_reports').select(reportColumns).where('indicator_reports.indicator_id', '=', where.indicatorId);
  if (where.partnerId !== undefined) query = query.where('indicator_reports.partner_id', '=', where.partnerId);
  if (where.semester !== undefined) query = query.where('indicator_reports.semester', '=', where.semester);
  return query.orderBy('indicator_reports.semester').orderBy('indicator_reports.partner_id').orderBy('indicator_reports.id').execute();
}

/** Current reports of a programme's indicators with a status, oldest first: the coordinator's queue. */
export function listQueue(db: Executor, programmeId: number, status: IndicatorReportStatus) {
  return db
    .selectFrom('indicator_reports')
    .innerJoin('indicators', 'indicators.id', 'indicator_reports.indicator_id')
    .select([...reportColumns, 'indicators.code', 'indicators.names', 'indicators.unit'])
    .where('indicators.programme_id', '=', programmeId)
    .where('indicator_reports.current', '=', true)
    .where('indicator_reports.status', '=', status)
    .orderBy('indicator_reports.reported_at')
    .orderBy('indicator_reports.id')
    .execute();
}

export function listEvidence(db: Executor, reportIds: number[]) {
  if (reportIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_report_evidence')
    .leftJoin('indicator_evidence_files', 'indicator_evidence_files.id', 'indicator_report_evidence.file_id')
    .select([
      'indicator_report_evidence.report_id',
      'indicator_report_evidence.position',
      'indicator_report_evidence.url',
      'indicator_evidence_files.id as file_id',
      'indicator_evidence_files.original_name',
      'indicator_evidence_files.media_type',
      'indicator_evidence_files.size_bytes',
    ])
    .where('indicator_report_evidence.report_id', 'in', reportIds)
    .orderBy('indicator_report_evidence.report_id')
    .orderBy('indicator_report_evidence.position')
    .execute();
}

export function insertEvidence(trx: Tx, reportId: number, evidence: ({ url: string } | { fileId: number })[]) {
  if (evidence.length === 0) return Promise.resolve();
  return trx
    .insertInto('indicator_report_evidence')
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

// ---- evidence files ----------------------------------------------------------------------------------------------

/** A file's row and chunks are written before the filing transaction, as plans' are; they are pending until linked. */
export async function insertPendingFile(
  db: OutsideTransaction,
  file: { partnerId: number; originalName: string; mediaType: string; sizeBytes: number; sha256: string; userId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('indicator_evidence_files')
    .values({
      partner_id: file.partnerId,
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

/** The chunk travels as hex text, as plans' do (the embedded database encodes a Buffer parameter slowly). */
export function insertFileChunk(db: OutsideTransaction, fileId: number, position: number, content: Buffer) {
  return db
    .insertInto('indicator_evidence_chunks')
    .values({ file_id: fileId, position, content: sql<Buffer>`decode(${content.toString('hex')}, 'hex')` })
    .execute();
}

export async function linkPendingFiles(trx: Tx, fileIds: number[]): Promise<number[]> {
  if (fileIds.length === 0) return [];
  const rows = await trx
    .updateTable('indicator_evidence_files')
    .set({ pending_since: null })
    .where('id', 'in', fileIds)
    .where('pending_since', 'is not', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export function deletePendingFiles(db: OutsideTransaction, which: { ids: number[] } | { olderThanMinutes: number }) {
  let query = db.deleteFrom('indicator_evidence_files').where('pending_since', 'is not', null);
  query =
    'ids' in which
      ? query.where('id', 'in', which.ids.length ? which.ids : [0])
      : query.where('pending_since', '<', sql<Date>`now() - make_interval(mins => ${which.olderThanMinutes})`);
  return query.executeTakeFirst();
}

export function findFile(db: Executor, fileId: number) {
  return db
    .selectFrom('indicator_evidence_files')
    .select(['id', 'partner_id', 'original_name', 'media_type', 'size_bytes'])
    .where('id', '=', fileId)
    .where('pending_since', 'is', null)
    .executeTakeFirst();
}

export async function findFileChunk(db: Executor, fileId: number, position: number): Promise<Buffer | undefined> {
  return (await db.selectFrom('indicator_evidence_chunks').select('content').where('file_id', '=', fileId).where('position', '=', position).executeTakeFirst())
    ?.content;
}

// ---- personal data -----------------------------------------------------------------------------------------------

export function listReportsOfPerson(db: Executor, userId: number) {
  return db
    .selectFrom('indicator_reports')
    .innerJoin('indicators', 'indicators.id', 'indicator_reports.indicator_id')
    .select([
      'indicators.code',
      'indicator_reports.partner_id as partnerId',
      'indicator_reports.semester',
      'indicator_reports.value',
      'indicator_reports.explanation',
      'indicator_reports.status',
      'indicator_reports.review_comment as reviewComment',
      'indicator_reports.reported_at as reportedAt',
      'indicator_reports.reviewed_at as reviewedAt',
      sql<boolean>`indicator_reports.reported_by_user_id = ${userId}`.as('reported'),
      sql<boolean>`coalesce(indicator_reports.reviewed_by_user_id = ${userId}, false)`.as('reviewed'),
    ])
    .where((eb) => eb.or([eb('indicator_reports.reported_by_user_id', '=', userId), eb('indicator_reports.reviewed_by_user_id', '=', userId)]))
    .orderBy('indicator_reports.id')
    .execute();
}

export async function relabelPerson(trx: Tx, userId: number, label: string) {
  await trx.updateTable('indicator_reports').set({ reported_by_label: label }).where('reported_by_user_id', '=', userId).execute();
  await trx.updateTable('indicator_reports').set({ reviewed_by_label: label }).where('reviewed_by_user_id', '=', userId).execute();
}

/** The enabled indicators partners report values on, in every programme: those a value can be due for. */
export function listReportedPartnerIndicators(db: Executor) {
  return db
    .selectFrom('indicators')
    .select(indicatorColumns)
    .where('method', '=', 'reported')
    .where('at_partner', '=', true)
    .where('enabled', '=', true)
    .orderBy('programme_id')
    .orderBy('id')
    .execute();
}

/** The partner × semester pairs of an indicator that have a current value (whatever its review status). */
export function listReportedPairs(db: Executor, indicatorId: number) {
  return db.selectFrom('indicator_reports').select(['partner_id', 'semester']).where('indicator_id', '=', indicatorId).where('current', '=', true).execute();
}

/**
 * Which of the "value due" notices (entity ids `indicator:partner:semester`) were sent already: the audit entry
 * written with each notice is its record, read under the indicator's lock so two nodes never send one twice.
 */
export function listDueNoticesSent(trx: Tx, entityIds: readonly string[]) {
  return trx
    .selectFrom('audit_events')
    .select('entity_id')
    .where('action', '=', 'indicator.remind_due')
    .where('entity_type', '=', 'indicator_due')
    .where('entity_id', 'in', entityIds.length ? entityIds : [''])
    .execute();
}
