/**
 * The database's current snapshot (`pg_current_snapshot()`): two reads under the same snapshot see the same committed
 * data in every table, and only a transaction that writes (and so takes a transaction id) changes it. A value derived
 * from the data can therefore be kept and served as long as the snapshot read before deriving it is still current:
 * exact, whichever node or process wrote, and whether or not the write went through the application.
 */
import { sql } from 'kysely';
import type { Executor } from './database.js';

export async function currentSnapshot(db: Executor): Promise<string> {
  const { rows } = await sql<{ snapshot: string }>`select pg_current_snapshot()::text as snapshot`.execute(db);
  const snapshot = rows[0]?.snapshot;
  if (snapshot === undefined) throw new Error('The database gave no snapshot');
  return snapshot;
}
