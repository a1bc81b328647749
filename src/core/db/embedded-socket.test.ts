/**
 * The embedded data folder opened by one process at a time, and other commands working through its socket: they and
 * the process that holds the folder never run a statement inside each other's transactions.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.js';
import { sessionLock } from './session-lock.js';
import { EmbeddedDatabaseInUse, socketDirectory, socketUrl } from './embedded-socket.js';

let dataDir: string;
let holder: DatabaseHandle;
const clients: pg.Client[] = [];

async function commandConnection(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: socketUrl(socketDirectory(dataDir)) });
  clients.push(client);
  await client.connect();
  return client;
}

async function themeCount(db: DatabaseHandle['db']): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from themes`.execute(db);
  return rows[0]?.count ?? -1;
}

let askedForTheSession: MockInstance;

/**
 * Resolves once one more statement (the server's or a relayed command's) has asked for the embedded session: it
 * would run now if nothing held it back.
 */
async function anotherTurnAsked(): Promise<void> {
  const before = askedForTheSession.mock.calls.length;
  await vi.waitFor(() => expect(askedForTheSession.mock.calls.length).toBeGreaterThan(before), { timeout: 10_000 });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'better-socket-'));
  holder = await openDatabase({ dataDir });
  await sql`create table themes (code text primary key)`.execute(holder.db);
  await sql`insert into themes values ('a'), ('b')`.execute(holder.db);
  askedForTheSession = vi.spyOn(sessionLock(holder.pglite as PGlite), 'acquire');
}, 60_000);

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => undefined)));
});

afterAll(async () => {
  await holder.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('an embedded data folder in use', () => {
  it('cannot be opened a second time: the opener is told which process holds it', async () => {
    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    await expect(second).rejects.toMatchObject({ holder: { pid: process.pid } });
  });

  it('is reachable only by its owner, through a socket inside DATA_DIR', async () => {
    const folder = await stat(socketDirectory(dataDir));
    expect(folder.mode & 0o777).toBe(0o700);
    const socket = await stat(path.join(socketDirectory(dataDir), '.s.PGSQL.5432'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o077).toBe(0);
  });

  it('answers a command through the socket with the same data', async () => {
    const client = await commandConnection();
    const { rows } = await client.query<{ code: string }>('select code from themes order by code');
    expect(rows.map((row) => row.code)).toEqual(['a', 'b']);
  });

  it('hands a command large results whole, row by row and in one big row', async () => {
    const client = await commandConnection();
    await client.query('begin');
    await client.query('declare large no scroll cursor for select i, md5(i::text) as digest from generate_series(1, 50000) i');
    const { rows } = await client.query<{ i: number; digest: string }>('fetch forward 50000 from large');
    await client.query('commit');
    expect(rows).toHaveLength(50_000);
    const wrong = rows.filter(
      (row, index) =>
        row.i !== index + 1 ||
        row.digest !==
          createHash('md5')
            .update(String(index + 1))
            .digest('hex'),
    );
    expect(wrong).toEqual([]);
    const { rows: big } = await client.query<{ text: string }>("select repeat('0123456789', 500000) as text");
    expect(big[0]?.text).toBe('0123456789'.repeat(500_000));
  });

  it('keeps the server out of a command’s transaction: it never reads what the command rolls back', async () => {
    const client = await commandConnection();
    await client.query('begin');
    await client.query("insert into themes values ('uncommitted')");
    const asked = anotherTurnAsked();
    const serverRead = themeCount(holder.db);
    await asked;
    await client.query('rollback');
    expect(await serverRead).toBe(2);
  });

  it('keeps a command out of the server’s transaction: it never reads what the server rolls back', async () => {
    const client = await commandConnection();
    let commandRead: Promise<pg.QueryResult<{ count: number }>> | undefined;
    await expect(
      holder.db.transaction().execute(async (trx) => {
        await sql`insert into themes values ('uncommitted')`.execute(trx);
        const asked = anotherTurnAsked();
        commandRead = client.query<{ count: number }>('select count(*)::int as count from themes');
        await asked;
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await commandRead)?.rows[0]?.count).toBe(2);
  });

  it('hands the session back as the command found it: its settings, prepared statements and temporary tables leave with it', async () => {
    const sessionState = async () =>
      (
        await sql<{ zone: string; prepared: number; scratch: string | null }>`select current_setting('TimeZone') as zone,
          (select count(*)::int from pg_prepared_statements) as prepared, to_regclass('pg_temp.scratch')::text as scratch`.execute(holder.db)
      ).rows[0];
    const before = await sessionState();
    const client = await commandConnection();
    await client.query("set timezone = 'Pacific/Chatham'");
    await client.query('prepare leftover as select 1');
    await client.query('create temporary table scratch (x int)');
    await client.end();
    expect(await sessionState()).toEqual(before);
    expect(before).toMatchObject({ prepared: 0, scratch: null });
  });

  it('rolls back what a command left open when it went away, and the server goes on', async () => {
    const client = await commandConnection();
    await client.query('begin');
    await client.query("insert into themes values ('abandoned')");
    await client.end();
    expect(await themeCount(holder.db)).toBe(2);
  });
});

describe('an embedded data folder whose holder died', () => {
  it('opens again: the socket file left behind answers nobody', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'better-socket-'));
    try {
      await mkdir(socketDirectory(folder), { recursive: true });
      const socketFile = path.join(socketDirectory(folder), '.s.PGSQL.5432');
      const crashed = spawn(process.execPath, ['-e', 'require("node:net").createServer().listen(process.argv[1], () => console.log("listening"))', socketFile]);
      await once(crashed.stdout, 'data');
      crashed.kill('SIGKILL');
      await once(crashed, 'exit');
      expect((await stat(socketFile)).isSocket()).toBe(true);
      const reopened = await openDatabase({ dataDir: folder });
      expect(await themeCount(reopened.db).catch(() => 'no themes table')).toBe('no themes table');
      await reopened.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
