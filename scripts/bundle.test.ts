/**
 * The bundled CLI, which `better` and `npm start` run, serves the platform: bundled from the compiled tree that npm ci
 * (or npm run build) wrote, into a folder of its own, then started on a fresh embedded database with the demo. The
 * PGlite thread's entry must be found beside the chunk that starts it, and the lazily loaded parts must be chunks.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromProjectRoot } from '../src/core/paths.js';
import { bundle } from './bundle.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'better-bundle-'));
// Inside the project, where the bundle's packages resolve from node_modules as the real one's do.
const outdir = fromProjectRoot('dist', `bundle-test-${process.pid}`);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outdir, { recursive: true, force: true });
});

describe('the bundled CLI', () => {
  it('is a few files that start the server, which answers pages from the embedded database', async () => {
    await bundle(fromProjectRoot(), outdir);
    const files = readdirSync(outdir).filter((file) => file.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['cli.js', 'embedded-worker.js']));
    expect(files.length).toBeLessThan(100);

    // On the embedded database whatever the suite runs on: the PGlite thread is what the bundle must find.
    const { DATABASE_URL: _server, ...environment } = process.env;
    const server = spawn(process.execPath, [path.join(outdir, 'cli.js'), 'serve', '--demo', '--port', '0'], {
      env: { ...environment, DATA_DIR: path.join(scratch, 'data'), HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (listening?.[1] && output.includes('BETTER is ready')) resolve(listening[1]);
        });
        server.once('exit', (code) => reject(new Error(`The bundled server exited with ${code}: ${output}`)));
      });
      expect((await fetch(`${address}/readyz`)).status).toBe(200);
      const events = await fetch(`${address}/events`, { headers: { accept: 'text/html' } });
      expect(events.status).toBe(200);
      expect(await events.text()).toContain('<h1');
    } finally {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    }
  }, 120_000);
});
