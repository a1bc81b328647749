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
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, applied, { cause: error });
  }
  return { applied };
}
