/** The whole application on a fresh test database, for tests that go through HTTP with fastify.inject. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadConfig, type Config } from '../config/config.js';
import type { DatabaseHandle, Db } from '../db/database.js';
import { createTestDatabase } from './database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export const testPublicUrl = 'http://better.test';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', PUBLIC_URL: testPublicUrl, LOG_LEVEL: 'silent' }, overrides);
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(overrides), database, logger: false });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
