/**
 * Writing tables for download: CSV (RFC 4180, with a byte order mark so spreadsheet programs read UTF-8) and a JSON
 * array, streamed page by page from the database so an export of any size holds one page in memory. Every CSV the
 * platform writes goes through here, so no cell reaches a spreadsheet as a formula (cells.ts).
 */
import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import { neutraliseCell } from './cells.js';

const csvOptions: Options = { bom: true, cast: { string: neutraliseCell } };

/** A small table (a page's figures) as CSV text; the first row is the header. */
export function csvText(rows: readonly (readonly unknown[])[]): string {
  return stringifySync(rows as unknown[][], csvOptions);
}

export function csvStream(records: AsyncIterable<Record<string, string>>, columns: readonly string[]): Readable {
  const csv = stringify({ ...csvOptions, header: true, columns: [...columns] });
  // pipeline (unlike pipe) destroys the CSV stream when reading fails, so the response is cut off, not left hanging.
  pipeline(Readable.from(records), csv, () => undefined);
  return csv;
}

export function jsonArrayStream(records: AsyncIterable<unknown>): Readable {
  const chunks = async function* () {
    yield '[';
    let first = true;
    for await (const record of records) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(record)}`;
      first = false;
    }
    yield '\n]\n';
  };
  return Readable.from(chunks());
}
