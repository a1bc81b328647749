/**
 * Runs once before the PGlite test suite: builds a migrated database and saves it as a template, so each test
 * file starts from a copy in a few hundred milliseconds instead of creating and migrating its own.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { fromProjectRoot } from '../paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const templatePath = fromProjectRoot('.cache', 'test-template.tar.gz');
  await mkdir(path.dirname(templatePath), { recursive: true });
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  if (!database.pglite) throw new Error('The template is built with PGlite');
  const dump = await database.pglite.dumpDataDir('gzip');
  await writeFile(templatePath, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', templatePath);
}
