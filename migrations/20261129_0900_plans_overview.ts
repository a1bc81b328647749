/**
 * The plans overview reads, for every endorsed plan, its actions' keys, titles, dates and costs. Unpacking them from
 * each version's JSON document on every visit cost most of the page's time, so the actions of each endorsed version
 * are copied into plan_endorsed_actions when the version is endorsed — by a trigger, so every way of endorsing keeps
 * the copy right. Endorsed versions are frozen, so the copy never needs updating. Also a partial index for counting
 * the actions that report an improved policy instrument.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table plan_endorsed_actions (
    plan_id integer not null references plans (id) on delete cascade,
    version_number integer not null,
    position integer not null,
    action_key text not null,
    title text not null,
    starts_on date,
    ends_on date,
    costs_eur numeric(14, 2),
    primary key (plan_id, version_number, position)
  )`,
  `create function copy_endorsed_actions() returns trigger language plpgsql as $$
  begin
    delete from plan_endorsed_actions where plan_id = new.plan_id and version_number = new.number;
    insert into plan_endorsed_actions (plan_id, version_number, position, action_key, title, starts_on, ends_on, costs_eur)
    select new.plan_id, new.number, a.position, a.action ->> 'key', a.action ->> 'title',
      (a.action ->> 'startsOn')::date, (a.action ->> 'endsOn')::date, (a.action ->> 'costsEur')::numeric
    from jsonb_array_elements(new.content -> 'actions') with ordinality as a (action, position);
    return null;
  end
  $$`,
  `create trigger plan_versions_endorsed_actions
    after insert or update of status, content on plan_versions
    for each row when (new.status = 'endorsed')
    execute function copy_endorsed_actions()`,
  `insert into plan_endorsed_actions (plan_id, version_number, position, action_key, title, starts_on, ends_on, costs_eur)
    select v.plan_id, v.number, a.position, a.action ->> 'key', a.action ->> 'title',
      (a.action ->> 'startsOn')::date, (a.action ->> 'endsOn')::date, (a.action ->> 'costsEur')::numeric
    from plan_versions v cross join lateral jsonb_array_elements(v.content -> 'actions') with ordinality as a (action, position)
    where v.status = 'endorsed'`,
  `create index progress_reports_improved on progress_reports (plan_id, action_key) where current and instrument_improved`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
