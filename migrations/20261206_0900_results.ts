/**
 * Results: the programme's indicators (computed from records by a formula the platform offers, or reported per partner
 * and semester with evidence and validated by the coordinator), targets per partner, and the governance maturity
 * self-assessment (a framework of dimensions, questions and an answer scale; rounds answered by a partner's editors and
 * the stakeholders they invite). Reported values are never updated in place: a correction is a new row that
 * supersedes the current one, so the history stays. Evidence files are stored in 256 KiB chunks, as plans' are.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const units = `('count', 'people', 'organisations', 'solutions', 'events', 'eur', 'percent', 'points', 'hours')`;

const statements = [
  `create table indicators (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$'),
    names jsonb not null,
    definitions jsonb not null,
    kind text not null check (kind in ('output', 'result')),
    unit text not null check (unit in ${units}),
    at_programme boolean not null default true,
    at_partner boolean not null default true,
    method text not null check (method in ('computed', 'reported')),
    formula text,
    baseline numeric(16, 2) not null default 0,
    programme_target numeric(16, 2),
    target_date date,
    enabled boolean not null default true,
    public boolean not null default true,
    builtin_key text,
    position integer not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((method = 'computed') = (formula is not null)),
    check (at_programme or at_partner)
  )`,
  `create unique index indicators_code on indicators (programme_id, lower(code))`,
  `create unique index indicators_builtin on indicators (programme_id, builtin_key) where builtin_key is not null`,

  `create table indicator_targets (
    indicator_id integer not null references indicators (id) on delete cascade,
    partner_id integer not null references partners (id),
    target numeric(16, 2) not null,
    primary key (indicator_id, partner_id)
  )`,

  `create table indicator_evidence_files (
    id integer generated always as identity primary key,
    partner_id integer not null references partners (id),
    original_name text not null,
    media_type text not null,
    size_bytes integer not null check (size_bytes > 0),
    sha256 text not null,
    pending_since timestamptz,
    uploaded_by_user_id integer references users (id) on delete set null,
    created_at timestamptz not null default now()
  )`,
  `create index indicator_evidence_files_by_partner on indicator_evidence_files (partner_id)`,
  `create index indicator_evidence_files_pending on indicator_evidence_files (pending_since) where pending_since is not null`,
  `create table indicator_evidence_chunks (
    file_id integer not null references indicator_evidence_files (id) on delete cascade,
    position integer not null check (position >= 0),
    content bytea not null,
    primary key (file_id, position)
  )`,

  `create table indicator_reports (
    id integer generated always as identity primary key,
    indicator_id integer not null references indicators (id),
    partner_id integer not null references partners (id),
    semester integer not null check (semester between 1 and 60),
    value numeric(16, 2) not null,
    explanation text not null,
    status text not null check (status in ('submitted', 'validated', 'returned')),
    supersedes_id integer references indicator_reports (id),
    current boolean not null default true,
    review_comment text not null default '',
    reported_by_user_id integer references users (id) on delete set null,
    reported_by_label text not null,
    reported_at timestamptz not null default now(),
    reviewed_by_user_id integer references users (id) on delete set null,
    reviewed_by_label text,
    reviewed_at timestamptz,
    illustrative boolean not null default false
  )`,
  `create unique index indicator_reports_current on indicator_reports (indicator_id, partner_id, semester) where current`,
  `create index indicator_reports_by_status on indicator_reports (indicator_id, status) where current`,
  `create table indicator_report_evidence (
    report_id integer not null references indicator_reports (id) on delete cascade,
    position integer not null,
    url text,
    file_id integer references indicator_evidence_files (id),
    primary key (report_id, position),
    check (num_nonnulls(url, file_id) = 1)
  )`,

  `create table maturity_frameworks (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    name text not null,
    definition jsonb not null,
    builtin boolean not null default false,
    created_at timestamptz not null default now()
  )`,
  `create table maturity_rounds (
    id integer generated always as identity primary key,
    programme_id integer not null references programmes (id),
    partner_id integer not null references partners (id),
    framework_id integer not null references maturity_frameworks (id),
    label text not null,
    assessed_on date not null,
    status text not null check (status in ('draft', 'submitted')),
    submitted_at timestamptz,
    submitted_by_user_id integer references users (id) on delete set null,
    illustrative boolean not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    check ((status = 'submitted') = (submitted_at is not null))
  )`,
  `create index maturity_rounds_by_partner on maturity_rounds (partner_id, assessed_on)`,
  `create table maturity_respondents (
    id integer generated always as identity primary key,
    round_id integer not null references maturity_rounds (id) on delete cascade,
    user_id integer references users (id) on delete cascade,
    invited_name text,
    invited_email text,
    token_hash text unique,
    submitted_at timestamptz,
    created_at timestamptz not null default now(),
    check (num_nonnulls(user_id, token_hash) = 1)
  )`,
  `create unique index maturity_respondents_user on maturity_respondents (round_id, user_id) where user_id is not null`,
  `create table maturity_answers (
    respondent_id integer not null references maturity_respondents (id) on delete cascade,
    question_key text not null,
    level smallint not null check (level >= 0),
    comment text not null default '',
    primary key (respondent_id, question_key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
