/**
 * `better backup`: every platform table, row by row, from one REPEATABLE READ, READ ONLY transaction, so the file is
 * one consistent snapshot while the platform keeps running. Rows are fetched through a cursor in batches sized by the
 * largest row seen so far, so memory stays bounded by a few megabytes plus the largest single row.
 */
import { sql } from 'kysely';
import type { Db, DatabaseKind, Tx } from '../database.js';
import { appliedMigrations } from '../migrate.js';
import {
  backupFormat,
  backupFormatVersion,
  batchBytes,
  maxBatchRows,
  platformTables,
  sequenceLastValue,
  type BackupHeader,
  type ControlLine,
  type PlatformTable,
} from './format.js';

export interface BackupSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
}

/** Runs the snapshot transaction and hands its lines, in order, to `consume` (which writes them out). */
export async function writeBackup(
  db: Db,
  engine: DatabaseKind,
  consume: (lines: AsyncIterable<string>) => Promise<void>,
  schema?: string,
): Promise<BackupSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      // Values in a fixed notation whatever the server's settings: UTC offsets, hex bytea, exact floats.
      await sql`select set_config('timezone', 'UTC', true), set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true)`.execute(trx);
      const header: BackupHeader = {
        version: backupFormatVersion,
        createdAt: new Date().toISOString(),
        engine,
        migrations: await appliedMigrations(trx, schema),
      };
      const tables = await platformTables(trx);
      const counts = { tables: tables.length, rows: 0 };
      await consume(backupLines(trx, header, tables, counts));
      return { header, ...counts };
    });
}

async function* backupLines(trx: Tx, header: BackupHeader, tables: PlatformTable[], counts: { rows: number }): AsyncGenerator<string> {
  yield line([backupFormat, header]);
  for (const table of tables) {
    yield line(['table', table.name, table.columns]);
    let rows = 0;
    for await (const row of tableRows(trx, table)) {
      rows += 1;
      yield `${row}\n`;
    }
    counts.rows += rows;
    yield line(['end', table.name, rows]);
  }
  for (const table of tables) {
    for (const column of table.identityColumns) {
      yield line(['sequence', table.name, column, await sequenceLastValue(trx, table.name, column)]);
    }
  }
  yield line(['finished', { tables: tables.length, rows: counts.rows }]);
}

function line(control: ControlLine | [typeof backupFormat, BackupHeader]): string {
  return `${JSON.stringify(control)}\n`;
}

async function* tableRows(trx: Tx, table: PlatformTable): AsyncGenerator<string> {
  const columns = sql.join(table.columns.map((column) => sql.id(column)));
  const order = sql.join((table.primaryKey.length > 0 ? table.primaryKey : table.columns).map((column) => sql.id(column)));
  await sql`declare backup_rows no scroll cursor for
    select row_to_json(r)::text as row from (select ${columns} from ${sql.table(table.name)} order by ${order}) r`.execute(trx);
  // One row first; then as many as fit in batchBytes at the size of the largest row seen (evidence chunks of 256 KiB
  // are read about a dozen at a time, a table of small rows a thousand at a time).
  let largest = 0;
  for (;;) {
    const size = largest === 0 ? 1 : Math.max(1, Math.min(maxBatchRows, Math.floor(batchBytes / largest)));
    const { rows } = await sql<{ row: string }>`fetch forward ${sql.lit(size)} from backup_rows`.execute(trx);
    for (const { row } of rows) {
      largest = Math.max(largest, Buffer.byteLength(row));
      yield row;
    }
    if (rows.length < size) break;
  }
  await sql`close backup_rows`.execute(trx);
}
