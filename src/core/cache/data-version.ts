/**
 * The data version every writing transaction raises (migrations/20261208_0800_data_version.ts), read the cheap way:
 * one small query answers every request that arrived before it was sent (those of one turn of the event loop, or of
 * the time two reads were on their way). A request waits for a read that *starts* after it arrived — never for one
 * already on its way, which may have left before the write the visitor just made committed — so what it learns is at
 * least as new as every commit that preceded it, on any node (the batching of core/db/batched-lookup.ts, with one key).
 */
import { CompiledQuery } from 'kysely';
import { BatchedLookup } from '../db/batched-lookup.js';
import type { Executor } from '../db/database.js';

const readVersion = CompiledQuery.raw('select version from data_version');

export async function dataVersionOf(db: Executor): Promise<number> {
  const { rows } = await db.executeQuery<{ version: number | string }>(readVersion);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error('The data_version row is missing: run the migrations (better migrate)');
  return Number(version);
}

/** The current version, one read shared by the requests that arrive while another read is on its way. */
export class DataVersionReader {
  readonly #reads: BatchedLookup<'version', number>;

  constructor(read: () => Promise<number>) {
    this.#reads = new BatchedLookup(async () => new Map([['version' as const, await read()]]));
  }

  /** The current version, read by a query that starts no earlier than this call. */
  async current(): Promise<number> {
    const version = await this.#reads.find('version');
    if (version === undefined) throw new Error('The data version was not read');
    return version;
  }
}
