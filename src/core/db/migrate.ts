/** Runs the versioned migrations (one global, date-named sequence in migrations/) under Kysely's migration lock. */
import { Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Db } from './database.js';

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

/** Applies every pending migration in one locked run; several app nodes starting together apply each once. */
export async function migrateToLatest(db: Db, schema?: string): Promise<MigrationReport> {
  return report(await migrator(db, schema).migrateToLatest());
}

/** Applies the pending migrations up to and including `name` (a restore loads an older backup at its own version). */
export async function migrateUpTo(db: Db, name: string, schema?: string): Promise<MigrationReport> {
  return report(await migrator(db, schema).migrateTo(name));
}

/** The names of the migrations a database has applied, in order; none when it was never migrated. */
export async function appliedMigrations(db: Db, schema?: string): Promise<string[]> {
  const migrations = await migrator(db, schema).getMigrations();
  return migrations.filter((migration) => migration.executedAt !== undefined).map((migration) => migration.name);
}

function migrator(db: Db, schema: string | undefined): Migrator {
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
