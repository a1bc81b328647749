/**
 * Own versions (20261210_0900_table_versions.ts) for the rest of what the worker's report reminders read
 * (src/modules/plans/reports/service.ts): with plans and plan_versions, which already have theirs, a node knows that a
 * scan of every endorsed plan would find nothing new while these versions and the day stay the same, and skips it.
 * At 1,500 plans a scan cost about half a second of the node's thread every five seconds.
 * Same triggers as the other tables' (named to fire after better_data_changed).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const tables = ['programmes', 'progress_reports', 'plan_reminders'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) {
    await sql`insert into table_versions (name, version) values (${table}, 1)`.execute(db);
    await sql`create trigger better_table_version_changed before insert or update or delete on ${sql.table(table)}
      for each row execute function better_raise_table_version()`.execute(db);
    await sql`create trigger better_table_version_truncated after truncate on ${sql.table(table)}
      for each statement execute function better_raise_table_version()`.execute(db);
  }
}
