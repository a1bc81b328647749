/** `better import practices FILE` and `better export practices`: the library's bulk operations on the command line. */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import type { Db } from '../../../core/db/database.js';
import { formatOf } from '../../../core/exchange/records.js';
import type { Translate } from '../../../core/i18n/i18n.js';
import { systemActor } from '../../../core/policy/actor.js';
import { findProgrammeBySlug, listProgrammes } from '../../programmes/service.js';
import { exportCsv, exportJson } from './export.js';
import { importPractices, outcomeOf, type ImportReport } from './import.js';
import type { AdjustOptions } from './import-adjust.js';
import { searchQuerySchema } from '../schema.js';

const actor = systemActor('command line import');

async function programmeOf(db: Db, slug: string | undefined): Promise<{ id: number; acronym: string } | string> {
  if (slug) return (await findProgrammeBySlug(db, slug)) ?? `No programme has the short name "${slug}".`;
  const programmes = await listProgrammes(db);
  if (programmes.length === 1 && programmes[0]) return programmes[0];
  return programmes.length === 0
    ? 'There is no programme yet.'
    : `Choose the programme with --programme (one of: ${programmes.map((programme) => programme.slug).join(', ')}).`;
}

/** Headings of the report's lists, and its last line, by what the run came to. */
const reportWords = {
  imported: { changes: 'Changes made:', warnings: 'Worth a look (imported all the same):' },
  would_import: { changes: 'Changes the import would make:', warnings: 'Worth a look (warnings do not stop a row from being imported):' },
  refused: { changes: 'Changes the import would make to the valid rows:', warnings: 'Worth a look (warnings do not stop a row from being imported):' },
  would_refuse: { changes: 'Changes the import would make to the valid rows:', warnings: 'Worth a look (warnings do not stop a row from being imported):' },
} as const;

export function describeReport(report: ImportReport, t: Translate): string {
  const lines: string[] = [];
  const outcome = outcomeOf(report);
  const list = (entries: ImportReport['problems']) => {
    for (const entry of entries)
      lines.push(`  ${report.format === 'csv' ? 'line' : 'item'} ${entry.position}${entry.column ? `, ${entry.column}` : ''}: ${t(entry.key, entry.values)}`);
  };
  if (report.fileError) lines.push(t(report.fileError.key, report.fileError.values));
  lines.push(`Rows: ${report.rows}, valid: ${report.valid}, with problems: ${report.invalid}, imported: ${report.imported}.`);
  list(report.problems);
  if (report.problemCount > report.problems.length) lines.push(`  … and ${report.problemCount - report.problems.length} more problems.`);
  if (report.changes.length) lines.push(reportWords[outcome].changes);
  list(report.changes);
  if (report.changeCount > report.changes.length) lines.push(`  … and ${report.changeCount - report.changes.length} more changes.`);
  if (report.warnings.length) lines.push(reportWords[outcome].warnings);
  list(report.warnings);
  if (report.warningCount > report.warnings.length) lines.push(`  … and ${report.warningCount - report.warnings.length} more warnings.`);
  if (report.fileError) return lines.join('\n');
  const rows =
    report.valid === 0
      ? 'no row can be imported: correct the rows above.'
      : 'correct the rows above, or run again with --skip-invalid to import only the valid rows.';
  if (outcome === 'would_import')
    lines.push(`Checked only, nothing was written: ${report.wouldImport} ${report.wouldImport === 1 ? 'practice' : 'practices'} would be imported.`);
  else if (outcome === 'would_refuse') lines.push(`Checked only, nothing was written. The import would write nothing: ${rows}`);
  else if (outcome === 'refused') lines.push(`Nothing was imported: ${rows}`);
  return lines.join('\n');
}

export interface CliImportOptions {
  programme?: string;
  skipInvalid: boolean;
  /** --fix-summaries, --create-themes: the coordinator's options for real files. */
  adjust?: AdjustOptions;
  /** --dry-run: check and report, write nothing. */
  dryRun?: boolean;
  t: Translate;
  progress: boolean;
}

export async function importFromCli(db: Db, file: string, options: CliImportOptions): Promise<{ ok: boolean; message: string }> {
  const format = formatOf(file);
  if (!format) return { ok: false, message: 'The file must end in .csv or .json.' };
  const programme = await programmeOf(db, options.programme);
  if (typeof programme === 'string') return { ok: false, message: programme };
  const bar = new SingleBar({ format: '{phase} |{bar}| {value} rows', stream: process.stderr, hideCursor: true }, undefined);
  if (options.progress) bar.start(1, 0, { phase: 'checking' });
  const report = await importPractices(
    db,
    actor,
    { path: path.resolve(file), format },
    {
      programmeId: programme.id,
      skipInvalid: options.skipInvalid,
      ...(options.adjust ? { adjust: options.adjust } : {}),
      dryRun: options.dryRun ?? false,
      onProgress: (phase, rows) => {
        if (!options.progress) return;
        bar.setTotal(Math.max(rows, 1));
        bar.update(rows, { phase });
      },
    },
  );
  if (options.progress) bar.stop();
  const outcome = outcomeOf(report);
  return { ok: outcome === 'imported' || outcome === 'would_import', message: `${programme.acronym}: ${describeReport(report, options.t)}` };
}

export async function exportFromCli(db: Db, options: { format: 'csv' | 'json'; output?: string; publicUrl: string }): Promise<void> {
  const query = searchQuerySchema.parse({});
  const exporter = options.format === 'csv' ? exportCsv : exportJson;
  // The command line sees every practice, drafts included, like an administrator.
  await pipeline(
    exporter(db, systemActor('command line export'), query, options.publicUrl),
    options.output ? createWriteStream(options.output) : process.stdout,
  );
}
