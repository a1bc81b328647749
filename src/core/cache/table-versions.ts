/**
 * Tables' own versions (migrations/20261210_0900_table_versions.ts and 20261211_0900_more_table_versions.ts): a
 * number each transaction changing the table's rows raises once. What is derived from a few tables and kept in memory
 * (KeptPerVersion) is kept under their versions, so writes to other tables leave it kept. Read through one batched
 * query (core/db/batched-lookup.ts): the kinds of one search, and the searches arriving together, share a round trip,
 * and every reader learns versions read by a query sent after it asked, so as new as every commit before it, on any node.
 */
import { CompiledQuery } from 'kysely';
import { BatchedLookup } from '../db/batched-lookup.js';
import type { Executor } from '../db/database.js';

const readers = new WeakMap<Executor, BatchedLookup<string, number>>();

function readerOf(db: Executor): BatchedLookup<string, number> {
  let reader = readers.get(db);
  if (!reader) {
    reader = new BatchedLookup(async (names) => {
      const { rows } = await db.executeQuery<{ name: string; version: number | string }>(
        CompiledQuery.raw('select name, version from table_versions where name = any($1)', [names]),
      );
      return new Map(rows.map((row) => [row.name, Number(row.version)]));
    });
    readers.set(db, reader);
  }
  return reader;
}

/** The tables' current versions as one key ("events 12, instruments 7"), read by a query that starts no earlier than this call. */
export async function tableVersionsOf(db: Executor, tables: readonly string[]): Promise<string> {
  const reader = readerOf(db);
  const versions = await Promise.all(tables.map((table) => reader.find(table)));
  return tables
    .map((table, at) => {
      const version = versions[at];
      if (version === undefined) throw new Error(`The table version of ${table} is missing: run the migrations (better migrate)`);
      return `${table} ${version}`;
    })
    .join(', ');
}
