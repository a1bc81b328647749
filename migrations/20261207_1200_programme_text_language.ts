/**
 * A programme records the language its texts (title, summary, its phases' names and descriptions) are written in, so
 * pages in another language mark them with `lang` (WCAG 3.1.2). Existing programmes were written through English forms
 * and the demo is in English, hence the default, as for instruments and events.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table programmes add column text_language text not null default 'en' check (text_language in ('en', 'it', 'et', 'hu', 'sv'))`.execute(db);
}
