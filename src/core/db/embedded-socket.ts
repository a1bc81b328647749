/**
 * One process at a time opens an embedded data folder (PGlite takes no lock of its own: two processes on one folder
 * silently lose each other's writes). The process that opens it listens on a Unix socket inside DATA_DIR, owner-only,
 * and relays the PostgreSQL protocol to its PGlite session; every other `better` command finds the socket taken and
 * connects through it with the ordinary PostgreSQL driver instead. The listening socket doubles as the lock: the
 * kernel frees it when the process ends, however it ends.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { MutexInterface } from 'async-mutex';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { sessionLock } from './session-lock.js';

/** The file name PostgreSQL clients look for in a socket directory (port 5432). */
const socketName = '.s.PGSQL.5432';
/** Linux and macOS cap a socket's path at 108 and 104 bytes, terminator included. */
const maxSocketPath = 103;

const startupCodes = { ssl: 80877103, gssEncryption: 80877104, cancel: 80877102 } as const;
/** A Sync message: ends an extended-query exchange left unfinished by a client that went away. */
const syncMessage = Uint8Array.of(0x53, 0, 0, 0, 4);

export function socketDirectory(dataDir: string): string {
  return path.resolve(dataDir, 'socket');
}

interface Holder {
  pid: number;
  command: string;
}

/** The data folder is open in another process: the message names it, and commands can work through its socket. */
export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly socketDirectory: string,
    readonly holder: Holder | undefined,
  ) {
    super(
      `The embedded database in ${path.dirname(socketDirectory)} is in use by ${holder ? `${holder.command} (process ${holder.pid})` : 'another process'}.`,
    );
  }
}

export interface DataDirClaim {
  /** Starts relaying connections to the opened database; connections made before wait for it. */
  serve(pglite: PGlite): void;
  /** Ends relayed connections (rolling back what they left open), stops listening and frees the folder. */
  release(): Promise<void>;
}

/** Takes the data folder for this process, or throws EmbeddedDatabaseInUse when a live process holds it. */
export async function claimDataDir(dataDir: string): Promise<DataDirClaim> {
  const directory = socketDirectory(dataDir);
  const socketPath = path.join(directory, socketName);
  if (Buffer.byteLength(socketPath) > maxSocketPath) {
    throw new Error(`DATA_DIR is too deep for the embedded database's socket (${socketPath} is over ${maxSocketPath} bytes): use a shorter path.`);
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // The folder, not only the socket, is owner-only: nobody else can reach the socket between listen and chmod.
  await chmod(directory, 0o700);

  let database: PGlite | undefined;
  const clients = new Set<net.Socket>();
  const relays = new Set<Promise<void>>();
  const start = (socket: net.Socket, pglite: PGlite) => {
    const done: Promise<void> = relay(socket, pglite).finally(() => relays.delete(done));
    relays.add(done);
  };
  const server = net.createServer((socket) => {
    clients.add(socket.once('close', () => clients.delete(socket)));
    if (database) start(socket, database);
    else socket.pause();
  });
  await listenOrDetectHolder(server, socketPath, directory);
  await chmod(socketPath, 0o600);
  const holderFile = path.join(directory, 'holder.json');
  await writeFile(holderFile, JSON.stringify({ pid: process.pid, command: commandOfThisProcess() } satisfies Holder), { mode: 0o600 });

  return {
    serve(pglite) {
      database = pglite;
      for (const socket of clients) start(socket.resume(), pglite);
    },
    async release() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of clients) socket.destroy();
      await Promise.all(relays);
      await closed;
      await rm(holderFile, { force: true });
    },
  };
}

async function listenOrDetectHolder(server: net.Server, socketPath: string, directory: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, () => {
          server.off('error', reject);
          resolve();
        });
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 0) throw error;
      if (await answers(socketPath)) throw new EmbeddedDatabaseInUse(directory, await readHolder(directory));
      // Left by a process that ended without cleaning up: nobody listens any more.
      await rm(socketPath, { force: true });
    }
  }
}

/** 'better serve', 'better import practices': how an operator recognises the process in the message. */
function commandOfThisProcess(): string {
  const options = process.argv.slice(2).findIndex((word) => word.startsWith('-'));
  return ['better', ...process.argv.slice(2, options === -1 ? undefined : 2 + options).slice(0, 2)].join(' ');
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

async function readHolder(directory: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await readFile(path.join(directory, 'holder.json'), 'utf8')) as Partial<Holder>;
    return typeof holder.pid === 'number' && typeof holder.command === 'string' ? { pid: holder.pid, command: holder.command } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Relays one client's PostgreSQL protocol messages to the session. The session lock is taken with the client's first
 * message and kept until PGlite answers ReadyForQuery outside a transaction (after a Sync, a simple Query or the
 * startup), so an extended-query exchange or a transaction runs whole. Resolves once the client is gone and the
 * session is handed back as the client found it: rolled back if it left a transaction open, and with whatever else it
 * left in the session (its settings, prepared statements, cursors, temporary tables, LISTENs) discarded.
 */
function relay(socket: net.Socket, pglite: PGlite): Promise<void> {
  const lock = sessionLock(pglite);
  let release: MutexInterface.Releaser | undefined;
  let buffered = Buffer.alloc(0);
  let started = false;
  let turn = Promise.resolve();
  let leaving: Promise<void> | undefined;

  const handBack = () => {
    release?.();
    release = undefined;
  };
  const run = async (message: Uint8Array, endsExchange: boolean) => {
    release ??= await lock.acquire();
    if (socket.destroyed) return;
    // PGlite hands out views of its WebAssembly memory, reused by the next output: copy before queueing the write.
    await pglite.runExclusive(() => pglite.execProtocolRawStream(message, { onRawData: (data) => void socket.write(Buffer.from(data)) }));
    if (endsExchange && !pglite.isInTransaction()) handBack();
  };
  const enqueue = (message: Uint8Array, endsExchange: boolean) => {
    turn = turn.then(() => run(message, endsExchange)).catch(() => void socket.destroy());
  };
  // Once, when the client says goodbye or its socket closes. A `SET timezone`, a prepared statement or a temporary
  // table would otherwise stay in PGlite's one session and change what the server's own queries do and see; DISCARD
  // ALL resets all of it (and runs only outside a transaction, hence after the rollback). Asked for at the goodbye
  // itself, the lock comes before any statement the server sends once the client has gone.
  const leave = () => {
    leaving ??= turn
      .then(async () => {
        if (!started) return;
        release ??= await lock.acquire();
        await pglite.runExclusive(() => pglite.execProtocolRaw(syncMessage));
        if (pglite.isInTransaction()) await pglite.runExclusive(() => pglite.execProtocolRaw(simpleQuery('ROLLBACK')));
        await pglite.runExclusive(() => pglite.execProtocolRaw(simpleQuery('DISCARD ALL')));
      })
      .catch(() => undefined)
      .finally(handBack);
    return leaving;
  };

  socket.on('data', (chunk: Buffer) => {
    if (leaving) return;
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (!started) {
        if (buffered.length < 8) return;
        const length = buffered.readInt32BE(0);
        const code = buffered.readInt32BE(4);
        if (code === startupCodes.ssl || code === startupCodes.gssEncryption) {
          // No encryption on a local socket: 'N' tells the client to go on in the clear.
          buffered = buffered.subarray(8);
          socket.write('N');
          continue;
        }
        if (code === startupCodes.cancel || buffered.length < length) {
          if (code === startupCodes.cancel) socket.destroy();
          return;
        }
        started = true;
        enqueue(Uint8Array.from(buffered.subarray(0, length)), true);
        buffered = buffered.subarray(length);
        continue;
      }
      if (buffered.length < 5) return;
      const length = 1 + buffered.readInt32BE(1);
      if (buffered.length < length) return;
      const type = String.fromCharCode(buffered[0] ?? 0);
      const message = Uint8Array.from(buffered.subarray(0, length));
      buffered = buffered.subarray(length);
      if (type === 'X') {
        socket.end();
        void leave();
        return;
      }
      enqueue(message, type === 'S' || type === 'Q');
    }
  });
  socket.on('error', () => socket.destroy());

  return new Promise<void>((resolve) => socket.once('close', () => void leave().then(resolve)));
}

function simpleQuery(text: string): Uint8Array {
  const body = Buffer.from(`${text}\0`, 'utf8');
  const message = Buffer.alloc(5 + body.length);
  message.write('Q', 0, 'latin1');
  message.writeInt32BE(4 + body.length, 1);
  body.copy(message, 5);
  return message;
}

/** A connection string reaching the embedded database through the socket of the process that holds it. */
export function socketUrl(directory: string): string {
  return `postgres://postgres@localhost/postgres?host=${encodeURIComponent(directory)}`;
}
