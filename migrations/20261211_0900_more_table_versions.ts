/**
 * Own versions (20261210_0900_table_versions.ts) for the tables the platform search's visibility rules read: which
 * events, instruments, indicators, plan versions and actions each reader may find is kept in memory per scope of
 * visibility (src/modules/search/visible-records.ts) under the versions of these tables, so a write to one of them is
 * seen by the next search on every node, while writes elsewhere (reminders, registrations, practices) keep it.
 * Same triggers as the practices': named to fire after better_data_changed, so every writer locks the data version
 * first and the table versions' rows in any order without a deadlock (the data version's lock serialises them).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const tables = ['events', 'instruments', 'indicators', 'plans', 'plan_versions', 'plan_action_documents'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`insert into table_versions (name, version) values (${table}, 1)`.execute(db);
    await sql`create trigger better_table_version_changed before insert or update or delete on ${sql.table(table)}
      for each row execute function better_raise_table_version()`.execute(db);
    await sql`create trigger better_table_version_truncated after truncate on ${sql.table(table)}
      for each statement execute function better_raise_table_version()`.execute(db);
  }
}
