/**
 * PGlite on a thread of its own, as `better serve` runs it: queries leave this thread free, values come back as they
 * do from PGlite in process, the folder is held while it runs and freed when it closes, and a crash of the thread
 * makes queries and the readiness check fail instead of leaving them hanging.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthPlugin } from '../http/health.js';
import { openDatabase, type DatabaseHandle, type Db } from './database.js';
import { EmbeddedDatabaseInUse, socketDirectory } from './embedded-socket.js';
import { ping } from './ping.js';

let dataDir: string;
let threaded: DatabaseHandle;
let inProcess: DatabaseHandle;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'better-thread-'));
  [threaded, inProcess] = await Promise.all([openDatabase({ dataDir, embedded: 'worker' }), openDatabase({})]);
}, 120_000);

afterAll(async () => {
  await Promise.all([threaded.close(), inProcess.close()]);
  await rm(dataDir, { recursive: true, force: true });
});

/** How many times a 10 ms timer on this thread fires while `work` runs. */
async function ticksDuring(work: Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 10);
  try {
    await work;
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

const everyType = sql<Record<string, unknown>>`
  select 9007199254740991::int8 as big, 42::int4 as small, '2024-03-05'::date as day, 12.50::numeric as amount,
    0.5::float8 as ratio, '2024-03-05 10:30:00+02'::timestamptz as at, '{"a": [1, "b", null]}'::jsonb as document,
    true as flag, null::text as nothing, 'Tartu'::text as name,
    array[1, 2]::int4[] as smalls, array[1, 2]::int8[] as bigs, array['a', 'b'] as names,
    array['2024-03-05'::date] as days, array[1.5]::numeric[] as amounts, array['2024-03-05 10:30:00+02'::timestamptz] as moments`;

describe('PGlite on a thread of its own', () => {
  it('returns values of the same JavaScript types as PGlite in process', async () => {
    const [viaThread, local] = await Promise.all([everyType.execute(threaded.db), everyType.execute(inProcess.db)]);
    expect(viaThread.rows).toEqual(local.rows);
    expect(viaThread.rows[0]).toEqual({
      big: 9007199254740991,
      small: 42,
      day: '2024-03-05',
      amount: 12.5,
      ratio: 0.5,
      at: new Date('2024-03-05T08:30:00Z'),
      document: { a: [1, 'b', null] },
      flag: true,
      nothing: null,
      name: 'Tartu',
      smalls: [1, 2],
      bigs: [1, 2],
      names: ['a', 'b'],
      days: ['2024-03-05'],
      amounts: [1.5],
      moments: [new Date('2024-03-05T08:30:00Z')],
    });
    expect(threaded.kind).toBe('pglite');
  });

  it('opens PostgreSQL with 32 MB of shared buffers on the thread and in process (each open zeroes them)', async () => {
    const show = sql<{ shared_buffers: string }>`show shared_buffers`;
    const [viaThread, local] = await Promise.all([show.execute(threaded.db), show.execute(inProcess.db)]);
    expect([viaThread.rows[0]?.shared_buffers, local.rows[0]?.shared_buffers]).toEqual(['32MB', '32MB']);
  });

  it('runs a slow query on the other thread while this one goes on (in process, it would stop it)', async () => {
    const slow = (db: Db) => sql`select pg_sleep(0.3)`.execute(db);
    expect(await ticksDuring(slow(threaded.db))).toBeGreaterThanOrEqual(10);
    expect(await ticksDuring(slow(inProcess.db))).toBeLessThanOrEqual(1);
  });

  it('runs a transaction whole while other statements wait their turn', async () => {
    await sql`create table counters (n int)`.execute(threaded.db);
    const transaction = threaded.db.transaction().execute(async (trx) => {
      await sql`insert into counters values (1)`.execute(trx);
      await sql`select pg_sleep(0.1)`.execute(trx);
      await sql`insert into counters values (2)`.execute(trx);
    });
    // Runs after the transaction, never between its statements.
    const seen = sql<{ count: number }>`select count(*)::int as count from counters`.execute(threaded.db);
    await transaction;
    expect((await seen).rows[0]?.count).toBe(2);
  });

  it('holds the folder: a second opening, on a thread or in process, is refused', async () => {
    await expect(openDatabase({ dataDir, embedded: 'worker' })).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
  }, 60_000);

  it('frees the folder when closed: the holder file is gone and the folder opens again', async () => {
    await threaded.close();
    await expect(stat(path.join(socketDirectory(dataDir), 'holder.json'))).rejects.toThrow();
    threaded = await openDatabase({ dataDir });
    expect((await sql<{ n: number }>`select sum(n)::int as n from counters`.execute(threaded.db)).rows[0]?.n).toBe(3);
    await threaded.close();
    threaded = await openDatabase({ dataDir, embedded: 'worker' });
  }, 60_000);

  it('after a crash of the thread, says why, and queries and the readiness check fail', async () => {
    const app = Fastify({ logger: false });
    app.decorate('db', threaded.db);
    app.decorate('databaseKind', threaded.kind);
    await app.register(healthPlugin);
    expect((await app.inject('/readyz')).statusCode).toBe(200);

    await threaded.thread?.terminate();
    await expect(threaded.thread?.failure).resolves.toBeInstanceOf(Error);
    await expect(ping(threaded.db)).rejects.toThrow(/database unreachable/);
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    await app.close();

    // Nobody holds the folder any more: the next server opens it.
    await threaded.close();
    threaded = await openDatabase({ dataDir, embedded: 'worker' });
    await ping(threaded.db);
  }, 60_000);
});
