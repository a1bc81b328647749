/**
 * The data version: one number that every transaction changing the platform's records raises, committed with them.
 * Every node compares it with the version a rendered page was made at, so a cached page is never older than the last
 * write on any node (core/cache). A trigger on every table does it, so no write can forget it:
 * code, the command line, imports and the demo alike, but only when a row changes. It raises the number once per transaction (a local setting
 * remembers it, and a rolled-back savepoint forgets it with its update), and the row's lock makes writing
 * transactions commit their raise in order, which is what makes "read the version, then render" safe.
 * Not tracked: the sessions' "last seen" touches and the sign-in throttle (written by reading pages and signing in,
 * shown on no page), and the migrator's own tables. A later migration that creates a table calls
 * `select better_track_data_changes('its_table')` (a test lists every table without the trigger).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table data_version (
    id boolean primary key default true check (id),
    version bigint not null
  )`.execute(db);
  await sql`insert into data_version (version) values (1)`.execute(db);
  // A row trigger, not a statement trigger: a housekeeping statement that changes no row (every worker poll runs
  // some) must not raise the version. Before the row is written, so nothing is queued for after the statement; if
  // the write then fails, the statement's rollback takes the raise with it.
  await sql`create function better_raise_data_version() returns trigger language plpgsql as $$
    begin
      if coalesce(current_setting('better.data_version_raised', true), '') <> 'yes' then
        update data_version set version = version + 1;
        perform set_config('better.data_version_raised', 'yes', true);
      end if;
      if tg_op = 'DELETE' then
        return old;
      end if;
      return new;
    end
  $$`.execute(db);
  await sql`create function better_track_data_changes(target regclass) returns void language plpgsql as $$
    begin
      execute format(
        'create or replace trigger better_data_changed before insert or update or delete on %s for each row execute function better_raise_data_version()',
        target
      );
      execute format(
        'create or replace trigger better_data_truncated after truncate on %s for each statement execute function better_raise_data_version()',
        target
      );
    end
  $$`.execute(db);
  await sql`do $$
    declare
      tracked record;
    begin
      for tracked in
        select c.oid::regclass as target from pg_class c
        where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
          and c.relname not in ('data_version', 'sessions', 'sign_in_throttle', 'kysely_migration', 'kysely_migration_lock')
      loop
        perform better_track_data_changes(tracked.target);
      end loop;
    end
  $$`.execute(db);
}
