/**
 * Opens the platform's PostgreSQL database: a real server when DATABASE_URL is set, otherwise PGlite
 * (PostgreSQL compiled to WebAssembly, in this process) with its files under DATA_DIR. Both speak the same SQL,
 * run the same migrations and return values of the same JavaScript types.
 */
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type Transaction } from 'kysely';
import pg from 'pg';
import { openEmbeddedEngine } from './embedded-engine.js';
import { SharedSessionDialect } from './embedded-session.js';
import { socketDirectory, socketUrl } from './embedded-socket.js';
import { startEngineThread, type EngineThread } from './embedded-thread.js';
import { DatabaseUnreachableError } from './errors.js';
import { kyselyPool } from './pool.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** Write functions take a Tx, never a Db, so a write outside a transaction does not type-check. */
export type Tx = Transaction<Database>;
/** What a read runs on: a bare connection or the transaction it is part of (a write still asks for a Tx). */
export type Executor = Db | Tx;
/**
 * The exception, named so it stays visible: a write made outside any transaction on purpose, for bookkeeping nothing
 * refers to yet (an upload's pending file, stored one chunk per statement so the embedded database is never held for a
 * whole file; see decisions.md, "Evidence is stored in chunks").
 */
export type OutsideTransaction = Db;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /**
   * The embedded engine in this thread, for maintenance a SQL client cannot do (dumping the data folder to build the
   * tests' template); absent on PostgreSQL and when PGlite runs on a thread of its own.
   */
  pglite?: PGlite;
  /** PGlite's own thread, when it runs on one: its `failure` settles if it crashes. */
  thread?: Pick<EngineThread, 'failure' | 'terminate'>;
  /** The PostgreSQL schema worked in, when it is not the default one (tests). */
  schema?: string;
}

const OID = { int8: 20, date: 1082, numeric: 1700, int8Array: 1016, dateArray: 1182, numericArray: 1231, textArray: 1009 } as const;

/**
 * Both drivers read bigint as a JS number (ids and counts stay far below 2^53) and dates as 'YYYY-MM-DD' strings:
 * turning a date into a JS Date would shift it by the server's time zone.
 */
const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (value) => Number(value),
  [OID.date]: (value) => value,
  [OID.numeric]: (value) => Number(value),
};

/**
 * node-postgres reads arrays with parsers of its own, where PGlite applies the ones above to each element: the same
 * values in arrays too, elements of numeric arrays read as numbers and of text arrays as strings.
 */
const postgresArrayParsers: Record<number, (value: string) => unknown> = {
  [OID.int8Array]: postgresParser(OID.numericArray),
  [OID.dateArray]: postgresParser(OID.textArray),
};

/** node-postgres's own parser of a type's text form. */
function postgresParser(oid: number): (value: string) => unknown {
  return pg.types.getTypeParser(oid) as (value: string) => unknown;
}

export interface OpenDatabaseOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** Postgres only: the schema to work in (tests use a fresh schema per file). */
  schema?: string;
  /** Postgres only: run parameterised queries as named prepared statements (default true; see pool.ts). */
  preparedStatements?: boolean;
  /** PGlite only: start from this dump of a data directory instead of a folder on disk. */
  loadDataDir?: Blob;
  /**
   * PGlite only: run it on this thread (the default: tests and commands), or on a thread of its own reached through
   * the data folder's socket (the server: queries run beside page rendering instead of between). A thread needs
   * `dataDir`.
   */
  embedded?: 'in-process' | 'worker';
  /** With `embedded: 'worker'`: the thread, when the caller has started it already (the server, before it loads the rest). */
  thread?: Promise<EngineThread>;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.schema, options.preparedStatements ?? true);
  if (options.embedded === 'worker') {
    if (!options.dataDir || options.loadDataDir) throw new Error('The embedded database runs on a thread of its own only on a data folder');
    return openPgliteThread(options.dataDir, options.thread ?? startEngineThread(options.dataDir));
  }
  return openPglite(options.dataDir, options.loadDataDir);
}

/** The longest a statement may run; a request also waits at most this long for a free connection of its node. */
const statementTimeoutMs = 30_000;

/**
 * A client that gives up connecting after 5 s, so an unreachable server fails the request (a 503) instead of letting
 * it wait for the OS's TCP timeout. The pool's own `connectionTimeoutMillis` also bounds the wait for a free client in
 * its queue, and at 5 s a healthy node under load answered 503 and failed its readiness check; pg-pool builds each
 * client with `new Client(options)`, so this class keeps the short bound for connecting alone.
 */
class ClientConnectingWithin5Seconds extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: 5_000 });
  }
}

function openPostgres(url: string, poolSize: number, schema: string | undefined, preparedStatements: boolean): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: kyselyPool(postgresPool(url, poolSize, schema), { preparedStatements }) }) });
  return { db, kind: 'postgres', close: () => db.destroy(), ...(schema ? { schema } : {}) };
}

function postgresPool(url: string, poolSize: number, schema: string | undefined): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'better',
    statement_timeout: statementTimeoutMs,
    Client: ClientConnectingWithin5Seconds,
    connectionTimeoutMillis: statementTimeoutMs,
    // An idle connection stays open: pg-pool closes idle ones after 10 s by default, and the first page after a quiet
    // spell then opened its connections afresh and prepared its statements again on each (61–139 ms for a page taking
    // 18–44 ms on kept connections, docs/performance/search.md). Connections that die are still replaced (pool.ts),
    // and each is replaced after 30 minutes, so none outlives a failover's or a migration's effects for long.
    min: poolSize,
    maxLifetimeSeconds: 1_800,
    // Keep-alive probes after a minute of quiet notice a connection whose server vanished without closing it, and keep
    // NAT gateways and load balancers (which drop a connection idle for 4–6 minutes) from dropping a kept one.
    keepAlive: true,
    keepAliveInitialDelayMillis: 60_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const shared = sharedParsers[oid] ?? postgresArrayParsers[oid];
        return shared ?? (pg.types.getTypeParser(oid, format) as (value: string) => unknown);
      }) as typeof pg.types.getTypeParser,
    },
  });
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  const engine = await openEmbeddedEngine({ dataDir, loadDataDir, parsers: sharedParsers });
  const db = new Kysely<Database>({ dialect: new SharedSessionDialect(engine.pglite) });
  const close = async () => {
    await engine.releaseFolder();
    await db.destroy();
  };
  return { db, kind: 'pglite', close, pglite: engine.pglite };
}

/**
 * Connections through the folder's socket to PGlite on its thread. Four of them: PGlite runs one statement at a time,
 * and the next statements waiting in the thread keep it busy while this thread reads an answer (see
 * docs/performance/embedded-thread.md for the measurement). Unnamed statements only: named ones would stay in the session
 * every connection shares.
 */
const threadPoolSize = 4;

async function openPgliteThread(dataDir: string, starting: Promise<EngineThread>): Promise<DatabaseHandle> {
  const thread = await starting;
  const pool = kyselyPool(postgresPool(socketUrl(socketDirectory(dataDir)), threadPoolSize, undefined), { preparedStatements: false });
  // Once the thread has crashed, its socket is dead or, worse, another process has claimed the folder since: no
  // connection is attempted, so every query and the readiness check fail.
  let failed: Error | undefined;
  void thread.failure.then((error) => (failed = error));
  const guarded: PostgresPool = { connect: () => (failed ? Promise.reject(new DatabaseUnreachableError(failed)) : pool.connect()), end: () => pool.end() };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guarded }) });
  const close = async () => {
    await db.destroy();
    await thread.close();
  };
  return { db, kind: 'pglite', close, thread };
}
