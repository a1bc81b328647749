/**
 * The lock on an embedded database's session, held from the start of a statement or transaction to its end: this
 * process's queries (embedded-session.ts) and the relayed connections (embedded-socket.ts) take turns on it. A module
 * of its own so that PGlite's thread, which only relays, does not load Kysely (a tenth of a second of a restart).
 */
import type { PGlite } from '@electric-sql/pglite';
import { Mutex } from 'async-mutex';

const locks = new WeakMap<PGlite, Mutex>();

export function sessionLock(pglite: PGlite): Mutex {
  let lock = locks.get(pglite);
  if (!lock) {
    lock = new Mutex();
    locks.set(pglite, lock);
  }
  return lock;
}
