/**
 * An instrument records the language its texts (name, description, services, cost) are written in, so the CPSV-AP
 * export tags them correctly and pages mark them with `lang`. Existing instruments were written through English
 * forms and the demo is in English, hence the default.
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table instruments add column text_language text not null default 'en' check (text_language in ('en', 'it', 'et', 'hu', 'sv'))`.execute(db);
}
