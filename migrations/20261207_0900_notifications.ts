/**
 * Notifications: one row per person told about a workflow step (what, in which words, where it leads, whether it was
 * read and how it was or will be emailed), each person's cadence per kind, what people follow, the digests sent (one
 * per person and period, the key that keeps two nodes from sending the same digest), each person's unsubscribe token,
 * and email headers on the outbox (List-Unsubscribe, RFC 8058).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const cadences = `('immediate', 'daily', 'weekly', 'off')`;
const followTargets = `('practice', 'partner', 'plan', 'event', 'instrument')`;

const statements = [
  // One notice sent to five people is five rows sharing a notice_id, so "recent activity" shows it once.
  `create sequence notification_notice_ids as bigint`,
  `create table notifications (
    id bigint generated always as identity primary key,
    notice_id bigint not null,
    user_id integer not null references users (id) on delete cascade,
    kind text not null,
    message_key text not null,
    message_values jsonb not null default '{}',
    link text not null,
    programme_id integer references programmes (id) on delete cascade,
    actor_user_id integer references users (id) on delete set null,
    reason text not null check (reason in ('recipient', 'follower')),
    followed_type text check (followed_type in ${followTargets}),
    followed_id integer,
    cadence text not null check (cadence in ${cadences}),
    delivery text not null check (delivery in ('pending_email', 'pending_digest', 'emailed', 'not_emailed')),
    created_at timestamptz not null default now(),
    read_at timestamptz,
    check ((reason = 'follower') = (followed_type is not null and followed_id is not null))
  )`,
  `create index notifications_by_user on notifications (user_id, created_at desc, id desc)`,
  // The unread count in every signed-in page's navigation reads this index alone.
  `create index notifications_unread on notifications (user_id) where read_at is null`,
  `create index notifications_pending on notifications (delivery, cadence, created_at) where delivery in ('pending_email', 'pending_digest')`,
  `create index notifications_by_programme on notifications (programme_id, notice_id desc) where programme_id is not null`,

  `create table notification_preferences (
    user_id integer not null references users (id) on delete cascade,
    kind text not null,
    cadence text not null check (cadence in ${cadences}),
    updated_at timestamptz not null default now(),
    primary key (user_id, kind)
  )`,

  `create table follows (
    id integer generated always as identity primary key,
    user_id integer not null references users (id) on delete cascade,
    target_type text not null check (target_type in ${followTargets}),
    target_id integer not null,
    created_at timestamptz not null default now(),
    unique (user_id, target_type, target_id)
  )`,
  `create index follows_by_target on follows (target_type, target_id)`,

  `create table notification_digests (
    user_id integer not null references users (id) on delete cascade,
    cadence text not null check (cadence in ('daily', 'weekly')),
    period_start timestamptz not null,
    sent_at timestamptz not null default now(),
    primary key (user_id, cadence, period_start)
  )`,

  // The token only turns emails off, so it is kept as it is put in every email (a hash could not be put there).
  `create table notification_tokens (
    user_id integer primary key references users (id) on delete cascade,
    token text not null unique,
    created_at timestamptz not null default now()
  )`,

  `alter table emails add column headers jsonb not null default '{}'`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
