/** The cheapest round trip to the database, asked by the readiness check: it throws when the database does not answer. */
import { sql } from 'kysely';
import type { Db } from './database.js';

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
