/**
 * The library's SQL: the columns its filters and facet counts read (kept per the practices table's version, catalogue.ts), one page of
 * results with the words they were found through marked, and practices like one. Which practices match, pass the
 * filters and come first is decided in memory (matching.ts) from the search index's ranking (core/search).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { markedWhole, shownTable } from '../../../core/search/marking-queries.js';
import type { GeographicalScope, PracticeStatus, Translations } from '../tables.js';
import type { SearchHit } from './search.js';

/** Every practice's filterable columns, in title order (the order the library lists by title): see catalogue.ts. */
export async function catalogueRows(db: Executor) {
  const rows = await sql<{
    id: number;
    programme_id: number;
    owner_partner_id: number;
    proposed_by_user_id: number | null;
    status: PracticeStatus;
    location_country: string | null;
    geographical_scope: string | null;
    theme_codes: string[];
    published_at: number | null;
    updated_at: number;
  }>`
    select id, programme_id, owner_partner_id, proposed_by_user_id, status, location_country, geographical_scope, theme_codes,
      (extract(epoch from published_at) * 1000)::float8 as published_at, (extract(epoch from updated_at) * 1000)::float8 as updated_at
    from practices
    order by lower(title), id
  `.execute(db);
  return rows.rows;
}

/**
 * The rows of one page of results, in the order given, with their titles and summaries marked where the query's words
 * match: `markings` holds each row's tsquery (core/search/marked-words.ts), or is null without a query.
 */
export async function pageRows(db: Executor, ids: readonly number[], markings: readonly string[] | null): Promise<SearchHit[]> {
  const headline = (column: RawBuilder<string>) => (markings ? markedWhole(sql`practice_text_config(p.language)`, column, sql`shown.marking`) : column);
  const rows = await sql<{
    id: number;
    title: string;
    summary: string;
    status: PracticeStatus;
    language: Locale;
    owner_partner_id: number;
    location_country: string | null;
    geographical_scope: GeographicalScope | null;
    published_at: Date | null;
    translations: Translations;
    theme_codes: string[];
    title_highlighted: string;
    summary_highlighted: string;
  }>`
    select p.id, p.title, p.summary, p.status, p.language, p.owner_partner_id, p.location_country, p.geographical_scope,
      p.published_at, p.translations, p.theme_codes,
      ${headline(sql`p.title`)} as title_highlighted, ${headline(sql`p.summary`)} as summary_highlighted
    from ${shownTable(ids, markings)} join practices p on p.id = shown.id
    order by shown.position
  `.execute(db);
  return rows.rows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status,
    language: row.language,
    ownerPartnerId: row.owner_partner_id,
    locationCountry: row.location_country,
    geographicalScope: row.geographical_scope,
    publishedAt: row.published_at,
    translations: row.translations,
    themes: row.theme_codes,
    titleHighlighted: row.title_highlighted,
    summaryHighlighted: row.summary_highlighted,
  }));
}

/**
 * Practices like this one: an OR query of its most frequent title, summary and keyword terms, ranked on the
 * candidates' rank vectors, plus a bonus per shared theme. Only published practices are suggested.
 */
export async function similarPractices(
  db: Executor,
  practiceId: number,
  limit: number,
): Promise<{ id: number; title: string; ownerPartnerId: number; score: number }[]> {
  const rows = await sql<{ id: number; title: string; owner_partner_id: number; score: number }>`
    with me as (select id, rank_vector, theme_codes from practices where id = ${practiceId}),
    terms as (
      select lexeme from me, unnest(me.rank_vector) as entry(lexeme, positions, weights)
      where char_length(lexeme) > 2
      order by cardinality(positions) desc, lexeme
      limit 12
    ),
    q as (select to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')) as query from terms),
    candidates as (
      select p.id, p.title, p.owner_partner_id, p.rank_vector,
        (select count(*) from unnest(p.theme_codes) as code where code = any(me.theme_codes)) as shared_themes
      from practices p, q, me
      where p.status = 'published' and p.id <> me.id and (p.rank_vector @@ q.query or p.theme_codes && me.theme_codes)
    )
    select c.id, c.title, c.owner_partner_id, (coalesce(ts_rank(c.rank_vector, q.query), 0) + 0.2 * c.shared_themes)::float8 as score
    from candidates c, q
    order by score desc, c.id
    limit ${limit}
  `.execute(db);
  return rows.rows.map((row) => ({ id: row.id, title: row.title, ownerPartnerId: row.owner_partner_id, score: row.score }));
}
