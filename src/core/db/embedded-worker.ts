/**
 * The embedded database's thread (started by embedded-thread.ts): opens PGlite on the data folder, claims the folder
 * and relays its socket; on 'close', frees the folder and closes PGlite, after which the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEmbeddedEngine } from './embedded-engine.js';
import { EmbeddedDatabaseInUse } from './embedded-socket.js';
import type { EngineThreadData, EngineThreadMessage } from './embedded-thread.js';

const port = parentPort;
if (!port) throw new Error('embedded-worker.ts runs as a worker thread');
const post = (message: EngineThreadMessage) => port.postMessage(message);
const { dataDir } = workerData as EngineThreadData;

try {
  const engine = await openEmbeddedEngine({ dataDir });
  port.once('message', () => {
    // A failure here is the thread's uncaught error: the parent's close rejects with it.
    void (async () => {
      await engine.releaseFolder();
      await engine.pglite.close();
      post({ closed: true });
      port.close();
    })();
  });
  post({ ready: true });
} catch (error) {
  // The class of an error does not cross threads: the one callers tell apart is rebuilt on the other side.
  post(error instanceof EmbeddedDatabaseInUse ? { inUse: { socketDirectory: error.socketDirectory, holder: error.holder } } : { failed: error });
}
