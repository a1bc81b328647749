/**
 * Reading an import file row by row with bounded memory: CSV (csv-parse) or a JSON array of objects (stream-json),
 * UTF-8 checked as it streams (a Windows-1252 file stops with the line where it went wrong). Shared by every module
 * that imports tables; each module words the problems in its own catalogue.
 */
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { parse as parseCsv, type Options as CsvOptions } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import { restoreCell } from './cells.js';

export type ImportFormat = 'csv' | 'json';

/** An import file's format from its name's ending (an upload's or a command line's); undefined for anything else. */
export function formatOf(filename: string): ImportFormat | undefined {
  const lower = filename.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.json') ? 'json' : undefined;
}

export type ImportFileErrorKey =
  'not_utf8' | 'csv_syntax' | 'json_syntax' | 'json_not_array' | 'empty' | 'header_missing' | 'header_unknown' | 'header_duplicate' | 'too_many_rows';

/** A problem with the file as a whole; the importing module words it from its key. */
export class ImportFileError extends Error {
  constructor(
    readonly key: ImportFileErrorKey,
    readonly values: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

function countLines(text: string): number {
  let lines = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/** Streams joined so that an error in any of them (a bad byte, a syntax error) reaches whoever reads the last. */
function chain(...streams: [Readable, ...NodeJS.ReadWriteStream[]]): Readable {
  // The callback only receives the error; reading the last stream is how it reaches the importer.
  return pipeline(streams, () => undefined) as unknown as Readable;
}

/** Passes text through while checking it is UTF-8, counting lines so a bad byte can be located. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private line = 1;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      this.line += countLines(text);
      callback(null, text);
    } catch {
      // Decoded leniently, the chunk shows where the bad bytes are: count the lines before the first replacement.
      const lenient = new TextDecoder('utf-8').decode(chunk);
      callback(new ImportFileError('not_utf8', { line: this.line + countLines(lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')))) }));
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      callback(null, this.decoder.decode());
    } catch {
      callback(new ImportFileError('not_utf8', { line: this.line }));
    }
  }
}

export interface SourceRow {
  /** The line (CSV) or item number (JSON) people see in their file. */
  position: number;
  /** Column name → value; a JSON value may be a list (themes, keywords, links). */
  record: Record<string, unknown>;
  /** A row whose shape is wrong before any field is read (wrong number of values, not an object). */
  shapeError?: { reason: 'columnCount' | 'notObject'; values?: Record<string, number> };
}

/** The header of a CSV file, checked against the columns the import knows. */
export function checkHeader(header: string[], known: readonly string[], required: readonly string[]): void {
  const names = header.map((name) => name.trim().toLowerCase());
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) throw new ImportFileError('header_duplicate', { column: duplicate });
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length) throw new ImportFileError('header_unknown', { columns: unknown.join(', ') });
  const missing = required.filter((name) => !names.includes(name));
  if (missing.length) throw new ImportFileError('header_missing', { columns: missing.join(', ') });
}

const csvOptions: CsvOptions = { bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 200_000, info: true, raw: true };

/** A record as csv-parse gives it with info and raw: its cells and its text, blank lines before it included. */
interface ParsedRecord {
  record: string[];
  raw: string;
}

const lineBreaks = /\r\n|\r|\n/g;

/**
 * The line each record starts on, as people see it in an editor: csv-parse counts the line a record ends on (and
 * counts both halves of a CRLF inside quotes), so lines are counted here from each record's own text.
 */
function startLines(): (record: ParsedRecord) => number {
  let line = 1;
  return ({ raw }) => {
    const start = line + (/^(\r\n|\r|\n)*/.exec(raw)?.[0].match(lineBreaks)?.length ?? 0);
    line += raw.match(lineBreaks)?.length ?? 0;
    return start;
  };
}

async function* csvRows(path: string, known: readonly string[], required: readonly string[]): AsyncGenerator<SourceRow> {
  const records = chain(createReadStream(path), new Utf8Check(), parseCsv(csvOptions));
  const startOf = startLines();
  let header: string[] | undefined;
  try {
    for await (const parsed of records as AsyncIterable<ParsedRecord>) {
      const position = startOf(parsed);
      if (!header) {
        header = parsed.record.map((name) => name.trim().toLowerCase());
        checkHeader(header, known, required);
        continue;
      }
      const columns = header;
      if (parsed.record.length !== columns.length) {
        yield { position, record: {}, shapeError: { reason: 'columnCount', values: { found: parsed.record.length, expected: columns.length } } };
        continue;
      }
      yield { position, record: Object.fromEntries(columns.map((name, index) => [name, restoreCell(parsed.record[index] ?? '')])) };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const csvError = error as { code?: string; lines?: number; message?: string };
    if (csvError.code?.startsWith('CSV_')) throw new ImportFileError('csv_syntax', { line: csvError.lines ?? 0, reason: csvError.message ?? '' });
    throw error;
  }
  if (!header) throw new ImportFileError('empty');
}

/** A small CSV already in memory (a sign-in sheet): each record with the line it starts on, cells restored (cells.ts). */
export function csvLines(text: string): { line: number; cells: string[] }[] {
  const startOf = startLines();
  return (parseCsvSync(text, csvOptions) as unknown as ParsedRecord[]).map((parsed) => ({ line: startOf(parsed), cells: parsed.record.map(restoreCell) }));
}

async function* jsonRows(path: string): AsyncGenerator<SourceRow> {
  const items = chain(createReadStream(path), new Utf8Check(), streamArray.withParserAsStream());
  let position = 0;
  try {
    for await (const { value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      position += 1;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        yield { position, record: {}, shapeError: { reason: 'notObject' } };
        continue;
      }
      yield { position, record: Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key.trim().toLowerCase(), item])) };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    if (/top-level object should be an array/i.test(message)) throw new ImportFileError('json_not_array');
    throw new ImportFileError('json_syntax', { reason: message.slice(0, 200) });
  }
}

/** A single value of a cell: a list from JSON becomes the text a CSV cell would have held. */
export function cellText(value: unknown, separator = ';'): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => cellText(item, separator)).join(separator);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export function readRows(path: string, format: ImportFormat, known: readonly string[], required: readonly string[]): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(path, known, required) : jsonRows(path);
}
