/**
 * `better` commands while `better serve` runs on the embedded database (on a thread of its own, which serves the
 * socket): they work through the server's socket, the server keeps answering, and commands that need the folder to
 * themselves say so.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { better, killNodes, startNode, type BetterNode } from './core/testing/nodes.js';

let folder: string;
let dataDir: string;
let server: BetterNode;

/** A command on the server's data folder (or another, through `env`). */
function command(args: string[], env: NodeJS.ProcessEnv = {}) {
  return better(args, { DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env });
}

/** Imports one published practice through the running server; its title tells the tests' practices apart. */
async function importPractice(title: string): Promise<void> {
  const csv = path.join(folder, `${title.replaceAll(' ', '-')}.csv`);
  await writeFile(csv, `title,owner_partner,language,status,summary,themes\n"${title}",Tartu,en,published,Pay for parking from a phone.,payments\n`);
  const imported = await command(['import', 'practices', csv]);
  expect(imported.stdout).toContain('imported: 1');
  expect(imported.code).toBe(0);
}

/** Requests the home page again and again until `work` ends; returns every status seen. */
async function pagesWhile(work: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void work.finally(() => (finished = true));
  const statuses: number[] = [];
  do statuses.push((await fetch(`${server.url}/`)).status);
  while (!finished);
  return statuses;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'better-cli-serve-'));
  dataDir = path.join(folder, 'data');
  server = await startNode({ DATA_DIR: dataDir, DATABASE_URL: '' }, ['--demo']);
}, 120_000);

afterAll(async () => {
  await killNodes();
  await rm(folder, { recursive: true, force: true });
});

describe('better commands while better serve runs on the embedded database', () => {
  it('better backup writes a whole backup through the server, whose pages answer during and after', async () => {
    const file = path.join(folder, 'while-serving.backup.gz');
    const backup = command(['backup', file]);
    const statuses = await pagesWhile(backup);
    const result = await backup;
    expect(result.stderr).toContain('works through its socket');
    const written = /^Backup written to .*: (\d+) tables, (\d+) rows/.exec(result.stdout);
    expect(written, result.stdout).not.toBeNull();
    expect(result.code).toBe(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await fetch(`${server.url}/`)).status).toBe(200);

    const copy = await command(['restore', file], { DATA_DIR: path.join(folder, 'copy') });
    expect(copy.stdout).toContain('Restored');
    // Every table and row written is loaded into the copy.
    expect(copy.stdout).toContain(`${written?.[1]} tables, ${written?.[2]} rows`);
    expect(copy.code).toBe(0);
  }, 120_000);

  it('better import practices writes through the server, which shows the new practice at once', async () => {
    const title = 'Parking paid by phone, imported while the server runs';
    await importPractice(title);
    // The library lists the newest first (a search would mark the words it found inside the title).
    const library = await fetch(`${server.url}/practices`);
    expect(await library.text()).toContain(title);
  }, 120_000);

  it('better export practices reads through the server what the server wrote', async () => {
    const exported = command(['export', 'practices']);
    const statuses = await pagesWhile(exported);
    const result = await exported;
    expect(result.stderr).toContain('works through its socket');
    expect(result.stdout).toContain('Parking paid by phone, imported while the server runs');
    expect(result.code).toBe(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
  }, 120_000);

  it('better restore and a second better serve refuse, saying which process holds the database and what to do', async () => {
    // Refused before the file is read: any file will do.
    const file = path.join(folder, 'never-read.backup.gz');
    await writeFile(file, 'not read');
    const [restore, secondServer] = await Promise.all([command(['restore', file, '--replace', '--yes']), command(['serve', '--port', '0'])]);
    expect(restore.stderr).toMatch(/is open in better serve \(process \d+\)\. A restore replaces the whole database: stop that process first/);
    expect(restore.code).toBe(1);
    expect(secondServer.stderr).toContain('Wait for it to finish or stop it, or start this server with another DATA_DIR.');
    expect(secondServer.code).toBe(1);
  }, 120_000);

  // Stops the server the other tests use, so it comes last.
  it('keeps what a command wrote once the server has stopped', async () => {
    const title = 'Parking paid by phone, kept after the server stopped';
    await importPractice(title);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await expect(stat(path.join(dataDir, 'socket', '.s.PGSQL.5432'))).rejects.toThrow();
    await expect(stat(path.join(dataDir, 'socket', 'holder.json'))).rejects.toThrow();
    const exported = await command(['export', 'practices']);
    expect(exported.stderr).not.toContain('socket');
    expect(exported.stdout).toContain(title);
  }, 120_000);
});
