/**
 * Work kept for a person so that nothing typed is lost (core/http/kept.ts): a form refused for a stale token or an
 * ended session, or shown again in another language, and the files accepted on a form refused for another reason.
 * Each row belongs to one browser (the keyed hash of a random cookie) and, once known, to one person; rows expire
 * after a day and go with the person. Files are stored as chunks of 256 KiB, each written by its own statement, as
 * plans evidence is (20261205_0900_evidence_chunks).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  `create table kept_forms (
    id text primary key,
    owner_hash text not null,
    user_id integer references users (id) on delete cascade,
    reason text not null check (reason in ('token', 'signed_out', 'language')),
    needs_sign_in boolean not null default false,
    action_url text not null,
    page_url text,
    form_values text not null,
    form_errors text not null default '[]',
    lost_files text not null default '[]',
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index kept_forms_owner on kept_forms (owner_hash)`,
  `create index kept_forms_expiry on kept_forms (expires_at)`,
  `create index kept_forms_user on kept_forms (user_id) where user_id is not null`,
  `create table pending_uploads (
    id text primary key,
    owner_hash text not null,
    user_id integer references users (id) on delete cascade,
    form_url text not null,
    field text not null,
    filename text not null,
    size_bytes bigint not null check (size_bytes >= 0),
    sha256 text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null
  )`,
  `create index pending_uploads_owner on pending_uploads (owner_hash)`,
  `create index pending_uploads_expiry on pending_uploads (expires_at)`,
  `create index pending_uploads_user on pending_uploads (user_id) where user_id is not null`,
  `create table pending_upload_chunks (
    upload_id text not null references pending_uploads (id) on delete cascade,
    position integer not null check (position >= 0),
    content bytea not null,
    primary key (upload_id, position)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
