/**
 * Runs the embedded database on a thread of its own (the server's mode): PGlite executes queries there while this
 * thread renders pages, so a two-core machine uses both. The thread claims the data folder and relays its socket
 * (embedded-socket.ts); this thread reaches the database through that socket like any other `better` command.
 */
import { Worker } from 'node:worker_threads';
import { EmbeddedDatabaseInUse } from './embedded-socket.js';

export interface EngineThreadData {
  dataDir: string;
}

/** What the thread posts: once opened, or why it could not open; and once closed, when asked to close. */
export type EngineThreadMessage =
  { ready: true } | { failed: unknown } | { inUse: { socketDirectory: string; holder: EmbeddedDatabaseInUse['holder'] } } | { closed: true };

export interface EngineThread {
  /** Settles when the thread ends without having been asked to (a crash): the database is gone. */
  failure: Promise<Error>;
  /** Ends relayed connections, frees the folder, closes PGlite and waits for the thread to end. */
  close(): Promise<void>;
  /** Stops the thread at once, as a crash would: nothing is released (tests of what follows a crash). */
  terminate(): Promise<void>;
}

/**
 * The compiled tree runs the thread's JavaScript as is. From the sources (tests, `tsx`), the thread first registers
 * tsx, as a thread does not inherit its parent's module hooks, then imports the TypeScript.
 */
function spawn(data: EngineThreadData): Worker {
  // The process's arguments, so the holder file names the command ('better serve') as it would on this thread.
  const options = { workerData: data, argv: process.argv.slice(2) };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./embedded-worker.js', import.meta.url), options);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./embedded-worker.ts', import.meta.url).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); })`, { ...options, eval: true });
}

/** Starts the thread and resolves once it has the folder open, or throws what kept it from opening it. */
export async function startEngineThread(dataDir: string): Promise<EngineThread> {
  const worker = spawn({ dataDir });
  let closing = false;
  let running = true;
  let crash: unknown;
  worker.on('error', (error) => (crash = error));
  const exited = new Promise<number>((resolve) => worker.once('exit', resolve)).finally(() => (running = false));
  const ended = (code: number) =>
    crash instanceof Error ? crash : new Error(`The embedded database's thread ended unexpectedly (exit code ${code})`, { cause: crash });
  const next = () =>
    new Promise<EngineThreadMessage>((resolve, reject) => {
      worker.once('message', resolve);
      void exited.then((code) => reject(ended(code)));
    });

  const opened = await next();
  if ('inUse' in opened) throw new EmbeddedDatabaseInUse(opened.inUse.socketDirectory, opened.inUse.holder);
  if ('failed' in opened) throw opened.failed;
  return {
    failure: new Promise((resolve) => void exited.then((code) => closing || resolve(ended(code)))),
    async close() {
      // After a crash there is nothing left to close.
      if (closing || !running) return;
      closing = true;
      const closed = next();
      worker.postMessage('close');
      await closed;
      await exited;
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
