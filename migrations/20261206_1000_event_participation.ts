/**
 * Per-event participation for the results formulas (docs/formulas/learn.md): event_participation holds each event's
 * attendances, attendances of decision makers and feedback answers saying capacity increased; event_organisations
 * holds, per event, the organisations that attended and the partner region their people came from (RCO87). Both are
 * kept by statement triggers on registrations and feedback, like participation_totals, so a semester's figures read
 * a few thousand rows rather than a million registrations. Existing rows are counted once here.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

// Decision makers: politicians and decision makers, and the managing authorities' staff (who run policy instruments).
const decisionRoles = `'decision_maker', 'managing_authority'`;

// An organisation's key: the stakeholder organisation when chosen, otherwise the name typed, trimmed, in lower case,
// with its spaces collapsed; null when neither is known.
const organisationKey = (r: string) => `case when ${r}.organisation_id is not null then 'o' || ${r}.organisation_id
  when nullif(btrim(${r}.organisation_name), '') is not null then 'n' || lower(regexp_replace(btrim(${r}.organisation_name), '\\s+', ' ', 'g'))
  end`;

const participationOf = (rows: string, sign: '' | '-') => `
  insert into event_participation (event_id, attended, decision_makers)
  select r.event_id, ${sign}count(*) filter (where r.attended_at is not null),
    ${sign}count(*) filter (where r.attended_at is not null and r.role in (${decisionRoles}))
  from ${rows} r
  group by 1
  on conflict (event_id) do update set
    attended = event_participation.attended + excluded.attended,
    decision_makers = event_participation.decision_makers + excluded.decision_makers`;

const capacityOf = (rows: string, sign: '' | '-') => `
  insert into event_participation (event_id, capacity_increased)
  select r.event_id, ${sign}count(*)
  from ${rows} f join registrations r on r.id = f.registration_id
  where f.capacity_increased
  group by 1
  on conflict (event_id) do update set capacity_increased = event_participation.capacity_increased + excluded.capacity_increased`;

const organisationsOf = (rows: string, sign: '' | '-') => `
  insert into event_organisations (event_id, organisation_key, partner_id, attended)
  select r.event_id, ${organisationKey('r')}, r.partner_id, ${sign}count(*)
  from ${rows} r
  where r.attended_at is not null and r.partner_id is not null and ${organisationKey('r')} is not null
  group by 1, 2, 3
  on conflict (event_id, organisation_key, partner_id) do update set attended = event_organisations.attended + excluded.attended`;

const statements = [
  `create table event_participation (
    event_id integer primary key references events (id) on delete cascade,
    attended integer not null default 0,
    decision_makers integer not null default 0,
    capacity_increased integer not null default 0
  )`,
  `create table event_organisations (
    event_id integer not null references events (id) on delete cascade,
    organisation_key text not null,
    partner_id integer not null,
    attended integer not null default 0,
    primary key (event_id, organisation_key, partner_id)
  )`,

  `create function registrations_participation() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then
      ${participationOf('old_registrations', '-')};
      ${organisationsOf('old_registrations', '-')};
    end if;
    if tg_op in ('UPDATE', 'INSERT') then
      ${participationOf('new_registrations', '')};
      ${organisationsOf('new_registrations', '')};
    end if;
    -- An organisation whose attendances fell to none leaves the table (counts only fall on update or delete).
    if tg_op in ('UPDATE', 'DELETE') then
      delete from event_organisations o where o.attended = 0 and o.event_id in (select event_id from old_registrations);
    end if;
    return null;
  end
  $$`,
  `create trigger registrations_participation_insert after insert on registrations referencing new table as new_registrations
    for each statement execute function registrations_participation()`,
  `create trigger registrations_participation_update after update on registrations referencing old table as old_registrations new table as new_registrations
    for each statement execute function registrations_participation()`,
  `create trigger registrations_participation_delete after delete on registrations referencing old table as old_registrations
    for each statement execute function registrations_participation()`,

  `create function feedback_participation() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then ${capacityOf('old_feedback', '-')}; end if;
    if tg_op in ('UPDATE', 'INSERT') then ${capacityOf('new_feedback', '')}; end if;
    return null;
  end
  $$`,
  `create trigger feedback_participation_insert after insert on feedback referencing new table as new_feedback
    for each statement execute function feedback_participation()`,
  `create trigger feedback_participation_update after update on feedback referencing old table as old_feedback new table as new_feedback
    for each statement execute function feedback_participation()`,
  `create trigger feedback_participation_delete after delete on feedback referencing old table as old_feedback
    for each statement execute function feedback_participation()`,

  // Recounts a programme's rows from the raw registrations and feedback: the backfill below, and the tests' check.
  `create function rebuild_event_participation(target_programme integer) returns void language plpgsql as $$
  begin
    delete from event_participation where event_id in (select id from events where programme_id = target_programme);
    delete from event_organisations where event_id in (select id from events where programme_id = target_programme);
    insert into event_participation (event_id, attended, decision_makers, capacity_increased)
    select r.event_id, count(*) filter (where r.attended_at is not null),
      count(*) filter (where r.attended_at is not null and r.role in (${decisionRoles})),
      count(*) filter (where f.capacity_increased)
    from registrations r join events e on e.id = r.event_id left join feedback f on f.registration_id = r.id
    where e.programme_id = target_programme
    group by 1;
    insert into event_organisations (event_id, organisation_key, partner_id, attended)
    select r.event_id, ${organisationKey('r')}, r.partner_id, count(*)
    from registrations r join events e on e.id = r.event_id
    where e.programme_id = target_programme and r.attended_at is not null and r.partner_id is not null and ${organisationKey('r')} is not null
    group by 1, 2, 3;
  end
  $$`,
  `select rebuild_event_participation(id) from programmes`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
