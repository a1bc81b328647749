/**
 * A fresh, migrated database for one test file: a copy of the PGlite template by default, or (npm run test:pg)
 * a new schema on the PostgreSQL server in TEST_DATABASE_URL, dropped afterwards.
 */
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** `migrated: false` gives a database no migration has touched, as a new installation's (slower on PGlite). */
export async function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (!migrated) return openDatabase({});
    const template = await readFile(inject('pgliteTemplate'));
    // PGlite unpacks a gzip tarball only when it is a File whose name says so.
    return openDatabase({ loadDataDir: new File([template], 'template.tar.gz') });
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ url, schema, poolSize: 20 });
  if (migrated) await migrateToLatest(database.db, schema);
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      // One table at a time, each in its own transaction: dropping the whole schema at once locks every table, index,
      // sequence and trigger together, and with several test files doing so the server ran out of lock slots.
      const { rows } = await cleanup.query<{ tablename: string }>('select tablename from pg_tables where schemaname = $1', [schema]);
      for (const { tablename } of rows) await cleanup.query(`drop table if exists ${schema}."${tablename}" cascade`);
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
