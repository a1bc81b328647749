/** Several app nodes starting at once against one PostgreSQL database: each migration is applied exactly once. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.js';
import { openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

const url = process.env.TEST_DATABASE_URL as string;
const schema = `test_nodes_${randomBytes(4).toString('hex')}`;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

afterAll(async () => admin(`drop schema if exists ${schema} cascade`));

describe('concurrent start-up', () => {
  it('applies the migrations once when four nodes migrate at the same moment', async () => {
    await admin(`create schema ${schema}`);
    const nodes = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url, schema, poolSize: 2 })));
    const reports = await Promise.all(nodes.map((node) => migrateToLatest(node.db, schema)));
    const applied = reports.flatMap((report) => report.applied);
    expect(applied).toEqual(Object.keys(migrations));
    await Promise.all(nodes.map((node) => node.close()));
  });
});
