/**
 * The library's facet counts at scale (issue #13): without words, /practices counts themes, countries, partners,
 * scopes and statuses over every published practice. This index holds just the columns those counts read, so they come
 * from an index-only scan of ~90 pages instead of the whole practices table (~2,800 pages at 5,800 practices, whose
 * rows carry descriptions and search vectors).
 * Frozen: a migration never changes once released and imports nothing from src/.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index practices_facets on practices (status) include (id, owner_partner_id, location_country, geographical_scope, theme_codes)`.execute(db);
}
