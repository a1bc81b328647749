/**
 * Event participants (#12): each event says how many days before it starts its confirmed participants get a reminder
 * (null: none; existing and new events default to two days) and the language its texts are written in (so pages mark
 * them with `lang`; the demo and existing events were written in English). Each registration records when its
 * reminder was claimed, so two worker nodes never send it twice, and how often its private link was sent again on
 * request ("I lost my link"), which is limited per registration.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table events add column reminder_days_before smallint default 2 check (reminder_days_before between 1 and 30)`.execute(db);
  await sql`alter table events add column text_language text not null default 'en' check (text_language in ('en', 'it', 'et', 'hu', 'sv'))`.execute(db);
  await sql`alter table registrations add column reminded_at timestamptz`.execute(db);
  await sql`alter table registrations add column link_resent_at timestamptz`.execute(db);
  await sql`alter table registrations add column link_resends smallint not null default 0`.execute(db);
  // The reminder worker's question: which confirmed people of an event have not been reminded yet.
  await sql`create index registrations_to_remind on registrations (event_id) where status = 'registered' and reminded_at is null`.execute(db);
}
