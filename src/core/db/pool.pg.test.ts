/**
 * The node's pool of connections. A connection that died while idle in the pool (a failover, an administrator's
 * pg_terminate_backend) is found out by the next statement sent on it: a read then runs again on a new connection, a
 * write fails and is not repeated. A busy pool makes requests wait; only a server that cannot be reached fails them.
 */
import { execFileSync } from 'node:child_process';
import { createServer, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { testConfig } from '../testing/app.js';
import { openDatabase, type DatabaseHandle } from './database.js';
import { isConnectionError } from './errors.js';
import { useTestDatabase } from '../testing/world.js';

const url = process.env.TEST_DATABASE_URL as string;
const database = useTestDatabase();
let node: DatabaseHandle;

beforeAll(async () => {
  await sql`create table pool_notes (note text not null)`.execute(database.db);
  // One connection, so the one that dies is the one handed out next.
  node = await openDatabase({ url, schema: database.schema, poolSize: 1 });
});
afterAll(async () => {
  await node.close();
});

/**
 * Terminates the node's only connection while it sits idle. The event loop is blocked meanwhile (psql runs
 * synchronously), so the node has not read the server's goodbye when it sends its next statement, as happens when
 * a request takes a connection an instant after the server dropped it.
 */
async function killIdleConnection(): Promise<void> {
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(node.db);
  const pid = rows[0]?.pid as number;
  execFileSync('psql', [url, '-Atqc', `select pg_terminate_backend(${pid}, 5000)`]);
}

describe('a connection lost while idle', () => {
  it('answers a read anyway, on a new connection', async () => {
    await killIdleConnection();
    const { rows } = await sql<{ answer: number }>`select ${41}::int + 1 as answer`.execute(node.db);
    expect(rows[0]?.answer).toBe(42);
  });

  it('runs a transaction anyway, since nothing was sent before its begin', async () => {
    await killIdleConnection();
    await node.db.transaction().execute((trx) => sql`insert into pool_notes (note) values (${'in a transaction'})`.execute(trx));
    expect((await sql<{ note: string }>`select note from pool_notes`.execute(database.db)).rows).toEqual([{ note: 'in a transaction' }]);
  });

  it('does not repeat a write outside a transaction: it fails as the database being unavailable', async () => {
    await killIdleConnection();
    const write = sql`insert into pool_notes (note) values (${'alone'})`.execute(node.db);
    await expect(write).rejects.toSatisfy(isConnectionError);
    expect((await sql<{ note: string }>`select note from pool_notes where note = 'alone'`.execute(database.db)).rows).toEqual([]);
    // The pool has dropped the dead connection: the next statement works.
    expect((await sql<{ one: number }>`select 1 as one`.execute(node.db)).rows).toEqual([{ one: 1 }]);
  });
});

describe('a quiet node', () => {
  it('keeps its connections open, so the first page after a quiet spell does not open them again', async () => {
    const quiet = await openDatabase({ url, schema: database.schema, poolSize: 3 });
    // Three statements at once take the pool's three connections.
    const backends = async () =>
      Promise.all([1, 2, 3].map(async () => (await sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.2)`.execute(quiet.db)).rows[0]?.pid));
    try {
      const before = new Set(await backends());
      expect(before.size).toBe(3);
      // Longer than pg-pool's default idle timeout (10 s), after which it closed idle connections.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      expect(new Set(await backends())).toEqual(before);
    } finally {
      await quiet.close();
    }
  }, 20_000);
});

describe('a node whose connections are all busy', () => {
  it('keeps requests waiting for a free connection rather than answering that the database is unavailable', async () => {
    const busy = await openDatabase({ url, schema: database.schema, poolSize: 2 });
    const app = await buildApp({ config: testConfig(), database: busy, logger: false });
    try {
      // Both connections are taken for longer than connecting may take (5 s); requests queue behind them.
      const holders = [1, 2].map(() => sql`select pg_sleep(6)`.execute(busy.db));
      const answers = await Promise.all(Array.from({ length: 10 }, () => app.inject({ method: 'GET', url: '/readyz' })));
      await Promise.all(holders);
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array.from({ length: 10 }, () => 200));
    } finally {
      await app.close();
      await busy.close();
    }
  }, 30_000);
});

describe('a server that accepts connections and never answers', () => {
  // The test's own bound (20 s) lies between connecting's 5 s and waiting for a free connection's 30 s.
  it('fails the request as the database being unavailable', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const unreachable = await openDatabase({ url: `postgres://postgres@127.0.0.1:${port}/test`, poolSize: 2 });
    const app = await buildApp({ config: testConfig({ cookieSecret: 'a test secret of at least 32 characters' }), database: unreachable, logger: false });
    try {
      const answer = await app.inject({ method: 'GET', url: '/readyz' });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({ status: 'unavailable', database: 'postgres' });
    } finally {
      await app.close();
      await unreachable.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  }, 20_000);
});
