/**
 * `better backup` and `better restore` at volume: the demo plus generated registrations (half with feedback) and
 * evidence files of random bytes (as incompressible as real PDFs), backed up and restored with the commands' own code,
 * reported with the database's size. On PGlite also the home page's latency while `better backup` runs in another
 * process through the server's socket: pages wait while the backup's snapshot transaction holds the one session.
 * No target: the figures go to docs/operations.md.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { storeEvidenceFile } from '../src/core/testing/awkward-rows.js';
import { backupFromCli } from '../src/core/db/backup/cli.js';
import { backupLines, restoreBackup } from '../src/core/db/backup/restore.js';
import { openDatabase, type DatabaseHandle } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { getTranslator } from '../src/core/i18n/i18n.js';
import { fromProjectRoot } from '../src/core/paths.js';
import { seedDemo } from '../src/seed.js';
import { freshDatabase, percentile, startServer, timeRequests, type BenchDatabase, type FreshDatabase } from './support.js';

export interface BackupBenchOptions {
  registrations: number;
  files: number;
}

const mb = (bytes: number) => Number((bytes / 1_000_000).toFixed(1));

/** Runs `work` with the process's resident memory sampled every 10 ms (on PGlite it includes the engine's own). */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakExtraMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const value = await work();
    return { value, seconds: (performance.now() - started) / 1000, peakExtraMb: (Math.max(peak, process.memoryUsage().rss) - before) / 1_000_000 };
  } finally {
    clearInterval(sampler);
  }
}

async function loadVolume(handle: DatabaseHandle, options: BackupBenchOptions): Promise<void> {
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  const chunk = 100_000;
  for (let start = 0; start < options.registrations; start += chunk) {
    const end = Math.min(options.registrations, start + chunk);
    await sql`
      insert into registrations (event_id, status, name, email, helix, role, locale, consent_at, token_hash, attended_at)
      select e.ids[1 + g % cardinality(e.ids)], 'registered', 'Person ' || g, 'person' || g || '@example.org', 'business', 'citizen', 'en', now(), 'bench-' || g, now()
      from generate_series(${start + 1}::int, ${end}::int) g, (select array_agg(id order by id) as ids from events) e`.execute(handle.db);
  }
  await sql`insert into feedback (registration_id, satisfaction, usefulness, capacity_increased)
    select id, 1 + id % 5, 1 + id % 4, id % 3 <> 0 from registrations where token_hash like 'bench-%' and id % 2 = 0`.execute(handle.db);
  const plan = await handle.db.selectFrom('plans').select('id').orderBy('id').executeTakeFirstOrThrow();
  for (let file = 0; file < options.files; file += 1) {
    const content = randomBytes(1_000_000);
    await storeEvidenceFile(handle.db, plan.id, `evidence-${file}.pdf`, content);
  }
}

async function databaseBytes(handle: DatabaseHandle): Promise<number> {
  const { rows } = await sql<{ bytes: number }>`
    select sum(pg_total_relation_size(c.oid))::bigint as bytes from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'`.execute(handle.db);
  return rows[0]?.bytes ?? 0;
}

/** The home page one request at a time while `better backup` runs in its own process through the server's socket. */
async function pagesDuringBackup(fresh: FreshDatabase, port: number, file: string): Promise<{ before: number[]; during: number[]; seconds: number }> {
  const server = await startServer(fresh.env, port, { demo: false });
  try {
    const before = await timeRequests(server.baseUrl, ['/'], 30);
    const started = performance.now();
    const backup = spawn(process.execPath, [fromProjectRoot('bin', 'better.js'), 'backup', file], { env: { ...process.env, ...fresh.env }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => backup.once('exit', resolve));
    let finished = false;
    void exited.then(() => (finished = true));
    const during: number[] = [];
    while (!finished) {
      const begun = performance.now();
      await (await fetch(`${server.baseUrl}/`)).text();
      during.push(performance.now() - begun);
    }
    if ((await exited) !== 0) throw new Error('better backup failed while the server ran');
    return { before, during: during.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
  } finally {
    await server.stop();
  }
}

export async function benchBackup(database: BenchDatabase, port: number, options: BackupBenchOptions): Promise<boolean> {
  const t = (await getTranslator()).translate('en');
  const folder = await mkdtemp(path.join(tmpdir(), 'better-bench-backup-'));
  const fresh = await freshDatabase(database, 'backup');
  const target = await freshDatabase(database, 'restore');
  try {
    const source = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
    const file = path.join(folder, 'bench.backup.gz');
    let size: number;
    let backup: { seconds: number; peakExtraMb: number };
    try {
      await loadVolume(source, options);
      size = await databaseBytes(source);
      const run = await measured(() => backupFromCli(source, file, t));
      if (!run.value.ok) throw new Error(run.value.message);
      console.log(run.value.message);
      backup = run;
    } finally {
      await source.close();
    }
    const fileBytes = (await stat(file)).size;

    const restored = await openDatabase({ url: target.url, dataDir: target.dataDir });
    let restore: { seconds: number; peakExtraMb: number };
    try {
      const run = await measured(() => restoreBackup(restored, backupLines(createReadStream(file)), { replace: false, label: 'bench' }));
      if (!run.value.ok) throw new Error(`restore refused: ${run.value.reason}`);
      restore = run;
    } finally {
      await restored.close();
    }
    const perGb = (seconds: number) => Number(((seconds * 1e9) / size).toFixed(1));
    const timed = (measure: string, run: { seconds: number; peakExtraMb: number }) => ({
      database,
      measure,
      seconds: Number(run.seconds.toFixed(1)),
      's per GB of database': perGb(run.seconds),
      'peak extra memory MB': Math.round(run.peakExtraMb),
    });
    console.table([
      { database, measure: 'database (tables and indexes)', MB: mb(size) },
      { database, measure: 'backup file (gzip)', MB: mb(fileBytes) },
      timed('better backup', backup),
      timed('better restore into an empty database', restore),
    ]);

    if (database === 'pglite') {
      const pages = await pagesDuringBackup(fresh, port, path.join(folder, 'while-serving.backup.gz'));
      const row = (label: string, samples: number[]) => ({
        database,
        measure: label,
        requests: samples.length,
        'p50 ms': Number(percentile(samples, 0.5).toFixed(1)),
        'max ms': Number((samples.at(-1) ?? 0).toFixed(1)),
      });
      console.table([row('/ before', pages.before), row(`/ while better backup runs through the socket (${pages.seconds.toFixed(1)} s)`, pages.during)]);
    }
    return true;
  } finally {
    await fresh.drop();
    await target.drop();
    await rm(folder, { recursive: true, force: true });
  }
}
