/**
 * Real platform processes for the tests that need them (resilience on PostgreSQL, commands beside a running embedded
 * server): a scratch database of their own on the test server, `better` commands and `better serve` started as child
 * processes (as an operator runs them), and bounded waiting for what they do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { fromProjectRoot } from '../paths.js';

/** A database created for one test file, dropped (with any connection still open) at the end. */
export interface ScratchDatabase {
  name: string;
  url: string;
  /** Runs a statement on a short-lived connection of its own, so terminating the app's backends spares it. */
  query<R extends pg.QueryResultRow>(statement: string, values?: unknown[]): Promise<R[]>;
  /** Runs a statement on the server's own database, e.g. `alter database` on this one. */
  admin(statement: string): Promise<void>;
  /** Terminates every connection the app nodes hold to the database, as an administrator or a failover would. */
  terminateBackends(): Promise<number>;
  drop(): Promise<void>;
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const query = <R extends pg.QueryResultRow>(statement: string, values: unknown[] = []) =>
    onServer(serverUrl, async (client) => (await client.query<R>(statement, values)).rows);
  return {
    name,
    url: url.toString(),
    query: <R extends pg.QueryResultRow>(statement: string, values: unknown[] = []) =>
      onServer(url.toString(), async (client) => (await client.query<R>(statement, values)).rows),
    admin: async (statement) => {
      await query(statement);
    },
    async terminateBackends() {
      // The call stays in the select list: in the where clause the planner may run it before the filter on datname.
      const rows = await query<{ terminated: boolean }>('select pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1', [name]);
      return rows.filter((row) => row.terminated).length;
    },
    drop: async () => {
      await query(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A port free at this moment on the loopback interface, for a process that cannot report the one it took (nginx). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface LogLine {
  msg?: string;
  level?: number;
  err?: unknown;
  signal?: string;
  [key: string]: unknown;
}

export interface BetterNode {
  url: string;
  /** host:port, as a load balancer names it. */
  address: string;
  child: ChildProcess;
  logs: LogLine[];
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  running(): boolean;
}

function cli(args: string[], env: NodeJS.ProcessEnv, stderr: 'inherit' | 'pipe' = 'inherit'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fromProjectRoot('src', 'cli.ts'), ...args], {
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', stderr],
  });
}

export interface FinishedCommand {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a `better` command to its end and gives its exit code and everything it wrote. */
export function better(args: string[], env: NodeJS.ProcessEnv): Promise<FinishedCommand> {
  const child = cli(args, env, 'pipe');
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs a `better` command to its end (e.g. `seed --demo`) and fails unless it succeeds. */
export async function runBetter(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { code, stderr } = await better(args, env);
  if (code !== 0) throw new Error(`better ${args.join(' ')} exited with ${code}: ${stderr}`);
}

const children = new Set<ChildProcess>();

/** Starts `better serve` on a port of its own and resolves once it listens (its info log line says where). */
export async function startNode(env: NodeJS.ProcessEnv, args: string[] = []): Promise<BetterNode> {
  const child = cli(['serve', '--port', '0', ...args], { ...env, LOG_LEVEL: 'info' });
  children.add(child);
  const logs: LogLine[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      let entry: LogLine;
      try {
        entry = JSON.parse(line) as LogLine;
      } catch {
        entry = { msg: line };
      }
      logs.push(entry);
      const address = /^Server listening at http:\/\/(127\.0\.0\.1:\d+)$/.exec(entry.msg ?? '')?.[1];
      if (address) resolve(address);
    });
    void exited.then((code) => reject(new Error(`the node exited with ${code} before listening`)));
  });
  const address = await listening;
  return { url: `http://${address}`, address, child, logs, exited, running: () => child.exitCode === null && child.signalCode === null };
}

/** Kills every node a test started that still runs, even one that never came up. */
export async function killNodes(): Promise<void> {
  const running = [...children].filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGKILL')))));
}

/** Polls until `condition` holds, for at most `seconds`; a bound for the test, not a measurement. */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, seconds = 30): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
