/**
 * `better restore`: loads a backup into a database in one transaction — everything or nothing. In that transaction
 * the database is brought to the backup's schema version (a new one is migrated up to it; one at a later version is
 * refused), every table is emptied, user triggers are switched off so derived tables and search vectors are loaded
 * exactly as saved rather than recomputed, rows go in through json_populate_recordset, identity sequences continue
 * where the backed-up database stopped, a backup from an older version is migrated forward like any database, and the
 * restore is recorded in the audit log. A failure anywhere leaves the database as it was, a new one unmigrated.
 */
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { recordAudit } from '../../audit/audit.js';
import { done, type Done } from '../../outcome.js';
import { systemActor } from '../../policy/actor.js';
import type { DatabaseHandle, Tx } from '../database.js';
import { appliedMigrations, applyMigrationsWithin, knownMigrations } from '../migrate.js';
import { batchBytes, controlLine, headerLine, maxBatchRows, platformTables, type BackupHeader, type PlatformTable } from './format.js';

export type RestoreRefusal =
  | { reason: 'not_backup' }
  | { reason: 'newer_schema'; migration: string }
  | { reason: 'database_ahead'; database: string; backup: string }
  | { reason: 'not_empty' }
  | { reason: 'damaged'; detail: string };

export interface RestoreSummary {
  header: BackupHeader;
  tables: number;
  rows: number;
  /** Migrations applied after loading a backup from an older version. */
  migratedAfter: string[];
}

export type RestoreOutcome = Done<RestoreSummary> | ({ ok: false } & RestoreRefusal);

/** A refusal found inside the transaction, which it rolls back. */
class Refused extends Error {
  constructor(readonly refusal: RestoreRefusal) {
    super(refusal.reason);
  }
}

class Damaged extends Refused {
  constructor(detail: string) {
    super({ reason: 'damaged', detail });
  }
}

/** The lines of a backup file as they are read: gunzipped, split, never more than one line held whole. */
export async function* backupLines(input: Readable): AsyncGenerator<string> {
  const text = input.pipe(createGunzip()).setEncoding('utf8');
  input.once('error', (error) => text.destroy(error));
  // A line can be megabytes (an evidence file): keep its pieces and join them once, rather than re-scanning it.
  let pieces: string[] = [];
  for await (const chunk of text as AsyncIterable<string>) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      pieces.push(chunk.slice(start, end));
      yield pieces.join('');
      pieces = [];
      start = end + 1;
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  if (pieces.length > 0) yield pieces.join('');
}

/** Restores the backup whose lines are given; `label` names it in the audit log (e.g. the file name). */
export async function restoreBackup(
  database: DatabaseHandle,
  lines: AsyncIterable<string>,
  options: { replace: boolean; label: string },
): Promise<RestoreOutcome> {
  const { db, schema } = database;
  const reader = lines[Symbol.asyncIterator]();
  const header = await readHeader(reader);
  if (!header) return { ok: false, reason: 'not_backup' };

  const unknown = header.migrations.find((migration, index) => knownMigrations[index] !== migration);
  if (unknown) return { ok: false, reason: 'newer_schema', migration: unknown };
  const backupVersion = header.migrations.at(-1);

  try {
    const restored = await db.transaction().execute(async (trx) => {
      const applied = await appliedMigrations(trx, schema);
      if (applied.length > header.migrations.length || applied.some((migration, index) => header.migrations[index] !== migration)) {
        throw new Refused({ reason: 'database_ahead', database: applied.at(-1) ?? '', backup: backupVersion ?? '' });
      }
      if (backupVersion) await applyMigrationsWithin(trx, backupVersion, schema);
      if (!options.replace && !(await isEmpty(trx))) throw new Refused({ reason: 'not_empty' });
      const counts = await load(trx, reader);
      const migratedAfter = await applyMigrationsWithin(trx, knownMigrations.at(-1) ?? '', schema);
      await recordAudit(trx, systemActor('command line restore'), {
        action: 'database.restore',
        entityType: 'backup',
        entityId: options.label,
        after: { createdAt: header.createdAt, engine: header.engine, schema: backupVersion ?? null, ...counts, migratedAfter },
      });
      return { ...counts, migratedAfter };
    });
    return done({ header, ...restored });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...error.refusal };
    throw error;
  }
}

async function readHeader(reader: AsyncIterator<string>): Promise<BackupHeader | undefined> {
  try {
    const first = await reader.next();
    if (first.done) return undefined;
    const parsed = headerLine.safeParse(JSON.parse(first.value));
    return parsed.success ? parsed.data[1] : undefined;
  } catch {
    // Not gzip, or not JSON: not a backup.
    return undefined;
  }
}

/** The rule `better seed --demo` uses (isDatabaseEmpty), in SQL that holds at any schema version: no programme, no account. */
async function isEmpty(trx: Tx): Promise<boolean> {
  const { rows } = await sql<{ empty: boolean }>`select not exists (select from programmes) and not exists (select from users) as empty`.execute(trx);
  return rows[0]?.empty === true;
}

async function load(trx: Tx, reader: AsyncIterator<string>): Promise<{ tables: number; rows: number }> {
  const tables = await platformTables(trx);
  const byName = new Map(tables.map((table) => [table.name, table]));
  await sql`truncate table ${sql.join(tables.map((table) => sql.table(table.name)))} restart identity`.execute(trx);
  for (const table of tables) await sql`alter table ${sql.table(table.name)} disable trigger user`.execute(trx);

  const restored = new Set<string>();
  let total = 0;
  let current: { table: PlatformTable; batch: string[]; bytes: number; rows: number } | undefined;
  const flush = async () => {
    if (!current || current.batch.length === 0) return;
    await insertRows(trx, current.table, current.batch);
    current.rows += current.batch.length;
    current.batch = [];
    current.bytes = 0;
  };

  for (let next = await nextLine(reader); !next.done; next = await nextLine(reader)) {
    const text = next.value;
    if (text.startsWith('{')) {
      if (!current) throw new Damaged('a row outside any table');
      current.batch.push(text);
      current.bytes += text.length;
      if (current.bytes >= batchBytes || current.batch.length >= maxBatchRows) await flush();
      continue;
    }
    const control = parseControl(text);
    switch (control[0]) {
      case 'table': {
        const table = byName.get(control[1]);
        if (current || !table || restored.has(table.name)) throw new Damaged(`unexpected table ${control[1]}`);
        if ([...control[2]].sort().join() !== [...table.columns].sort().join()) throw new Damaged(`the columns of ${table.name} differ from this database's`);
        current = { table, batch: [], bytes: 0, rows: 0 };
        break;
      }
      case 'end': {
        if (!current || current.table.name !== control[1]) throw new Damaged(`unexpected end of ${control[1]}`);
        await flush();
        if (current.rows !== control[2]) throw new Damaged(`${control[1]} has ${current.rows} rows where the file promises ${control[2]}`);
        restored.add(current.table.name);
        total += current.rows;
        current = undefined;
        break;
      }
      case 'sequence': {
        const [, tableName, column, value] = control;
        if (!byName.get(tableName)?.identityColumns.includes(column)) throw new Damaged(`no identity column ${tableName}.${column}`);
        if (value !== null) await sql`select setval(pg_get_serial_sequence(${tableName}, ${column}), ${value}::bigint, true)`.execute(trx);
        break;
      }
      case 'finished': {
        const missing = tables.filter((table) => !restored.has(table.name)).map((table) => table.name);
        if (current || missing.length > 0) throw new Damaged(`tables missing from the file: ${missing.join(', ')}`);
        if (control[1].rows !== total || control[1].tables !== restored.size) throw new Damaged('the totals on its last line do not match its rows');
        if (!(await nextLine(reader)).done) throw new Damaged('lines after its last line');
        for (const table of tables) await sql`alter table ${sql.table(table.name)} enable trigger user`.execute(trx);
        return { tables: restored.size, rows: total };
      }
    }
  }
  throw new Damaged('the file ends before its last line');
}

async function nextLine(reader: AsyncIterator<string>): Promise<IteratorResult<string>> {
  try {
    return await reader.next();
  } catch (error) {
    throw new Damaged(error instanceof Error ? error.message : 'unreadable');
  }
}

function parseControl(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Damaged('a line that is not JSON');
  }
  const parsed = controlLine.safeParse(value);
  if (!parsed.success) throw new Damaged('a line of an unknown kind');
  return parsed.data;
}

async function insertRows(trx: Tx, table: PlatformTable, rows: string[]): Promise<void> {
  const name = sql.table(table.name);
  const columns = sql.join(table.columns.map((column) => sql.id(column)));
  // PostgreSQL turns each JSON value back into its column's type (bytea from hex, arrays, jsonb, timestamptz with
  // its offset, numerics digit for digit); identity values are kept as they were.
  await sql`insert into ${name} (${columns}) overriding system value
    select ${columns} from json_populate_recordset(null::${name}, ${`[${rows.join(',')}]`}::json)`.execute(trx);
}
