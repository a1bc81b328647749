/**
 * The data version every writing transaction raises (migrations/20261208_0800_data_version.ts), read the cheap way:
 * one small query answers every request that arrived before it was sent. A request waits for a read that *starts*
 * after it arrived — never for one already on its way, which may have left before the write the visitor just made
 * committed — so what it learns is at least as new as every commit that preceded it, on any node.
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from '../db/database.js';

const readVersion = CompiledQuery.raw('select version from data_version');

export async function dataVersionOf(db: Executor): Promise<number> {
  const { rows } = await db.executeQuery<{ version: number | string }>(readVersion);
  const version = rows[0]?.version;
  if (version === undefined) throw new Error('The data_version row is missing: run the migrations (better migrate)');
  return Number(version);
}

export class DataVersionReader {
  #inFlight: Promise<number> | null = null;
  #queued: Promise<number> | null = null;

  constructor(private readonly read: () => Promise<number>) {}

  /** The current version, read by a query that starts no earlier than this call. */
  current(): Promise<number> {
    if (!this.#inFlight) return this.#start();
    // Callbacks run in the order they were added: #start's own clean-up first, then this next read.
    this.#queued ??= this.#inFlight.then(
      () => this.#startQueued(),
      () => this.#startQueued(),
    );
    return this.#queued;
  }

  #startQueued(): Promise<number> {
    this.#queued = null;
    return this.#start();
  }

  #start(): Promise<number> {
    const reading = this.read();
    this.#inFlight = reading;
    const settle = () => {
      if (this.#inFlight === reading) this.#inFlight = null;
    };
    reading.then(settle, settle);
    return reading;
  }
}
