/**
 * The backup file, the same for PGlite and PostgreSQL: gzip-compressed lines of JSON. Control lines are JSON arrays
 * (the header first, then each table's start and end, the identity sequences, and a closing line that proves the
 * file is whole); every other line is one row, a JSON object written by PostgreSQL's row_to_json and read back by
 * json_populate_recordset, so values never pass through JavaScript numbers or dates.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Executor } from '../database.js';

export const backupFormat = 'better-backup';
export const backupFormatVersion = 1;

/** About how much row text one batch holds, read from a cursor by a backup or sent in one INSERT by a restore. */
export const batchBytes = 4 * 1024 * 1024;
export const maxBatchRows = 1000;

const name = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const headerLine = z.tuple([
  z.literal(backupFormat),
  z.object({
    version: z.literal(backupFormatVersion),
    createdAt: z.string(),
    engine: z.enum(['pglite', 'postgres']),
    /** The migrations the backed-up database had applied: its schema version (checked against the known ones). */
    migrations: z.array(z.string().max(200)),
  }),
]);
export type BackupHeader = z.infer<typeof headerLine>[1];

export const controlLine = z.union([
  z.tuple([z.literal('table'), name, z.array(name)]),
  z.tuple([z.literal('end'), name, z.number().int().nonnegative()]),
  /** An identity column's sequence: its last value, null when it never gave one. */
  z.tuple([z.literal('sequence'), name, name, z.union([z.string().regex(/^-?\d+$/), z.null()])]),
  z.tuple([z.literal('finished'), z.object({ tables: z.number().int(), rows: z.number().int() })]),
]);
export type ControlLine = z.infer<typeof controlLine>;

export interface PlatformTable {
  name: string;
  /** Stored columns in table order; generated columns are left out (the database computes them again). */
  columns: string[];
  primaryKey: string[];
  identityColumns: string[];
}

interface TableRow {
  name: string;
  columns: string[];
  primary_key: string[];
  identity_columns: string[];
  referenced: string[];
}

/**
 * The platform's tables in the schema worked in (Kysely's migration bookkeeping excepted: the header names the
 * migrations instead), ordered so that a table comes after every table it references. The data version and the
 * tables' own versions are not records but counters of this database's changes: a restore must raise them (its
 * truncation does), never bring back an older value that what a node keeps in memory was made at.
 */
export async function platformTables(db: Executor): Promise<PlatformTable[]> {
  const { rows } = await sql<TableRow>`
    select c.relname::text as name,
      array(select a.attname::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum) as columns,
      array(select a.attname::text from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
        where i.indrelid = c.oid and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)) as primary_key,
      array(select a.attname::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attidentity <> '' order by a.attnum) as identity_columns,
      array(select distinct f.relname::text from pg_constraint k join pg_class f on f.oid = k.confrelid
        where k.conrelid = c.oid and k.contype = 'f' and k.confrelid <> c.oid) as referenced
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and c.relname not like 'kysely\\_%'
      and c.relname not in ('data_version', 'table_versions')
    order by c.relname`.execute(db);
  return dependencyOrder(rows).map((row) => ({ name: row.name, columns: row.columns, primaryKey: row.primary_key, identityColumns: row.identity_columns }));
}

function dependencyOrder(tables: TableRow[]): TableRow[] {
  const ordered: TableRow[] = [];
  const placed = new Set<string>();
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((table) => table.referenced.every((referenced) => placed.has(referenced)));
    if (ready.length === 0) throw new Error(`The tables ${remaining.map((table) => table.name).join(', ')} reference each other in a cycle`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** An identity column's sequence position (its last value, null before it gave one), as text to keep every digit. */
export async function sequenceLastValue(db: Executor, table: string, column: string): Promise<string | null> {
  const { rows } = await sql<{ value: string | null }>`
    select pg_sequence_last_value(pg_get_serial_sequence(${table}, ${column})::regclass)::text as value`.execute(db);
  return rows[0]?.value ?? null;
}
