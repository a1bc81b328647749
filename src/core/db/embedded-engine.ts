/**
 * Opens the embedded engine on a data folder: claims the folder (embedded-socket.ts), starts PGlite on it and relays
 * the folder's socket to it. The same steps whether PGlite runs on the caller's thread or on a thread of its own
 * (embedded-worker.ts).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { claimDataDir, type DataDirClaim } from './embedded-socket.js';

export interface EmbeddedEngine {
  pglite: PGlite;
  /** Ends relayed connections and frees the folder; PGlite is closed after it by whoever uses it. */
  releaseFolder(): Promise<void>;
}

export interface EmbeddedEngineOptions {
  /** The folder claimed and opened; without it, PGlite runs in memory and nothing is claimed. */
  dataDir?: string | undefined;
  /** Start from this dump of a data directory (in memory) instead of a folder on disk. */
  loadDataDir?: Blob | undefined;
  parsers?: PGliteOptions['parsers'];
}

/**
 * PostgreSQL's shared buffers: 32 MB rather than its 128 MB. PGlite zeroes the whole shared memory at every open
 * (WebAssembly has no lazily zeroed mapping), which was a third of opening a loaded folder; the demo's database is
 * 14 MB, and a page beyond the buffers is read from the operating system's cache (docs/performance/start.md).
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export async function openEmbeddedEngine({ dataDir, loadDataDir, parsers }: EmbeddedEngineOptions): Promise<EmbeddedEngine> {
  let location: string | undefined;
  let claim: DataDirClaim | undefined;
  if (dataDir && !loadDataDir) {
    location = path.resolve(dataDir, 'pglite');
    await mkdir(path.dirname(location), { recursive: true });
    // Throws EmbeddedDatabaseInUse when another process has the folder open (see embedded-socket.ts).
    claim = await claimDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    // One options object: PGlite ignores the second argument when the first (the folder) is undefined.
    pglite = new PGlite({ ...(location ? { dataDir: location } : {}), startParams, ...(parsers ? { parsers } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
    await pglite.waitReady;
  } catch (error) {
    await claim?.release();
    throw error;
  }
  claim?.serve(pglite);
  return { pglite, releaseFolder: async () => await claim?.release() };
}
