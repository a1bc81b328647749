/** The migration sequence: complete, ordered, and safe to run twice. */
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
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

  it('raises the data version on a write to any table but those no page shows (core/cache)', async () => {
    const untracked = ['data_version', 'sessions', 'sign_in_throttle', 'kysely_migration', 'kysely_migration_lock'];
    const { rows } = await sql<{ table: string; triggers: string[] }>`
      select c.relname as table, array(select t.tgname::text from pg_trigger t where t.tgrelid = c.oid and t.tgname like 'better_data_%' order by 1) as triggers
      from pg_class c where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') order by 1
    `.execute(database.db);
    const missing = rows.filter((row) => !untracked.includes(row.table) && row.triggers.join() !== 'better_data_changed,better_data_truncated');
    // A migration that creates a table calls `select better_track_data_changes('its_table')`.
    expect(missing.map((row) => row.table)).toEqual([]);
    expect(rows.length).toBeGreaterThan(60);
  });

  it('generates a cookie secret long enough to sign cookies', async () => {
    const row = await database.db.selectFrom('app_settings').select('value').where('key', '=', 'cookie_secret').executeTakeFirstOrThrow();
    expect(row.value).toMatch(/^[0-9a-f]{64}$/);
  });
});
