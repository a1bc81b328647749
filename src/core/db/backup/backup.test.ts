/** `better backup` and `better restore` on the engine under test (PGlite in npm test, PostgreSQL in npm run test:pg). */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../seed.js';
import { getTranslator } from '../../i18n/i18n.js';
import { addAwkwardRows, awkwardText } from '../../testing/awkward-rows.js';
import { createTestDatabase } from '../../testing/database.js';
import { sequenceValues, tableFingerprints } from '../../testing/fingerprints.js';
import { dataVersionOf } from '../../cache/data-version.js';
import type { DatabaseHandle } from '../database.js';
import { applyMigrationsWithin, knownMigrations } from '../migrate.js';
import { backupFromCli } from './cli.js';
import { backupLines, restoreBackup } from './restore.js';

const t = (await getTranslator()).translate('en');
let folder: string;
let source: DatabaseHandle;
let backupFile: string;
const opened: DatabaseHandle[] = [];

async function database(options?: { migrated?: boolean }): Promise<DatabaseHandle> {
  const handle = await createTestDatabase(options);
  opened.push(handle);
  return handle;
}

function restore(target: DatabaseHandle, file = backupFile, replace = false) {
  return restoreBackup(target, backupLines(createReadStream(file)), { replace, label: path.basename(file) });
}

/** The target's fingerprints without the audit entry its restore added (checked by the caller). */
async function withoutRestoreEntry(target: DatabaseHandle) {
  await sql`delete from audit_events where action = 'database.restore'`.execute(target.db);
  return tableFingerprints(target.db);
}

async function rewrite(file: string, edit: (lines: string[]) => string[]): Promise<string> {
  const lines = gunzipSync(await readFile(backupFile))
    .toString('utf8')
    .trimEnd()
    .split('\n');
  const target = path.join(folder, file);
  await writeFile(target, gzipSync(`${edit(lines).join('\n')}\n`));
  return target;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'better-backup-'));
  source = await database();
  const seeded = await seedDemo(source.db);
  if (!seeded.ok) throw new Error('demo not loaded');
  await addAwkwardRows(source.db);
  backupFile = path.join(folder, 'demo.backup.gz');
  const written = await backupFromCli(source, backupFile, t);
  expect(written.ok, written.message).toBe(true);
}, 120_000);

afterAll(async () => {
  await Promise.all(opened.map((handle) => handle.close()));
  await rm(folder, { recursive: true, force: true });
});

describe('better backup then better restore', () => {
  let restored: Promise<{ target: DatabaseHandle; outcome: Awaited<ReturnType<typeof restore>> }> | undefined;
  /** One restore into a new database, shared by the tests that only read it. */
  function restoredCopy() {
    restored ??= database().then(async (target) => ({ target, outcome: await restore(target) }));
    return restored;
  }

  it('brings back every table with the same rows and content, and numbering goes on where it stopped', async () => {
    const { target, outcome } = await restoredCopy();
    expect(outcome.ok).toBe(true);
    const expected = await tableFingerprints(source.db);
    expect(outcome.ok && outcome.value).toMatchObject({
      tables: Object.keys(expected).length,
      rows: Object.values(expected).reduce((sum, table) => sum + table.rows, 0),
    });

    const restoreEntries = await sql<{
      action: string;
      after: { rows: number };
    }>`select action, after from audit_events where action = 'database.restore'`.execute(target.db);
    expect(restoreEntries.rows).toHaveLength(1);
    // The one legitimate difference: the restore records itself in the audit log (and so advances its numbering).
    const sequences = await sequenceValues(target.db);
    expect(await withoutRestoreEntry(target)).toEqual(expected);
    expect({ ...sequences, 'audit_events.id': null }).toEqual({ ...(await sequenceValues(source.db)), 'audit_events.id': null });
    expect(expected.plan_files?.rows).toBeGreaterThan(0);
    expect(expected.plan_file_chunks?.rows).toBeGreaterThan(expected.plan_files?.rows ?? 0);
    expect(expected.participation_totals?.rows).toBeGreaterThan(0);
  });

  it('keeps binary files byte for byte and awkward text as typed', async () => {
    const { target, outcome } = await restoredCopy();
    expect(outcome.ok).toBe(true);
    const contents = (db: DatabaseHandle['db']) =>
      sql<{ content: Uint8Array }>`select string_agg(c.content, ''::bytea order by c.position) as content
        from plan_files f join plan_file_chunks c on c.file_id = f.id where f.original_name like '%.pdf' group by f.id order by f.id`.execute(db);
    const files = await contents(target.db);
    const original = await contents(source.db);
    expect(files.rows.map((row) => Buffer.from(row.content).toString('base64'))).toEqual(
      original.rows.map((row) => Buffer.from(row.content).toString('base64')),
    );
    const practice = await sql<{ summary: string; keywords: string[] }>`select summary, keywords from practices order by id limit 1`.execute(target.db);
    expect(practice.rows[0]).toEqual({ summary: awkwardText, keywords: ['{brace}', 'comma, inside', '"quote"', 'NULL', 'back\\slash', ''] });
  });

  it('refuses a database that already holds data, and changes nothing in it', async () => {
    const target = await database();
    await seedDemo(target.db);
    const before = await tableFingerprints(target.db);
    expect(await restore(target)).toEqual({ ok: false, reason: 'not_empty' });
    expect(await tableFingerprints(target.db)).toEqual(before);
  });

  it('with --replace, replaces everything a database held by the backup', async () => {
    const target = await database();
    await seedDemo(target.db);
    await sql`insert into themes (code, names, position) values ('only-here', '{"en": "Only here"}', 99)`.execute(target.db);
    const versionBefore = await dataVersionOf(target.db);
    expect((await restore(target, backupFile, true)).ok).toBe(true);
    expect(await withoutRestoreEntry(target)).toEqual(await tableFingerprints(source.db));
    // Pages kept on a node before the restore were rendered at an older version: none of them may match again.
    expect(await dataVersionOf(target.db)).toBeGreaterThan(versionBefore);
  });

  it('refuses a backup from a newer version of BETTER and changes nothing', async () => {
    const newer = await rewrite('newer.gz', ([header, ...rest]) => {
      const [format, fields] = JSON.parse(header ?? '[]') as [string, { migrations: string[] }];
      return [JSON.stringify([format, { ...fields, migrations: [...fields.migrations, '20991231_0000_future'] }]), ...rest];
    });
    const target = await database();
    const before = await tableFingerprints(target.db);
    expect(await restore(target, newer)).toEqual({ ok: false, reason: 'newer_schema', migration: '20991231_0000_future' });
    expect(await tableFingerprints(target.db)).toEqual(before);
  });

  it('loads nothing from a damaged or cut-short file', async () => {
    const cut = await rewrite('cut.gz', (lines) => lines.slice(0, Math.floor(lines.length * 0.8)));
    const miscounted = await rewrite('miscounted.gz', (lines) =>
      lines.filter((line, index) => index !== lines.findIndex((candidate) => candidate.startsWith('{"id"'))),
    );
    const target = await database();
    const before = await tableFingerprints(target.db);
    expect(await restore(target, cut)).toMatchObject({ ok: false, reason: 'damaged', detail: 'the file ends before its last line' });
    expect(await restore(target, miscounted)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await tableFingerprints(target.db)).toEqual(before);
  });

  it('leaves a new, never migrated database as it was when the file turns out damaged: not even migrated', async () => {
    const cut = await rewrite('cut-for-new.gz', (lines) => lines.slice(0, Math.floor(lines.length * 0.8)));
    const target = await database({ migrated: false });
    expect(await restore(target, cut)).toMatchObject({ ok: false, reason: 'damaged' });
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
      target.db,
    );
    expect(tables.rows).toEqual([]);
  });

  it('says a file that is not a backup is not one', async () => {
    const notBackup = path.join(folder, 'practices.csv');
    await writeFile(notBackup, 'title,summary\nA,B\n');
    const target = await database();
    expect(await restore(target, notBackup)).toEqual({ ok: false, reason: 'not_backup' });
  });

  it('restores into a new, never migrated database: migrated to the backup’s version, then loaded', async () => {
    const target = await database({ migrated: false });
    const outcome = await restore(target);
    expect(outcome.ok && outcome.value.migratedAfter).toEqual([]);
    expect(await withoutRestoreEntry(target)).toEqual(await tableFingerprints(source.db));
  });
});

describe('a backup from an older version', () => {
  const older = knownMigrations.at(-2) ?? '';
  let file: Promise<string> | undefined;

  function olderBackup(): Promise<string> {
    file ??= writeOlderBackup();
    return file;
  }

  async function writeOlderBackup(): Promise<string> {
    const old = await database({ migrated: false });
    await old.db.transaction().execute((trx) => applyMigrationsWithin(trx, older, old.schema));
    await sql`insert into programmes (slug, acronym, title, starts_on, ends_on) values ('old', 'OLD', ${awkwardText}, '2024-01-01', '2026-12-31')`.execute(
      old.db,
    );
    const file = path.join(folder, 'older.gz');
    expect((await backupFromCli(old, file, t)).ok).toBe(true);
    return file;
  }

  it('is loaded at its own version into a new database, which is then brought up to date', async () => {
    const file = await olderBackup();
    const target = await database({ migrated: false });
    const outcome = await restore(target, file);
    expect(outcome.ok && outcome.value.migratedAfter).toEqual(knownMigrations.slice(-1));
    const programmes = await sql<{ title: string }>`select title from programmes`.execute(target.db);
    expect(programmes.rows).toEqual([{ title: awkwardText }]);
  });

  it('is refused by a database already at a later version, which stays as it was', async () => {
    const file = await olderBackup();
    const target = await database();
    const before = await tableFingerprints(target.db);
    expect(await restore(target, file)).toEqual({ ok: false, reason: 'database_ahead', database: knownMigrations.at(-1), backup: older });
    expect(await tableFingerprints(target.db)).toEqual(before);
  });
});
