/**
 * Writing tables for download as streams, page by page from the database, so an export of any size holds one page
 * in memory: CSV (RFC 4180, with a byte order mark so spreadsheet programs read UTF-8) and a JSON array.
 */
import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';

export function csvStream(records: AsyncIterable<Record<string, string>>, columns: readonly string[]): Readable {
  const csv = stringify({ header: true, columns: [...columns], bom: true });
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
