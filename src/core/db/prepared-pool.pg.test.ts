/** Parameterised queries run as named prepared statements on PostgreSQL, so each is planned once per connection. */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.js';

const url = process.env.TEST_DATABASE_URL as string;
const handles: DatabaseHandle[] = [];
afterAll(async () => Promise.all(handles.map((handle) => handle.close())));

async function preparedOnConnection(handle: DatabaseHandle): Promise<string[]> {
  const rows = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(handle.db);
  return rows.rows.map((row) => row.statement);
}

describe('prepared statements', () => {
  it('prepares a parameterised query once and reuses it, and leaves statements without parameters alone', async () => {
    const handle = await openDatabase({ url, poolSize: 1 });
    handles.push(handle);
    const marker = `marker_${randomBytes(4).toString('hex')}`;
    for (let run = 0; run < 3; run += 1) await sql`select ${marker}::text as value`.execute(handle.db);
    await sql.raw(`select '${marker}_raw'`).execute(handle.db);
    const prepared = (await preparedOnConnection(handle)).filter((statement) => statement.includes('::text as value'));
    expect(prepared).toHaveLength(1);
    expect((await preparedOnConnection(handle)).some((statement) => statement.includes(`${marker}_raw`))).toBe(false);
  });

  it('can be turned off for connection poolers that do not support them', async () => {
    const handle = await openDatabase({ url, poolSize: 1, preparedStatements: false });
    handles.push(handle);
    await sql`select ${'unprepared'}::text as value_off`.execute(handle.db);
    expect((await preparedOnConnection(handle)).some((statement) => statement.includes('value_off'))).toBe(false);
  });

  it('gives the same answers as unprepared queries', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const direct = await client.query<{ n: number }>('select $1::int + 1 as n', [41]);
    await client.end();
    const handle = await openDatabase({ url, poolSize: 1 });
    handles.push(handle);
    const viaPool = await sql<{ n: number }>`select ${41}::int + 1 as n`.execute(handle.db);
    expect(viaPool.rows[0]?.n).toBe(direct.rows[0]?.n);
  });
});
