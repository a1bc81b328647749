/**
 * npm run bench — load test of a real server on loopback with autocannon (10 s, 50 connections per URL by default):
 * /healthz, the home page and a partner page, on the embedded PGlite database and, when DATABASE_URL is set, on
 * PostgreSQL too. Prints requests/s and p99 latency per URL and checks the foundation's targets:
 * the partner page reaches at least a tenth of /healthz's requests/s, with p99 under 50 ms.
 *
 *   npm run bench                      # PGlite (and PostgreSQL if DATABASE_URL is set)
 *   npm run bench -- --duration 5 --connections 20 --database pglite
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fromProjectRoot } from '../src/core/paths.js';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    database: { type: 'string' },
  },
});
const duration = Number(options.duration);
const connections = Number(options.connections);

interface Measurement {
  database: string;
  path: string;
  requestsPerSecond: number;
  p99: number;
  errors: number;
}

async function waitUntilReady(baseUrl: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The server did not become ready in 60 s');
}

async function measure(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, pipelining: 1 });
}

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [fromProjectRoot('bin', 'better.js'), 'serve', '--demo', '--port', String(port)], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUntilReady(`http://127.0.0.1:${port}`, server);
  return server;
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

/** A fresh database on the PostgreSQL server for the run, so the demo is loaded into an empty one. */
async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `better_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  return {
    url: benchUrl.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function partnerPath(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/partners`)).text();
  const id = /href="\/partners\/(\d+)">Tartu City Government</.exec(html)?.[1];
  if (!id) throw new Error('The demo partner Tartu was not found');
  return `/partners/${id}`;
}

async function runOn(database: 'pglite' | 'postgres', port: number): Promise<Measurement[]> {
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  if (database === 'postgres') {
    const fresh = await freshPostgresDatabase(process.env.DATABASE_URL as string);
    env = { DATABASE_URL: fresh.url };
    cleanup = () => fresh.drop();
  } else {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'better-bench-'));
    env = { DATABASE_URL: '', DATA_DIR: dataDir };
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  }
  const server = await startServer(env, port);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const paths = ['/healthz', '/', await partnerPath(baseUrl)];
    const results: Measurement[] = [];
    for (const target of paths) {
      await measure(`${baseUrl}${target}`, 2); // warm-up: JIT, caches, connection pool
      const result = await measure(`${baseUrl}${target}`, duration);
      results.push({ database, path: target, requestsPerSecond: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx });
    }
    return results;
  } finally {
    await stop(server);
    await cleanup();
  }
}

const databases: ('pglite' | 'postgres')[] = options.database ? [options.database as 'pglite' | 'postgres'] : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
console.log(`BETTER foundation benchmark: ${duration} s per URL, ${connections} connections, Node ${process.version}\n`);
let failed = false;
for (const [index, database] of databases.entries()) {
  const results = await runOn(database, 3900 + index);
  console.table(results.map((result) => ({ database: result.database, path: result.path, 'requests/s': Math.round(result.requestsPerSecond), 'p99 ms': result.p99, errors: result.errors })));
  const health = results[0] as Measurement;
  const partner = results[2] as Measurement;
  const ratio = partner.requestsPerSecond / health.requestsPerSecond;
  const verdict = ratio >= 0.1 && partner.p99 < 50 && partner.errors === 0;
  failed ||= !verdict;
  console.log(
    `${database}: partner page at ${(ratio * 100).toFixed(1)}% of /healthz (target ≥ 10%), p99 ${partner.p99} ms (target < 50 ms): ${verdict ? 'target met' : 'TARGET MISSED'}\n`,
  );
}
process.exitCode = failed ? 1 : 0;
