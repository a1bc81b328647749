/** Runs the versioned migrations (one global, date-named sequence in migrations/) under Kysely's migration lock. */
import { DEFAULT_MIGRATION_TABLE, Migrator, sql, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Db, Executor, Tx } from './database.js';

export interface MigrationReport {
  applied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly applied: string[],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Applies every pending migration in one locked run; several app nodes starting together apply each once. A database
 * that has them all (every restart) is told so by one query: Kysely's migrator takes a third of a second to find out.
 */
export async function migrateToLatest(db: Db, schema?: string): Promise<MigrationReport> {
  if (await hasEveryMigration(db, schema)) return { applied: [] };
  return report(await migrator(db, schema).migrateToLatest());
}

async function hasEveryMigration(db: Db, schema: string | undefined): Promise<boolean> {
  const table = schema ? `${schema}.${DEFAULT_MIGRATION_TABLE}` : DEFAULT_MIGRATION_TABLE;
  const { rows } = await sql<{ exists: string | null }>`select to_regclass(${table}) as exists`.execute(db);
  if (!rows[0]?.exists) return false;
  const applied = await sql<{ name: string }>`select name from ${sql.table(table)}`.execute(db);
  const names = new Set(applied.rows.map((row) => row.name));
  return Object.keys(migrations).every((name) => names.has(name));
}

/** Kysely's advisory lock for migrations on PostgreSQL (its postgres adapter's LOCK_ID, which it does not export). */
const kyselyMigrationLock = BigInt('3853314791062309107');

/**
 * Applies the pending migrations up to and including `name` inside the caller's transaction, and records them as
 * Kysely's migrator does, so they stand or fall with the rest of it: a restore migrates a new database, loads the
 * backup and records itself in one transaction. Kysely's migrator cannot join a transaction (it opens a connection
 * and a transaction of its own). Returns the names applied.
 */
export async function applyMigrationsWithin(trx: Tx, upTo: string, schema?: string): Promise<string[]> {
  // Taken for the transaction: a node starting meanwhile waits in its own migrator until the transaction ends.
  await sql`select pg_advisory_xact_lock(${sql.lit(kyselyMigrationLock)})`.execute(trx);
  const table = sql.table(schema ? `${schema}.${DEFAULT_MIGRATION_TABLE}` : DEFAULT_MIGRATION_TABLE);
  // Kysely's own definition, so its migrator carries on from this table.
  await sql`create table if not exists ${table} (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(trx);
  const applied = new Set(await appliedMigrations(trx, schema));
  const pending = Object.entries(migrations)
    .filter(([name]) => name <= upTo && !applied.has(name))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  for (const [name, migration] of pending) {
    await migration.up(trx);
    await sql`insert into ${table} (name, timestamp) values (${name}, ${new Date().toISOString()})`.execute(trx);
  }
  return pending.map(([name]) => name);
}

/** The names of the migrations a database has applied, in order; none when it was never migrated. */
export async function appliedMigrations(db: Executor, schema?: string): Promise<string[]> {
  const migrations = await migrator(db, schema).getMigrations();
  return migrations.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name);
}

function migrator(db: Executor, schema: string | undefined): Migrator {
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  return new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
}

function report({ error, results }: MigrationResultSet): MigrationReport {
  const applied = (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, applied, { cause: error });
  }
  return { applied };
}

/** Every migration this version of the platform knows, in the order they apply. */
export const knownMigrations: readonly string[] = Object.keys(migrations).sort();
