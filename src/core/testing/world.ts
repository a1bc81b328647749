/**
 * The set-ups a test file shares, opened before its first test and closed after its last: a fresh database (with
 * `aWorld` in it, or nothing), or the whole application on one, with a browser signed in as any role of the world.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Config } from '../config/config.js';
import type { DatabaseHandle, Db } from '../db/database.js';
import { createTestApp, type TestApp } from './app.js';
import { createTestDatabase } from './database.js';
import { aWorld } from './factories.js';
import { signedInBrowser, type TestBrowser } from './http.js';

export type World = Awaited<ReturnType<typeof aWorld>>;
export type Role = keyof World['users'];

/**
 * An object whose fields are filled by a `beforeAll` hook and released by an `afterAll` one, so a test file declares
 * its set-up in one line at the top; later `beforeAll` hooks of the file already see the fields.
 */
function sharedByTheFile<T extends object>(open: () => Promise<T>, close: (opened: T) => Promise<void>): T {
  const fixture = {} as T;
  beforeAll(async () => {
    Object.assign(fixture, await open());
  });
  afterAll(async () => close(fixture));
  return fixture;
}

/** A fresh, migrated database with nothing in it, for tests of the database itself or of the demo. */
export function useTestDatabase(): DatabaseHandle {
  return sharedByTheFile(
    () => createTestDatabase(),
    (database) => database.close(),
  );
}

/** The application on a fresh database with nothing in it, for tests that make their own data (or load the demo). */
export function useTestApp(config: Partial<Config> = {}): TestApp {
  return sharedByTheFile(
    () => createTestApp(config),
    (context) => context.close(),
  );
}

export interface DatabaseWorldFixture {
  database: DatabaseHandle;
  db: Db;
  world: World;
}

/** A fresh database with `aWorld` in it, for use cases called directly (services, races on PostgreSQL), without HTTP. */
export function useDatabaseWorld(): DatabaseWorldFixture {
  return sharedByTheFile(
    async () => {
      const database = await createTestDatabase();
      return { database, db: database.db, world: await aWorld(database.db) };
    },
    (fixture) => fixture.database.close(),
  );
}

export interface WorldFixture {
  context: TestApp;
  world: World;
  browserFor(role: Role): Promise<TestBrowser>;
}

/** The application on a fresh database with `aWorld` in it: the usual set-up of an HTTP test file. */
export function useWorld(config: Partial<Config> = {}): WorldFixture {
  const fixture = sharedByTheFile(
    async () => {
      const context = await createTestApp(config);
      return { context, world: await aWorld(context.db) };
    },
    (opened) => opened.context.close(),
  );
  return Object.assign(fixture, { browserFor: (role: Role) => signedInBrowser(fixture.context.app, fixture.world.users[role]) });
}
