/** The migration sequence: complete, ordered, and safe to run twice. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../migrations/index.js';
import { fromProjectRoot } from '../paths.js';
import { migrateToLatest } from './migrate.js';
import { useTestDatabase } from '../testing/world.js';

const database = useTestDatabase();

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts, in date order', () => {
    const files = readdirSync(fromProjectRoot('migrations'))
      .filter((file) => /^\d{8}_\d{4}_[a-z0-9_]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });

  it('applies nothing the second time', async () => {
    expect(await migrateToLatest(database.db, database.schema)).toEqual({ applied: [] });
  });

  it('generates a cookie secret long enough to sign cookies', async () => {
    const row = await database.db.selectFrom('app_settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirstOrThrow();
    expect(row.value).toMatch(/^[0-9a-f]{64}$/);
  });
});
