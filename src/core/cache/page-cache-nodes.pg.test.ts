/**
 * Two nodes on one PostgreSQL database, each with its own page cache: a change saved on one node is on the other
 * node's pages at the very next request, in every language, for visitors and for signed-in people alike.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { openDatabase, type DatabaseHandle } from '../db/database.js';
import { locales } from '../i18n/locales.js';
import { testConfig } from '../testing/app.js';
import { createTestDatabase } from '../testing/database.js';
import { aWorld, partnerFormFields } from '../testing/factories.js';
import { signedInBrowser, TestBrowser } from '../testing/http.js';

const browserHeaders = { accept: 'text/html,application/xhtml+xml' };
let first: { database: DatabaseHandle; app: FastifyInstance };
let second: { database: DatabaseHandle; app: FastifyInstance };
let world: Awaited<ReturnType<typeof aWorld>>;

beforeAll(async () => {
  const database = await createTestDatabase();
  world = await aWorld(database.db);
  // The second node: a pool of its own on the same schema, as another process would have.
  const secondDatabase = await openDatabase({ url: process.env.TEST_DATABASE_URL, schema: database.schema, poolSize: 5 });
  first = { database, app: await buildApp({ config: testConfig(), database, logger: false }) };
  second = { database: secondDatabase, app: await buildApp({ config: testConfig(), database: secondDatabase, logger: false }) };
});

afterAll(async () => {
  await second?.app.close();
  await second?.database.close();
  await first?.app.close();
  await first?.database.close();
});

describe('the page cache on two nodes', () => {
  it('shows a change saved on one node at the next request on the other, in every language', async () => {
    const page = `/partners/${world.partnerA.id}`;
    const visitors = locales.map((locale) => new TestBrowser(second.app, { ...browserHeaders, 'accept-language': locale }));
    for (const visitor of visitors) await visitor.get(page);
    for (const visitor of visitors) expect((await visitor.get(page)).headers['x-page-cache']).toBe('hit');

    const coordinatorOnFirst = await signedInBrowser(first.app, world.users.coordinator);
    const coordinatorOnSecond = new TestBrowser(second.app, browserHeaders);
    for (const [name, value] of coordinatorOnFirst.cookies) coordinatorOnSecond.cookies.set(name, value);
    await coordinatorOnSecond.get(page);
    expect((await coordinatorOnSecond.get(page)).headers['x-page-cache']).toBe('hit');

    for (const [round, locale] of locales.entries()) {
      const name = `Renamed on the first node, round ${round} (${locale})`;
      expect((await coordinatorOnFirst.post(page, partnerFormFields(world.partnerA, { name }))).statusCode).toBe(303);
      for (const visitor of visitors) expect((await visitor.get(page)).body).toContain(name);
      expect((await coordinatorOnSecond.get(page)).body).toContain(name);
    }
  });
});
