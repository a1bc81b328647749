/**
 * Runs a platform node: opens the database, migrates it, optionally loads the demo, serves HTTP and runs the
 * background worker; on SIGTERM or SIGINT it stops taking requests, finishes those in flight and closes cleanly.
 */
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Config } from './core/config/config.js';
import type { DatabaseHandle, OpenDatabaseOptions } from './core/db/database.js';
import { startEngineThread } from './core/db/embedded-thread.js';

export function databaseOptions(config: Config): OpenDatabaseOptions {
  return {
    url: config.database.url,
    dataDir: config.database.dataDir,
    poolSize: config.database.poolSize,
    preparedStatements: config.database.preparedStatements,
  };
}

export async function openMigratedDatabase(config: Config, options: Pick<OpenDatabaseOptions, 'embedded' | 'thread'> = {}): Promise<DatabaseHandle> {
  // Imported here rather than up front, so that `serve` can start PGlite's thread before they load.
  const [{ openDatabase }, { migrateToLatest }] = await Promise.all([import('./core/db/database.js'), import('./core/db/migrate.js')]);
  const database = await openDatabase({ ...databaseOptions(config), ...options });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function serve(config: Config): Promise<FastifyInstance> {
  // The database opens while the modules load, rather than after: each is about half of a restart. PGlite runs on a
  // thread of its own, so its queries run while this thread renders pages; the thread starts before anything else
  // loads, as opening the folder is the longest step (docs/performance/start.md, "Restart in 2 s").
  const thread = config.database.url ? undefined : startEngineThread(config.database.dataDir);
  // openDatabase awaits it; until then a failure to open must not count as an unhandled rejection.
  thread?.catch(() => undefined);
  const [database, { backgroundTasks, buildApp, prepareModules }, { seedDemo }, { startWorker }] = await Promise.all([
    openMigratedDatabase(config, { embedded: 'worker', ...(thread ? { thread } : {}) }),
    import('./app.js'),
    import('./seed.js'),
    import('./core/jobs/worker.js'),
  ]);
  const app = await buildApp({ config, database });
  void database.thread?.failure.then((err) => app.log.error({ err }, 'the embedded database stopped: requests fail until the server is restarted'));
  if (config.demo) {
    const seeded = await seedDemo(database.db);
    app.log.info(seeded.ok ? { demo: seeded.value } : { demo: 'database already has data; demo not loaded' }, 'demo mode');
  }
  const worker = startWorker(backgroundTasks(app), config.workerPollMs, app.log);
  await app.listen({ host: config.host, port: config.port });
  app.log.info({ url: config.publicUrl, database: database.kind }, 'BETTER is ready');
  // Readiness does not wait for the modules' preparing, so a restart takes no longer (docs/performance/start.md).
  void prepareModules(app);

  // Order matters: stop taking requests and let those in flight finish (handlers of clients that gave up
  // included), then stop the worker, then close the database they all use. Whatever still runs after 10 s is cut off.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'stopping after an uncaught error');
    else app.log.info({ signal }, 'stopping');
    await app.close();
    await app.handlersInFlight.settled();
    await worker.stop();
    await database.close();
  });
  return app;
}
