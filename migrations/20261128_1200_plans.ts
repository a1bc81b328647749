/**
 * Regional Action Plans: one plan per partner, kept as numbered versions whose content (Parts I–III of the
 * Interreg Europe template) is a validated JSON document, so an endorsed version is frozen as a whole and two
 * versions compare action by action; peer-review comments; semester progress reports per action with their
 * evidence (links and uploaded files), corrections superseding without deleting; reminders sent once.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table plans (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    partner_id integer not null unique references partners (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,

  `create table plan_versions (
    id integer generated always as identity primary key,
    plan_id integer not null references plans (id) on delete cascade,
    number integer not null check (number > 0),
    status text not null check (status in ('draft', 'submitted', 'approved', 'endorsed')),
    content jsonb not null,
    review_comment text not null default '',
    submitted_at timestamptz,
    approved_at timestamptz,
    endorsed_on date,
    endorsed_by text,
    endorsing_body text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (plan_id, number),
    check ((status = 'endorsed') = (endorsed_on is not null))
  )`,
  // At most one version is being worked on; every other one is endorsed and frozen.
  `create unique index plan_versions_one_open on plan_versions (plan_id) where status <> 'endorsed'`,

  `create table plan_comments (
    id integer generated always as identity primary key,
    plan_id integer not null references plans (id) on delete cascade,
    version_number integer not null,
    target text not null check (target ~ '^(part1|part2|action:[a-z0-9]{1,20})$'),
    body text not null,
    author_user_id integer references users (id) on delete set null,
    author_label text not null,
    created_at timestamptz not null default now()
  )`,
  `create index plan_comments_by_plan on plan_comments (plan_id, version_number, created_at)`,

  // Uploaded evidence lives in the database, never under the web root nor on one node's disk (nodes keep no state);
  // the media type is the one recognised from the content, whatever the file's name says.
  `create table plan_files (
    id integer generated always as identity primary key,
    plan_id integer not null references plans (id),
    original_name text not null,
    media_type text not null,
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null,
    content bytea not null,
    uploaded_by_user_id integer references users (id) on delete set null,
    created_at timestamptz not null default now()
  )`,

  `create table progress_reports (
    id integer generated always as identity primary key,
    plan_id integer not null references plans (id),
    action_key text not null,
    semester integer not null check (semester > 0),
    status text not null check (status in ('not_started', 'on_track', 'delayed', 'completed', 'cancelled')),
    percent_complete smallint not null check (percent_complete between 0 and 100),
    spent_eur numeric(14, 2) not null check (spent_eur >= 0),
    work_done text not null default '',
    instrument_improved boolean not null,
    improvement_type text check (improvement_type in ('new_project', 'management_change', 'structural_change')),
    improvement_description text not null default '',
    supersedes_id integer references progress_reports (id),
    current boolean not null default true,
    submitted_by_user_id integer references users (id) on delete set null,
    submitted_by_label text not null,
    submitted_at timestamptz not null default now(),
    check (instrument_improved = (improvement_type is not null))
  )`,
  // One current report per action and semester; a correction takes its place and the old one stays, superseded.
  `create unique index progress_reports_current on progress_reports (plan_id, action_key, semester) where current`,
  `create index progress_reports_by_plan on progress_reports (plan_id, semester)`,

  `create table progress_report_evidence (
    report_id integer not null references progress_reports (id) on delete cascade,
    position smallint not null,
    url text,
    file_id integer references plan_files (id),
    primary key (report_id, position),
    check ((url is null) <> (file_id is null))
  )`,

  `create table plan_reminders (
    plan_id integer not null references plans (id) on delete cascade,
    semester integer not null,
    sent_at timestamptz not null default now(),
    primary key (plan_id, semester)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
