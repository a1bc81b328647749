/**
 * Events and participation: events with their visiting partners, agenda and the practices presented; people's
 * registrations (with the waiting list), attendance and feedback; and participation_totals, the summary the
 * statistics read, kept by statement triggers on every write so figures over a million registrations stay a few
 * thousand rows away. Emails gain attachments (the calendar file of a confirmation).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const eventTypes = `'thematic_event', 'study_visit', 'import_workshop', 'regional_event', 'steering_meeting', 'other'`;
const helixTypes = `'public_authority', 'business', 'research_education', 'civil_society'`;
const roles = `'decision_maker', 'civil_servant', 'managing_authority', 'business', 'researcher', 'citizen', 'other'`;

// The counted columns of a set of registrations (a transition table), as rows to add to participation_totals.
const totalsOf = (rows: string, sign: '' | '-') => `
  insert into participation_totals (programme_id, host_partner_id, event_type, helix, role, partner_key, registered, waiting, attended)
  select e.programme_id, e.host_partner_id, e.type, r.helix, r.role, coalesce(r.partner_id, 0),
    ${sign}count(*) filter (where r.status = 'registered'), ${sign}count(*) filter (where r.status = 'waiting'), ${sign}count(*) filter (where r.attended_at is not null)
  from ${rows} r join events e on e.id = r.event_id
  group by 1, 2, 3, 4, 5, 6
  on conflict (programme_id, host_partner_id, event_type, helix, role, partner_key) do update set
    registered = participation_totals.registered + excluded.registered,
    waiting = participation_totals.waiting + excluded.waiting,
    attended = participation_totals.attended + excluded.attended`;

const feedbackTotalsOf = (rows: string, sign: '' | '-') => `
  insert into participation_totals (programme_id, host_partner_id, event_type, helix, role, partner_key, feedback, capacity_increased, satisfaction_sum)
  select e.programme_id, e.host_partner_id, e.type, r.helix, r.role, coalesce(r.partner_id, 0),
    ${sign}count(*), ${sign}count(*) filter (where f.capacity_increased), ${sign}coalesce(sum(f.satisfaction), 0)
  from ${rows} f join registrations r on r.id = f.registration_id join events e on e.id = r.event_id
  group by 1, 2, 3, 4, 5, 6
  on conflict (programme_id, host_partner_id, event_type, helix, role, partner_key) do update set
    feedback = participation_totals.feedback + excluded.feedback,
    capacity_increased = participation_totals.capacity_increased + excluded.capacity_increased,
    satisfaction_sum = participation_totals.satisfaction_sum + excluded.satisfaction_sum`;

const statements = [
  `alter table emails add column attachments jsonb not null default '[]'`,

  `create table events (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    host_partner_id integer not null references partners (id),
    type text not null check (type in (${eventTypes})),
    title text not null,
    description text not null default '',
    theme_code text references themes (code),
    format text not null check (format in ('on_site', 'online', 'hybrid')),
    venue text not null default '',
    online_url text,
    time_zone text not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    capacity integer check (capacity > 0),
    registration_deadline timestamptz,
    feedback_invited_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_at > starts_at)
  )`,
  `create index events_by_programme on events (programme_id, starts_at)`,
  `create index events_by_host on events (host_partner_id, starts_at)`,
  `create index events_awaiting_feedback on events (ends_at) where feedback_invited_at is null`,

  `create table event_visiting_partners (
    event_id integer not null references events (id) on delete cascade,
    partner_id integer not null references partners (id),
    primary key (event_id, partner_id)
  )`,
  `create table event_agenda_items (
    event_id integer not null references events (id) on delete cascade,
    position smallint not null,
    time_label text check (time_label ~ '^[0-2][0-9]:[0-5][0-9]$'),
    title text not null,
    primary key (event_id, position)
  )`,
  `create table event_practices (
    event_id integer not null references events (id) on delete cascade,
    practice_id integer not null references practices (id) on delete cascade,
    primary key (event_id, practice_id)
  )`,
  `create index event_practices_by_practice on event_practices (practice_id)`,
  `alter table transfer_stages add constraint transfer_stages_event_id_fkey foreign key (event_id) references events (id) on delete set null`,

  // Personal data is minimal: a name and an email (both emptied by anonymisation), what the statistics need
  // (helix, role, partner region), and the proof of consent.
  `create table registrations (
    id integer generated always as identity primary key,
    event_id integer not null references events (id),
    status text not null check (status in ('registered', 'waiting', 'cancelled')),
    name text,
    email text,
    organisation_id integer references organisations (id) on delete set null,
    organisation_name text,
    helix text not null check (helix in (${helixTypes})),
    role text not null check (role in (${roles})),
    partner_id integer references partners (id),
    locale text not null check (locale in ('en', 'it', 'et', 'hu', 'sv')),
    consent_at timestamptz not null,
    token_hash text not null unique,
    attended_at timestamptz,
    cancelled_at timestamptz,
    anonymised_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((name is null) = (anonymised_at is not null) and (email is null) = (anonymised_at is not null))
  )`,
  // One active registration per email and event: a second one is refused, a cancelled one may be renewed.
  `create unique index registrations_one_per_email on registrations (event_id, lower(email)) where status <> 'cancelled' and email is not null`,
  `create index registrations_by_event on registrations (event_id, status, created_at, id)`,

  `create table feedback (
    registration_id integer primary key references registrations (id) on delete cascade,
    satisfaction smallint not null check (satisfaction between 1 and 5),
    usefulness smallint not null check (usefulness between 1 and 5),
    capacity_increased boolean not null,
    capacity_details text not null default '',
    created_at timestamptz not null default now()
  )`,
  `create table feedback_practices (
    registration_id integer not null references feedback (registration_id) on delete cascade,
    practice_id integer not null references practices (id) on delete cascade,
    primary key (registration_id, practice_id)
  )`,

  `create table participation_totals (
    programme_id integer not null references programmes (id) on delete cascade,
    host_partner_id integer not null,
    event_type text not null,
    helix text not null,
    role text not null,
    partner_key integer not null,
    registered integer not null default 0,
    waiting integer not null default 0,
    attended integer not null default 0,
    feedback integer not null default 0,
    capacity_increased integer not null default 0,
    satisfaction_sum integer not null default 0,
    primary key (programme_id, host_partner_id, event_type, helix, role, partner_key)
  )`,

  `create function registrations_totals() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then ${totalsOf('old_registrations', '-')}; end if;
    if tg_op in ('UPDATE', 'INSERT') then ${totalsOf('new_registrations', '')}; end if;
    return null;
  end
  $$`,
  `create trigger registrations_totals_insert after insert on registrations referencing new table as new_registrations
    for each statement execute function registrations_totals()`,
  `create trigger registrations_totals_update after update on registrations referencing old table as old_registrations new table as new_registrations
    for each statement execute function registrations_totals()`,
  `create trigger registrations_totals_delete after delete on registrations referencing old table as old_registrations
    for each statement execute function registrations_totals()`,

  `create function feedback_totals() returns trigger language plpgsql as $$
  begin
    if tg_op in ('UPDATE', 'DELETE') then ${feedbackTotalsOf('old_feedback', '-')}; end if;
    if tg_op in ('UPDATE', 'INSERT') then ${feedbackTotalsOf('new_feedback', '')}; end if;
    return null;
  end
  $$`,
  `create trigger feedback_totals_insert after insert on feedback referencing new table as new_feedback
    for each statement execute function feedback_totals()`,
  `create trigger feedback_totals_update after update on feedback referencing old table as old_feedback new table as new_feedback
    for each statement execute function feedback_totals()`,
  `create trigger feedback_totals_delete after delete on feedback referencing old table as old_feedback
    for each statement execute function feedback_totals()`,

  // An event that changes host or type moves its participants' counts to the new key.
  `create function events_totals_move() returns trigger language plpgsql as $$
  begin
    perform rebuild_participation_totals(new.programme_id);
    return null;
  end
  $$`,

  // Recomputes a programme's totals from the raw rows: after a bulk load, or to check the triggers' work.
  `create function rebuild_participation_totals(target_programme integer) returns void language plpgsql as $$
  begin
    delete from participation_totals where programme_id = target_programme;
    insert into participation_totals (programme_id, host_partner_id, event_type, helix, role, partner_key, registered, waiting, attended, feedback, capacity_increased, satisfaction_sum)
    select e.programme_id, e.host_partner_id, e.type, r.helix, r.role, coalesce(r.partner_id, 0),
      count(*) filter (where r.status = 'registered'), count(*) filter (where r.status = 'waiting'), count(*) filter (where r.attended_at is not null),
      count(f.registration_id), count(*) filter (where f.capacity_increased), coalesce(sum(f.satisfaction), 0)
    from registrations r join events e on e.id = r.event_id left join feedback f on f.registration_id = r.id
    where e.programme_id = target_programme
    group by 1, 2, 3, 4, 5, 6;
  end
  $$`,
  `create trigger events_totals_move after update of host_partner_id, type on events for each row
    when (old.host_partner_id is distinct from new.host_partner_id or old.type is distinct from new.type)
    execute function events_totals_move()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
