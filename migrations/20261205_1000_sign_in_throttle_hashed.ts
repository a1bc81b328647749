/**
 * Sign-in counters name accounts and addresses by keyed hashes from now on. Existing rows held email and IP addresses
 * in clear: they are deleted (the counters start over once, at the upgrade). `account_hash` lets erasure remove a
 * person's counters. Columns are only added, so nodes of the previous release keep working during a rolling upgrade.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from sign_in_throttle`.execute(db);
  await sql`alter table sign_in_throttle add column account_hash text`.execute(db);
  await sql`create index sign_in_throttle_by_account on sign_in_throttle (account_hash) where account_hash is not null`.execute(db);
}
