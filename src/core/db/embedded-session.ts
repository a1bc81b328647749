/**
 * PGlite runs one PostgreSQL session. This process's queries and the command-line connections relayed by the
 * embedded socket (embedded-socket.ts) share it by taking turns on one lock, a statement or a whole transaction at a
 * time, so nobody's statement ever runs inside somebody else's transaction.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Mutex, MutexInterface } from 'async-mutex';
import type { DatabaseConnection, Driver, TransactionSettings } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { sessionLock } from './session-lock.js';

/**
 * Kysely's PGlite dialect with each connection (one statement, or a transaction from BEGIN to COMMIT) holding the
 * session lock: the dialect sends BEGIN and COMMIT as separate statements, and PGlite's own mutex is released between
 * them, so without the lock a relayed statement could land inside the app's transaction.
 */
export class SharedSessionDialect extends PGliteDialect {
  readonly #lock: Mutex;

  constructor(pglite: PGlite) {
    super(pglite);
    this.#lock = sessionLock(pglite);
  }

  override createDriver(): Driver {
    return new SharedSessionDriver(super.createDriver(), this.#lock);
  }
}

class SharedSessionDriver implements Driver {
  #release: MutexInterface.Releaser | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly lock: Mutex,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.lock.acquire();
    try {
      const connection = await this.inner.acquireConnection();
      this.#release = release;
      return connection;
    } catch (error) {
      release();
      throw error;
    }
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    try {
      await this.inner.releaseConnection(connection);
    } finally {
      const release = this.#release;
      this.#release = undefined;
      release?.();
    }
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
