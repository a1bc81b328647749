/**
 * Foundation schema: programmes and phases, partners, stakeholder organisations, accounts, sessions,
 * sign-in throttling, the email outbox, the audit log and platform settings.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table app_settings (
    key text primary key,
    value text not null
  )`,
  // Signs cookies (CSRF secret, flash messages) unless COOKIE_SECRET is set; generated here so every app node
  // sharing the database shares it. gen_random_uuid() draws from the server's strong random source.
  `insert into app_settings (key, value)
    values ('cookie_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''))`,

  `create table programmes (
    id integer generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    acronym text not null,
    title text not null,
    summary text not null default '',
    starts_on date not null,
    ends_on date not null,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (ends_on > starts_on)
  )`,

  `create table programme_phases (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id) on delete cascade,
    number smallint not null check (number between 1 and 20),
    name text not null,
    description text not null default '',
    starts_on date not null,
    ends_on date not null,
    unique (programme_id, number),
    check (ends_on >= starts_on)
  )`,

  `create table partners (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    name text not null,
    short_name text not null,
    country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
    nuts_code text not null check (nuts_code ~ '^[A-Z]{2}[0-9A-Z]{0,3}$'),
    nuts_name text not null default '',
    role text not null check (role in ('lead_partner', 'partner')),
    website text,
    contact_name text,
    contact_email text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index partners_name_per_programme on partners (programme_id, lower(name))`,
  // A programme has at most one lead partner; the index makes a second one impossible even under concurrency.
  `create unique index partners_one_lead_per_programme on partners (programme_id) where role = 'lead_partner'`,

  `create table organisations (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    name text not null,
    country_code char(2) not null check (country_code ~ '^[A-Z]{2}$'),
    helix text not null check (helix in ('public_authority', 'business', 'research_education', 'civil_society')),
    size_class text check (size_class in ('micro', 'small', 'medium', 'large')),
    website text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check (size_class is null or helix = 'business')
  )`,
  `create unique index organisations_name_per_programme on organisations (programme_id, lower(name))`,

  `create table partner_organisations (
    partner_id integer not null references partners (id) on delete cascade,
    organisation_id integer not null references organisations (id) on delete cascade,
    in_region boolean not null,
    created_at timestamptz not null default now(),
    primary key (partner_id, organisation_id)
  )`,
  `create index partner_organisations_by_organisation on partner_organisations (organisation_id)`,

  `create table users (
    id integer generated always as identity primary key,
    email text not null,
    display_name text not null,
    locale text not null default 'en' check (locale in ('en', 'it', 'et', 'hu', 'sv')),
    password_hash text,
    is_admin boolean not null default false,
    status text not null check (status in ('invited', 'active', 'deactivated', 'erased')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_signed_in_at timestamptz
  )`,
  `create unique index users_email_unique on users (lower(email))`,

  `create table memberships (
    id integer generated always as identity primary key,
    user_id integer not null references users (id) on delete cascade,
    programme_id integer not null references programmes (id) on delete cascade,
    role text not null check (role in ('coordinator', 'editor', 'stakeholder')),
    partner_id integer references partners (id),
    organisation_id integer references organisations (id),
    created_at timestamptz not null default now(),
    check ((role = 'editor') = (partner_id is not null)),
    check ((role = 'stakeholder') = (organisation_id is not null)),
    unique nulls not distinct (user_id, programme_id, role, partner_id, organisation_id)
  )`,
  `create index memberships_by_partner on memberships (partner_id)`,
  `create index memberships_by_organisation on memberships (organisation_id)`,

  // Only a SHA-256 of the session token is stored, so a copy of the database cannot be used to hijack sessions.
  `create table sessions (
    token_hash text primary key,
    user_id integer not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index sessions_by_user on sessions (user_id)`,
  `create index sessions_by_expiry on sessions (expires_at)`,

  `create table user_tokens (
    token_hash text primary key,
    user_id integer not null references users (id) on delete cascade,
    purpose text not null check (purpose in ('invitation', 'password_reset')),
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`,
  `create index user_tokens_by_user on user_tokens (user_id)`,

  `create table sign_in_throttle (
    key text primary key,
    failures integer not null,
    window_started_at timestamptz not null,
    blocked_until timestamptz
  )`,

  `create table emails (
    id integer generated always as identity primary key,
    kind text not null,
    to_address text not null,
    subject text not null,
    body_text text not null,
    status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
    attempts integer not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error text,
    created_at timestamptz not null default now(),
    sent_at timestamptz
  )`,
  `create index emails_due on emails (next_attempt_at) where status = 'queued'`,
  `create index emails_by_created on emails (created_at desc)`,

  `create table audit_events (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor_user_id integer references users (id) on delete set null,
    actor_label text not null,
    action text not null,
    entity_type text not null,
    entity_id text not null,
    programme_id integer,
    before jsonb,
    after jsonb,
    request_id text
  )`,
  `create index audit_events_by_time on audit_events (occurred_at desc, id desc)`,
  `create index audit_events_by_entity on audit_events (entity_type, entity_id)`,
  `create index audit_events_by_actor on audit_events (actor_user_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
