/**
 * How a `better` command other than serve reaches the database: directly, or — when a running server (or another
 * command) has the embedded data folder open — through that process's socket, saying so on standard error.
 */
import type { Config } from './core/config/config.js';
import { openDatabase, type DatabaseHandle } from './core/db/database.js';
import { EmbeddedDatabaseInUse, socketUrl } from './core/db/embedded-socket.js';
import { migrateToLatest } from './core/db/migrate.js';
import type { Translate } from './core/i18n/i18n.js';
import { openMigratedDatabase } from './server.js';

export async function openDatabaseForCommand(config: Config, t: Translate): Promise<DatabaseHandle> {
  try {
    return await openMigratedDatabase(config);
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseInUse)) throw error;
    console.error(t('database.throughSocket', { holder: holderOf(error, t), socket: error.socketDirectory }));
    // One connection, as PGlite has one session; no named prepared statements, which would outlive this command in
    // the session it shares with the server.
    const database = await openDatabase({ url: socketUrl(error.socketDirectory), poolSize: 1, preparedStatements: false });
    try {
      await migrateToLatest(database.db);
    } catch (migrationError) {
      await database.close();
      throw migrationError;
    }
    return { ...database, kind: 'pglite' };
  }
}

/** 'better serve (process 1234)', for messages about the process holding the data folder. */
export function holderOf(error: EmbeddedDatabaseInUse, t: Translate): string {
  return error.holder ? t('database.holder', { command: error.holder.command, pid: error.holder.pid }) : t('database.unknownHolder');
}
