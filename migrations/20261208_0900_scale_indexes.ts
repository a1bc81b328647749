/**
 * Indexes for an installation holding many programmes (issue #13: a whole Interreg generation, 260 programmes):
 * pages that list across every programme — the front page's latest practices and upcoming events, the library and
 * the events listing — read these instead of scanning and sorting every practice or event.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

const statements = [
  // The newest published practices of every programme (the front page), in the order they are shown.
  `create index practices_latest_published on practices (published_at desc, id desc) where status = 'published'`,
  // The library without words: every programme's published practices, newest first, a page at a time.
  `create index practices_library_newest on practices (published_at desc nulls last, updated_at desc, id desc) where status = 'published'`,
  // Upcoming events (ends_at >= now) and their count; past ones in the order the listing shows them, newest first.
  `create index events_by_end on events (ends_at)`,
  `create index events_by_start on events (starts_at, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
