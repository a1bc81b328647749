/**
 * Checking an uploaded table before anything is written: every row goes through the module's check, every problem
 * is kept with its line (CSV) or item (JSON) and column, and the accepted rows are held for one all-or-nothing write.
 * Rows are held in memory, so callers bound the file with maxRows (the web forms' limit).
 */
import { ImportFileError, type ImportFileErrorKey, type ImportFormat, type SourceRow } from './records.js';

export interface RowProblem {
  /** The line (CSV) or item number (JSON) people see in their file. */
  position: number;
  column: string;
  /** Catalogue key of the message. */
  key: string;
  values?: Record<string, string | number>;
}

export type RowCheck<T> = { ok: true; value: T } | { ok: false; problems: RowProblem[] };

export interface FileCheck<T> {
  format: ImportFormat;
  rows: number;
  accepted: { position: number; value: T }[];
  /** The first problems found, by position; problemCount counts them all. */
  problems: RowProblem[];
  problemCount: number;
  fileError?: { key: ImportFileErrorKey; values: Record<string, string | number> };
}

export interface CheckOptions {
  format: ImportFormat;
  /** Every column the file may name; a JSON item with other keys is refused (CSV headers are checked by the reader). */
  columns: readonly string[];
  maxRows: number;
  /** Catalogue keys of the module's words for a row of the wrong shape and for unknown JSON keys ({{columns}}). */
  messages: { columnCount: string; notObject: string; unknownKeys: string };
  problemsListed?: number;
}

export async function checkFile<T>(
  rows: AsyncIterable<SourceRow>,
  checkRow: (row: SourceRow) => RowCheck<T> | Promise<RowCheck<T>>,
  options: CheckOptions,
): Promise<FileCheck<T>> {
  const report: FileCheck<T> = { format: options.format, rows: 0, accepted: [], problems: [], problemCount: 0 };
  const listed = options.problemsListed ?? 200;
  const keep = (problems: RowProblem[]) => {
    report.problemCount += problems.length;
    for (const problem of problems) if (report.problems.length < listed) report.problems.push(problem);
  };
  try {
    for await (const row of rows) {
      report.rows += 1;
      // Past the limit the rows are only counted, so the message can say how many the file has.
      if (report.rows > options.maxRows) continue;
      if (row.shapeError) {
        keep([
          {
            position: row.position,
            column: '',
            key: options.messages[row.shapeError.reason],
            ...(row.shapeError.values ? { values: row.shapeError.values } : {}),
          },
        ]);
        continue;
      }
      const unknown = options.format === 'json' ? Object.keys(row.record).filter((key) => !options.columns.includes(key)) : [];
      if (unknown.length) {
        keep([{ position: row.position, column: '', key: options.messages.unknownKeys, values: { columns: unknown.join(', ') } }]);
        continue;
      }
      const checked = await checkRow(row);
      if (checked.ok) report.accepted.push({ position: row.position, value: checked.value });
      else keep(checked.problems);
    }
    if (report.rows > options.maxRows) throw new ImportFileError('too_many_rows', { rows: report.rows, max: options.maxRows });
    if (report.rows === 0) throw new ImportFileError('empty');
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    report.fileError = { key: error.key, values: error.values };
    report.accepted = [];
  }
  return report;
}

/** Whether the whole file may be written: no problem with the file or any row, and at least one row. */
export function isClean(report: FileCheck<unknown>): boolean {
  return !report.fileError && report.problemCount === 0 && report.accepted.length > 0;
}
