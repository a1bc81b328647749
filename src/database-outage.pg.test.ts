/**
 * A real node on PostgreSQL while its database goes away: its connections are terminated several times under load,
 * then the database refuses connections for a while. The node stays up, says it is not ready, answers a clean 503,
 * recovers by itself, keeps every registration it acknowledged, and its worker delivers mail afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventOf, startLoad } from './core/testing/load.js';
import { createScratchDatabase, killNodes, startNode, waitFor, type BetterNode, type ScratchDatabase } from './core/testing/nodes.js';
import { startSmtpSink, type SmtpSink } from './core/testing/smtp-sink.js';
import { Visitor } from './core/testing/visitor.js';

let database: ScratchDatabase;
let sink: SmtpSink;
let node: BetterNode;

beforeAll(async () => {
  database = await createScratchDatabase(process.env.TEST_DATABASE_URL as string, 'better_outage');
  sink = await startSmtpSink();
  node = await startNode({ DATABASE_URL: database.url, SMTP_URL: sink.urlFor('outage-node'), WORKER_POLL_SECONDS: '0.2' }, ['--demo']);
}, 120_000);

afterAll(async () => {
  await killNodes();
  await sink?.close();
  await database?.drop();
});

describe('a node whose database goes away', () => {
  it('stays up, answers 503 while the database is unreachable, recovers by itself and loses no acknowledged registration', async () => {
    const eventId = await openEventOf(database);
    const visitors = Array.from({ length: 6 }, () => new Visitor(node.url));
    await Promise.all(visitors.map((visitor) => visitor.get(`/events/${eventId}`)));
    const load = startLoad(eventId, visitors);
    const alive = (what: string, condition: () => boolean | Promise<boolean>) => () => {
      if (!node.running()) throw new Error(`The node exited (code ${node.child.exitCode}) while waiting: ${what}`);
      return condition();
    };
    const progressAfter = async (what: string) => {
      const before = load.acknowledged.length;
      await waitFor(
        what,
        alive(what, () => load.acknowledged.length >= before + 10),
      );
    };

    try {
      // Connections cut under load, three times: as a failover or an administrator's pg_terminate_backend does.
      for (let round = 1; round <= 3; round += 1) {
        await progressAfter(`registrations before cut ${round}`);
        expect(await database.terminateBackends()).toBeGreaterThan(0);
      }
      await progressAfter('registrations after the cuts');

      // The database refuses every connection for a while.
      await database.admin(`alter database ${database.name} allow_connections false`);
      await database.terminateBackends();
      await waitFor(
        '/readyz to answer 503',
        alive('/readyz 503', async () => (await fetch(`${node.url}/readyz`)).status === 503),
      );
      const page = await new Visitor(node.url).get('/events');
      expect(page.status).toBe(503);
      expect(page.headers?.get('content-type')).toContain('text/html');
      expect(page.headers?.get('retry-after')).toMatch(/^\d+$/);
      expect(page.body).toContain('Sorry, the service is unavailable');
      expect(page.body).not.toMatch(/ECONNREFUSED|not currently accepting connections|at .*\.js/);
      const api = await new Visitor(node.url, 'application/json').get('/events');
      expect(api.status).toBe(503);
      expect(JSON.parse(api.body)).toMatchObject({ error: 'unavailable' });

      await database.admin(`alter database ${database.name} allow_connections true`);
      await waitFor(
        '/readyz to answer 200 again',
        alive('/readyz 200', async () => (await fetch(`${node.url}/readyz`)).status === 200),
      );
      await progressAfter('registrations after the outage');
    } finally {
      await load.stop();
    }

    expect(node.running()).toBe(true);
    expect(node.logs.filter((line) => line.msg === 'stopping after an uncaught error')).toEqual([]);
    // Every request got an answer: a page, or the 503 page while the database was away; never a broken connection or a 500.
    const exchanges = visitors.flatMap((visitor) => visitor.exchanges);
    const errors = node.logs.filter((line) => line.msg === 'request failed');
    expect({ unexpected: exchanges.filter((exchange) => exchange.status !== 200 && exchange.status !== 503), errors }).toEqual({ unexpected: [], errors: [] });
    expect(exchanges.some((exchange) => exchange.status === 503)).toBe(true);
    // One line per failed request, without a stack.
    const unavailable = node.logs.filter((line) => line.msg === 'database unavailable');
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((line) => line.err !== undefined)).toEqual([]);

    const stored = await database.query<{ email: string }>('select email from registrations where event_id = $1', [eventId]);
    const storedEmails = new Set(stored.map((row) => row.email));
    expect(load.acknowledged.filter((email) => !storedEmails.has(email))).toEqual([]);

    // The worker went on: every queued email, those of registrations after the outage included, is delivered.
    const lastAcknowledged = load.acknowledged.at(-1) as string;
    await waitFor('the outbox to be empty', async () => (await database.query('select id from emails where status = $1', ['queued'])).length === 0);
    expect(sink.deliveries.some((delivery) => delivery.to.includes(lastAcknowledged))).toBe(true);

    console.info(
      `database outage: ${exchanges.length} requests, ${exchanges.filter((exchange) => exchange.status === 503).length} answered 503, ${load.acknowledged.length} registrations acknowledged and stored, ${unavailable.length} 'database unavailable' log lines, ${sink.deliveries.length} emails delivered`,
    );
    node.child.kill('SIGTERM');
    expect(await node.exited).toBe(0);
  }, 180_000);
});
