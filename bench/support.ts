/** What every benchmark needs: a real server on loopback, a fresh database per run, and load from autocannon. */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { fromProjectRoot } from '../src/core/paths.js';

export type BenchDatabase = 'pglite' | 'postgres';

export interface LoadOptions {
  duration: number;
  connections: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  /** From every measured response's time (autocannon's own percentiles skip the 95th). */
  p95: number;
  p99: number;
  errors: number;
}

/** A database for one run: a new database on the PostgreSQL server, or a new PGlite data folder. */
export interface FreshDatabase {
  /** The environment a server (or openDatabase) needs to use it. */
  env: NodeJS.ProcessEnv;
  url: string | undefined;
  dataDir: string | undefined;
  drop(): Promise<void>;
}

export async function freshDatabase(kind: BenchDatabase, label: string): Promise<FreshDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), `better-bench-${label}-`));
    return { env: { DATABASE_URL: '', DATA_DIR: dataDir }, url: undefined, dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is needed to benchmark on PostgreSQL');
  const name = `better_bench_${label}_${process.pid}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`drop database if exists ${name}`);
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, url: url.toString(), dataDir: undefined, drop: () => run(`drop database if exists ${name} with (force)`) };
}

/** Polls /readyz every 100 ms until `done` holds for its answer (within 60 s); `what` names it in the error. */
async function waitUntilReady(
  baseUrl: string,
  server: ChildProcess,
  what: string,
  done: (answer: { status?: string; prepared?: boolean }) => boolean,
): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok && done((await response.json()) as { status?: string; prepared?: boolean })) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The server did not ${what} in 60 s`);
}

export interface RunningServer {
  baseUrl: string;
  /** The server's process id, to read its memory. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The built server (dist/) in its own process, as in production; `--demo` loads the demo into an empty database.
 * `readySeconds` is the time from starting the process to /readyz answering 200 (polled every 100 ms). Unless
 * `prepared` is false, it then waits until /readyz says the modules have read what they keep in memory (the search
 * index), so that reading does not compete with what a benchmark measures.
 */
export async function startServer(
  env: NodeJS.ProcessEnv,
  port: number,
  options: { demo: boolean; prepared?: boolean },
): Promise<RunningServer & { readySeconds: number }> {
  const args = [fromProjectRoot('bin', 'better.js'), 'serve', '--port', String(port), ...(options.demo ? ['--demo'] : [])];
  const started = performance.now();
  const server = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(baseUrl, server, 'become ready', () => true);
  const readySeconds = (performance.now() - started) / 1000;
  if (options.prepared !== false) await waitUntilReady(baseUrl, server, 'prepare its modules (see its log)', (answer) => answer.prepared === true);
  return {
    baseUrl,
    pid: server.pid as number,
    readySeconds,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Bare Fastify answering {"hello":"world"} in a process of its own, as the platform's server runs: the ceiling every
 * page's requests per second are reported as a share of, measured in the same run because absolute figures on shared
 * machines move by 2× from one run to the next.
 */
export async function startBareFastify(port: number): Promise<RunningServer> {
  const code = `import Fastify from 'fastify';
const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: ${port}, host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
console.log('ready');`;
  const server = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: fromProjectRoot(), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.once('data', () => resolve());
    server.once('exit', (code) => reject(new Error(`Bare Fastify exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: server.pid as number,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Load on a server: a 2 s warm-up (JIT, caches, connection pool), then the measured run. With several paths,
 * the requests cycle through them, so a page is measured over varied inputs rather than one cached answer.
 */
export async function load(baseUrl: string, paths: string[], options: LoadOptions, headers: Record<string, string> = {}): Promise<LoadResult> {
  let next = 0;
  const requests = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: paths[next++ % paths.length] as string }) }];
  const responseTimes: number[] = [];
  const run = (duration: number) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon({ url: baseUrl, connections: options.connections, duration, pipelining: 1, requests, headers }, (error, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => responseTimes.push(responseTime));
    });
  await run(2);
  responseTimes.length = 0;
  const result = await run(options.duration);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p95: percentile(
      responseTimes.sort((a, b) => a - b),
      0.95,
    ),
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** The value below which the given share of the sorted samples lie (nearest rank). */
export function percentile(sortedSamples: number[], share: number): number {
  if (sortedSamples.length === 0) return Number.NaN;
  const rank = Math.min(sortedSamples.length - 1, Math.max(0, Math.ceil(share * sortedSamples.length) - 1));
  return sortedSamples[rank] as number;
}

/** A process's resident memory (Linux), in megabytes. */
export async function residentMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

/** Requests one at a time, so the figure is the page's own latency, not a queue's. */
export async function timeRequests(baseUrl: string, paths: string[], rounds: number): Promise<number[]> {
  for (const path of paths) await (await fetch(`${baseUrl}${path}`)).text(); // warm-up
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const path of paths) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path}`);
      await response.text();
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      samples.push(performance.now() - started);
    }
  }
  return samples.sort((a, b) => a - b);
}

/** One line of a latency table: the sorted samples' median, 95th percentile and slowest, in milliseconds. */
export function latencyRow(database: BenchDatabase, measure: string, sortedSamples: number[]) {
  return {
    database,
    measure,
    'p50 ms': Number(percentile(sortedSamples, 0.5).toFixed(1)),
    'p95 ms': Number(percentile(sortedSamples, 0.95).toFixed(1)),
    'max ms': Number((sortedSamples.at(-1) ?? 0).toFixed(1)),
  };
}

/** One line of a table under load: requests per second, as a share of bare Fastify in the same run, and latencies. */
export function loadRow(database: BenchDatabase, bare: LoadResult, result: LoadResult & { path: string }) {
  return {
    database,
    path: result.path,
    'requests/s': Math.round(result.requestsPerSecond),
    'share of bare': `${((result.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)} %`,
    'p50 ms': result.p50,
    'p99 ms': result.p99,
    errors: result.errors,
  };
}

/** The demo accounts' password (modules/accounts/seed.ts), for benchmarks that sign in. */
export const demoPassword = 'better-demo-password';

/** Signs in through the form as a browser would, and answers the cookie header of the session. */
export async function signIn(baseUrl: string, email: string): Promise<string> {
  const form = await fetch(`${baseUrl}/sign-in`);
  const cookies = new Map(form.headers.getSetCookie().map((cookie) => (cookie.split(';')[0] as string).split('=') as [string, string]));
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const answer = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    body: new URLSearchParams({ _csrf: token, email, password: demoPassword, next: '' }).toString(),
  });
  if (answer.status !== 303) throw new Error(`Signing in as ${email} answered ${answer.status}`);
  for (const cookie of answer.headers.getSetCookie()) {
    const [name, value] = (cookie.split(';')[0] as string).split('=') as [string, string];
    cookies.set(name, value);
  }
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}
