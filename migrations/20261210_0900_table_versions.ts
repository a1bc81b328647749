/**
 * A table's own version: a number every transaction changing the table's rows raises once, like the data version
 * (20261208_0800_data_version.ts) but for one table. What is derived from one table alone and kept in memory — the
 * library's catalogue of practices (src/modules/practices/library/catalogue.ts) — is kept under it, so the many
 * writes elsewhere (reminders sent, events registered) do not make every node read 10,000 practices again, while a
 * change to a practice is seen by the next request on every node. Only the practices table has one today.
 * The trigger is named to fire after better_data_changed (same kind, name order), so every writer locks the two rows
 * in the same order.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table table_versions (
    name text primary key,
    version bigint not null
  )`.execute(db);
  await sql`select better_track_data_changes('table_versions')`.execute(db);
  await sql`insert into table_versions (name, version) values ('practices', 1)`.execute(db);
  await sql`create function better_raise_table_version() returns trigger language plpgsql as $$
    declare
      raised text := 'better.table_version_raised_' || tg_table_name;
    begin
      if coalesce(current_setting(raised, true), '') <> 'yes' then
        update table_versions set version = version + 1 where name = tg_table_name;
        perform set_config(raised, 'yes', true);
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end
  $$`.execute(db);
  await sql`create trigger better_table_version_changed before insert or update or delete on practices
    for each row execute function better_raise_table_version()`.execute(db);
  await sql`create trigger better_table_version_truncated after truncate on practices
    for each statement execute function better_raise_table_version()`.execute(db);
}
