/** A real node started by the CLI: it creates and migrates the embedded database, serves, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fromProjectRoot } from './core/paths.js';

const folders: string[] = [];
afterAll(async () => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

describe('better serve', () => {
  it('starts on a new data folder with the demo, answers, and exits 0 on SIGTERM after finishing', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'better-serve-'));
    folders.push(dataDir);
    const server = spawn(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), 'serve', '--demo', '--port', '0'], {
      env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const messages: { msg?: string; url?: string; signal?: string; module?: string }[] = [];
    const listening = new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout }).on('line', (line) => {
        const message = JSON.parse(line) as { msg?: string };
        messages.push(message);
        const address = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(message.msg ?? '')?.[1];
        if (address) resolve(address);
      });
      server.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const baseUrl = await listening;
    const home = await fetch(`${baseUrl}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Tartu City Government');
    expect(messages.some((message) => message.msg === 'demo mode')).toBe(true);
    // The modules read what they keep in memory (the search index, the library's catalogue) without waiting for a request.
    const prepared = () => messages.filter((message) => message.msg === 'module prepared').map((message) => message.module);
    await vi.waitFor(() => expect(prepared().sort()).toEqual(['practices', 'search']), { timeout: 10_000 });

    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(messages.some((message) => message.msg === 'stopping' && message.signal === 'SIGTERM')).toBe(true);
  });
});
