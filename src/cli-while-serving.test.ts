/**
 * `better` commands while `better serve` runs on the embedded database: they work through the server's socket, the
 * server keeps answering, and commands that need the folder to themselves say so.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from './core/paths.js';

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

let folder: string;
let dataDir: string;
let server: ReturnType<typeof spawn>;
let baseUrl: string;
const title = 'Parking paid by phone, imported while the server runs';

function better(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  const child = spawn(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Requests the home page again and again until `work` ends; returns every status seen. */
async function pagesWhile(work: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void work.finally(() => (finished = true));
  const statuses: number[] = [];
  do statuses.push((await fetch(`${baseUrl}/`)).status);
  while (!finished);
  return statuses;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'better-cli-serve-'));
  dataDir = path.join(folder, 'data');
  server = spawn(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), 'serve', '--demo', '--port', '0'], {
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: server.stdout! }).on('line', (line) => {
      const address = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec((JSON.parse(line) as { msg?: string }).msg ?? '')?.[1];
      if (address) resolve(address);
    });
    server.once('exit', (code) => reject(new Error(`the server exited early with ${code}`)));
  });
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

describe('better commands while better serve runs on the embedded database', () => {
  it('better backup writes a whole backup through the server, whose pages answer during and after', async () => {
    const file = path.join(folder, 'while-serving.backup.gz');
    const backup = better(['backup', file]);
    const statuses = await pagesWhile(backup);
    const result = await backup;
    expect(result.stderr).toContain('works through its socket');
    const written = /^Backup written to .*: (\d+) tables, (\d+) rows/.exec(result.stdout);
    expect(written, result.stdout).not.toBeNull();
    expect(result.code).toBe(0);
    expect(statuses.every((status) => status === 200)).toBe(true);
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);

    const copy = await better(['restore', file], { DATA_DIR: path.join(folder, 'copy') });
    expect(copy.stdout).toContain('Restored');
    // Every table and row written is loaded into the copy.
    expect(copy.stdout).toContain(`${written?.[1]} tables, ${written?.[2]} rows`);
    expect(copy.code).toBe(0);
  }, 120_000);

  it('better import practices writes through the server, which shows the new practice at once', async () => {
    const csv = path.join(folder, 'practices.csv');
    await writeFile(csv, `title,owner_partner,language,status,summary,themes\n"${title}",Tartu,en,published,Pay for parking from a phone.,payments\n`);
    const imported = await better(['import', 'practices', csv]);
    expect(imported.stdout).toContain('imported: 1');
    expect(imported.code).toBe(0);
    // The library lists the newest first (a search would mark the words it found inside the title).
    const library = await fetch(`${baseUrl}/practices`);
    expect(await library.text()).toContain(title);
  }, 120_000);

  it('better restore and a second better serve refuse, saying which process holds the database and what to do', async () => {
    const [restore, secondServer] = await Promise.all([better(['restore', path.join(folder, 'while-serving.backup.gz'), '--replace', '--yes']), better(['serve', '--port', '0'])]);
    expect(restore.stderr).toMatch(/is open in better serve \(process \d+\)\. A restore replaces the whole database: stop that process first/);
    expect(restore.code).toBe(1);
    expect(secondServer.stderr).toContain('Wait for it to finish or stop it, or start this server with another DATA_DIR.');
    expect(secondServer.code).toBe(1);
  }, 120_000);

  it('keeps what the commands wrote once the server has stopped', async () => {
    const stopped = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await stopped).toBe(0);
    await expect(stat(path.join(dataDir, 'socket', '.s.PGSQL.5432'))).rejects.toThrow();
    const exported = await better(['export', 'practices']);
    expect(exported.stderr).not.toContain('socket');
    expect(exported.stdout).toContain(title);
  }, 120_000);
});
