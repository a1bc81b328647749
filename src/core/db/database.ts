/**
 * Opens the platform's PostgreSQL database: a real server when DATABASE_URL is set, otherwise PGlite
 * (PostgreSQL compiled to WebAssembly, in this process) with its files under DATA_DIR. Both speak the same SQL,
 * run the same migrations and return values of the same JavaScript types.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { kyselyPool } from './pool.js';
import { SharedSessionDialect } from './embedded-session.js';
import { claimDataDir, type DataDirClaim } from './embedded-socket.js';
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
  /** The embedded engine, for maintenance a SQL client cannot do (dumping the data folder); absent on PostgreSQL. */
  pglite?: PGlite;
  /** The PostgreSQL schema worked in, when it is not the default one (tests). */
  schema?: string;
}

const OID = { int8: 20, date: 1082, numeric: 1700 } as const;

/**
 * Both drivers read bigint as a JS number (ids and counts stay far below 2^53) and dates as 'YYYY-MM-DD' strings:
 * turning a date into a JS Date would shift it by the server's time zone.
 */
const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: (value) => Number(value),
  [OID.date]: (value) => value,
  [OID.numeric]: (value) => Number(value),
};

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
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, options.schema, options.preparedStatements ?? true);
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
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'better',
    statement_timeout: statementTimeoutMs,
    Client: ClientConnectingWithin5Seconds,
    connectionTimeoutMillis: statementTimeoutMs,
    // Keep-alive probes notice a connection whose server vanished without closing it.
    keepAlive: true,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        const shared = sharedParsers[oid];
        return shared ?? (pg.types.getTypeParser(oid, format) as (value: string) => unknown);
      }) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: kyselyPool(pool, { preparedStatements }) }) });
  return { db, kind: 'postgres', close: () => db.destroy(), ...(schema ? { schema } : {}) };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<DatabaseHandle> {
  let location: string | undefined;
  let claim: DataDirClaim | undefined;
  if (dataDir && !loadDataDir) {
    location = path.resolve(dataDir, 'pglite');
    await mkdir(path.dirname(location), { recursive: true });
    // Throws EmbeddedDatabaseInUse when another process has the folder open (see embedded-socket.ts).
    claim = await claimDataDir(dataDir);
  }
  let client: PGlite;
  try {
    // One options object: PGlite ignores the second argument when the first (the folder) is undefined.
    client = new PGlite({ ...(location ? { dataDir: location } : {}), parsers: sharedParsers, ...(loadDataDir ? { loadDataDir } : {}) });
    await client.waitReady;
  } catch (error) {
    await claim?.release();
    throw error;
  }
  claim?.serve(client);
  const db = new Kysely<Database>({ dialect: new SharedSessionDialect(client) });
  const close = async () => {
    await claim?.release();
    await db.destroy();
  };
  return { db, kind: 'pglite', close, pglite: client };
}
