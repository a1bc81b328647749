/**
 * Bulk import of practices from CSV or JSON. The file is read twice as a stream, so memory stays bounded whatever
 * its size: first every row is checked (import-rows.ts; every problem reported by line and column), then, only if
 * the file can be taken as a whole (or with --skip-invalid, exactly its valid rows), the practices are written in one
 * transaction, each with its history entry and audit entry.
 */
import { actorLabel, recordAuditMany } from '../../../core/audit/audit.js';
import type { Db, Tx } from '../../../core/db/database.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { addThemesForImport } from '../../themes/service.js';
import { ImportFileError, readRows, type ImportFormat } from '../../../core/exchange/records.js';
import type { AdjustOptions } from './import-adjust.js';
import { loadLookup, practiceColumns, requiredColumns, RowChecker, type CheckedRow, type ImportProblem } from './import-rows.js';
import * as queries from '../library/queries.js';
import { requestRecommendationRefresh } from '../needs/recommendations.js';
import { valuesOf } from '../library/service.js';

export { practiceColumns, requiredColumns, type ImportProblem } from './import-rows.js';

export interface ImportReport {
  format: ImportFormat;
  rows: number;
  valid: number;
  invalid: number;
  /** The first problems found, by position; more may have been counted (problemCount). */
  problems: ImportProblem[];
  problemCount: number;
  /** What is imported all the same but deserves a look (a title very like another), listed like the problems. */
  warnings: ImportProblem[];
  warningCount: number;
  /** What the coordinator's options change in the valid rows (a summary shortened, a theme added), row by row. */
  changes: ImportProblem[];
  changeCount: number;
  /** Only checked: nothing was written, whatever the rows; wouldImport says how many rows the import would write. */
  dryRun: boolean;
  wouldImport: number;
  imported: number;
  fileError?: { key: string; values: Record<string, string | number> };
}

/**
 * What a run came to: practices written, a check after which the same import would write some, or nothing written
 * and nothing would be (a file error, rows with problems and no "import the valid rows", no valid row at all).
 */
export type ImportOutcome = 'imported' | 'would_import' | 'refused' | 'would_refuse';

export function outcomeOf(report: ImportReport): ImportOutcome {
  if (report.imported > 0) return 'imported';
  if (report.dryRun) return report.wouldImport > 0 ? 'would_import' : 'would_refuse';
  return 'refused';
}

export interface ImportOptions {
  programmeId: number;
  skipInvalid: boolean;
  /** Refuse files with more rows (the web form's limit; the command line has none). */
  maxRows?: number;
  /** The coordinator's options for real files (import-adjust.ts); off unless asked for. */
  adjust?: AdjustOptions;
  /** Check and report what would be imported and changed, and write nothing. */
  dryRun?: boolean;
  onProgress?: (phase: 'checking' | 'writing', rowsDone: number) => void;
}

export const problemsListed = 200;
const batchSize = 250;

async function writeBatch(trx: Tx, actor: Actor, programmeId: number, batch: CheckedRow[]): Promise<void> {
  const values = batch.map(({ input }) => valuesOf(input, programmeId));
  const ids = await queries.insertPracticesWithThemes(
    trx,
    batch.map(({ input, status }, index) => ({ values: values[index] as queries.PracticeValues, status, themes: input.themes })),
  );
  const actorUserId = actor.kind === 'user' ? actor.userId : null;
  await queries.insertHistory(
    trx,
    ...batch.map(({ status }, index) => ({
      practiceId: ids[index] as number,
      from: null,
      to: status,
      comment: 'import',
      actorUserId,
      actorLabel: actorLabel(actor),
    })),
  );
  await recordAuditMany(
    trx,
    actor,
    batch.map(({ input, status }, index) => ({
      action: 'practice.import',
      entityType: 'practice',
      entityId: ids[index] as number,
      programmeId,
      after: { ...values[index], themes: input.themes, status },
    })),
  );
}

const noAdjustment: AdjustOptions = { fixSummaries: false, createThemes: false };

/** Keeps the first entries of a list for the report and counts them all. */
function keep(listed: ImportProblem[], entries: readonly ImportProblem[]): number {
  for (const entry of entries) if (listed.length < problemsListed) listed.push(entry);
  return entries.length;
}

/** Checks the whole file, then writes it (or its valid rows) in one transaction, unless only a check was asked for; returns the report either way. */
export async function importPractices(db: Db, actor: Actor, file: { path: string; format: ImportFormat }, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    format: file.format,
    rows: 0,
    valid: 0,
    invalid: 0,
    problems: [],
    problemCount: 0,
    warnings: [],
    warningCount: 0,
    changes: [],
    changeCount: 0,
    dryRun: options.dryRun ?? false,
    wouldImport: 0,
    imported: 0,
  };
  const adjust = options.adjust ?? noAdjustment;
  if ((adjust.fixSummaries || adjust.createThemes) && !can(actor, 'practice.import_adjust', { programmeId: options.programmeId })) {
    report.fileError = { key: 'practices.import.adjustForbidden', values: {} };
    return report;
  }
  const lookup = await loadLookup(db, actor, options.programmeId);
  const rows = () => readRows(file.path, file.format, [...practiceColumns, 'id', 'url'], requiredColumns);
  const checker = new RowChecker(actor, options.programmeId, lookup, adjust);
  try {
    for await (const row of rows()) {
      report.rows += 1;
      if (options.maxRows !== undefined && report.rows > options.maxRows) continue;
      const checked = checker.check(row);
      report.warningCount += keep(report.warnings, checked.warnings);
      if (checked.ok) {
        report.valid += 1;
        report.changeCount += keep(report.changes, checked.changes);
      } else {
        report.invalid += 1;
        report.problemCount += keep(report.problems, checked.problems);
      }
      if (report.rows % 500 === 0) options.onProgress?.('checking', report.rows);
    }
    if (options.maxRows !== undefined && report.rows > options.maxRows) throw new ImportFileError('too_many_rows', { rows: report.rows, max: options.maxRows });
    if (report.rows === 0) throw new ImportFileError('empty');
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    report.fileError = { key: `practices.import.fileErrors.${error.key}`, values: error.values };
    return report;
  }
  if (report.valid === 0 || (report.invalid > 0 && !options.skipInvalid)) return report;
  if (report.dryRun) return { ...report, wouldImport: report.valid };

  await db.transaction().execute(async (trx) => {
    // Themes first, so the practices can carry them; only those the written rows use.
    const themes = [...checker.themesUsed].map((code) => ({ code, name: checker.newThemes.get(code) ?? code }));
    if (themes.length && !(await addThemesForImport(trx, actor, options.programmeId, themes)).ok)
      throw new Error('The import was allowed to add themes, but adding them was refused');
    const writer = new RowChecker(actor, options.programmeId, lookup, adjust);
    let batch: CheckedRow[] = [];
    let done = 0;
    let publishes = false;
    for await (const row of rows()) {
      const checked = writer.check(row);
      done += 1;
      if (!checked.ok) continue;
      publishes ||= checked.row.status === 'published';
      batch.push(checked.row);
      if (batch.length === batchSize) {
        await writeBatch(trx, actor, options.programmeId, batch);
        report.imported += batch.length;
        batch = [];
        options.onProgress?.('writing', done);
      }
    }
    if (batch.length) await writeBatch(trx, actor, options.programmeId, batch);
    report.imported += batch.length;
    if (publishes) await requestRecommendationRefresh(trx, options.programmeId);
    options.onProgress?.('writing', done);
  });
  if (report.imported >= 1000) await queries.analyzePractices(db);
  return report;
}
