/**
 * Each platform table's row count and a checksum of its whole content (generated columns included) computed in SQL,
 * and each identity sequence's last value: what a backup round trip must leave unchanged.
 */
import { sql } from 'kysely';
import { platformTables, sequenceLastValue } from '../db/backup/format.js';
import type { Db } from '../db/database.js';

export interface Fingerprint {
  rows: number;
  md5: string;
}

export async function tableFingerprints(db: Db): Promise<Record<string, Fingerprint>> {
  return db.transaction().execute(async (trx) => {
    // The text of a timestamptz depends on the session's time zone; fix it so two servers compare alike.
    await sql`select set_config('timezone', 'UTC', true), set_config('extra_float_digits', '1', true)`.execute(trx);
    const fingerprints: Record<string, Fingerprint> = {};
    for (const table of await platformTables(trx)) {
      const order = sql.join((table.primaryKey.length > 0 ? table.primaryKey : table.columns).map((column) => sql.ref(`t.${column}`)));
      const { rows } = await sql<Fingerprint>`
        select count(*)::int as rows, md5(coalesce(string_agg(md5(t::text), '' order by ${order}), '')) as md5
        from ${sql.table(table.name)} t`.execute(trx);
      fingerprints[table.name] = rows[0] ?? { rows: 0, md5: '' };
    }
    return fingerprints;
  });
}

export async function sequenceValues(db: Db): Promise<Record<string, string | null>> {
  const values: Record<string, string | null> = {};
  for (const table of await platformTables(db)) {
    for (const column of table.identityColumns) {
      values[`${table.name}.${column}`] = await sequenceLastValue(db, table.name, column);
    }
  }
  return values;
}
