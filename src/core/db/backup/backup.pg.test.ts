/**
 * Backups between engines (a laptop's PGlite to a PostgreSQL server and back) and the snapshot a backup takes on a
 * PostgreSQL server that other connections keep writing to.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../seed.js';
import { getTranslator } from '../../i18n/i18n.js';
import { addAwkwardRows } from '../../testing/awkward-rows.js';
import { createTestDatabase } from '../../testing/database.js';
import { tableFingerprints } from '../../testing/fingerprints.js';
import { openDatabase, type DatabaseHandle } from '../database.js';
import { migrateToLatest } from '../migrate.js';
import { backupFromCli } from './cli.js';
import { backupLines, restoreBackup } from './restore.js';
import { writeBackup } from './write.js';

const t = (await getTranslator()).translate('en');
let folder: string;
const opened: DatabaseHandle[] = [];

async function pglite(): Promise<DatabaseHandle> {
  const handle = await openDatabase({});
  opened.push(handle);
  await migrateToLatest(handle.db);
  return handle;
}

async function postgres(): Promise<DatabaseHandle> {
  const handle = await createTestDatabase();
  opened.push(handle);
  return handle;
}

async function copy(from: DatabaseHandle, to: DatabaseHandle, name: string) {
  const file = path.join(folder, name);
  const written = await backupFromCli(from, file, t);
  expect(written.ok, written.message).toBe(true);
  const outcome = await restoreBackup(to, backupLines(createReadStream(file)), { replace: false, label: name });
  expect(outcome.ok).toBe(true);
  await sql`delete from audit_events where action = 'database.restore'`.execute(to.db);
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'better-backup-pg-'));
});

afterAll(async () => {
  await Promise.all(opened.map((handle) => handle.close()));
  await rm(folder, { recursive: true, force: true });
});

describe('a backup moved between engines', () => {
  it('goes from a laptop’s embedded database to a PostgreSQL server and back with every table unchanged', async () => {
    const laptop = await pglite();
    await seedDemo(laptop.db);
    await addAwkwardRows(laptop.db);
    const expected = await tableFingerprints(laptop.db);

    const server = await postgres();
    await copy(laptop, server, 'laptop-to-server.gz');
    expect(await tableFingerprints(server.db)).toEqual(expected);

    const backHome = await pglite();
    await copy(server, backHome, 'server-to-laptop.gz');
    expect(await tableFingerprints(backHome.db)).toEqual(expected);
  }, 180_000);
});

describe('a backup on a PostgreSQL server in use', () => {
  it('is one snapshot: rows committed by others while it runs are not in it', async () => {
    const server = await postgres();
    await seedDemo(server.db);
    const before = await tableFingerprints(server.db);
    const other = await openDatabase({ url: process.env.TEST_DATABASE_URL, schema: server.schema ?? '', poolSize: 1 });
    opened.push(other);
    const lines: string[] = [];
    await writeBackup(
      server.db,
      'postgres',
      async (backup) => {
        let written = false;
        for await (const line of backup) {
          lines.push(line);
          // Once the backup is under way, another connection adds a programme and an email and commits.
          if (!written && line.startsWith('["end"')) {
            written = true;
            await sql`insert into programmes (slug, acronym, title, starts_on, ends_on) values ('later', 'LATER', 'Added during the backup', '2027-01-01', '2028-01-01')`.execute(
              other.db,
            );
            await sql`insert into emails (kind, to_address, subject, body_text) values ('test', 'later@example.org', 'Added during the backup', '')`.execute(
              other.db,
            );
          }
        }
      },
      server.schema,
    );
    expect(lines.join('')).not.toContain('Added during the backup');

    const restored = await postgres();
    const outcome = await restoreBackup(
      restored,
      (async function* () {
        for (const line of lines) yield line.trimEnd();
      })(),
      { replace: false, label: 'snapshot' },
    );
    expect(outcome.ok).toBe(true);
    await sql`delete from audit_events where action = 'database.restore'`.execute(restored.db);
    expect(await tableFingerprints(restored.db)).toEqual(before);
  }, 120_000);
});
