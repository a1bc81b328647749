/**
 * The library's SQL: which practices the actor may see pass the filters, their facet counts and one page of them.
 * The words of a query are matched and ranked by the search index (core/search), which hands these queries the
 * matching practices' ids and scores; headlines mark the words they were found through. Facet counts are taken over
 * the matches, each facet under the other filters, so every option shows what choosing it would give.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { markedWhole, markedWordsQuery } from '../../../core/search/marking-queries.js';
import type { GeographicalScope, PracticeStatus, Translations } from '../tables.js';
import { type Facet, type FacetCounts, type SearchFilters, type SearchHit, type SearchOrder, type TextMatch, type Visibility } from './search.js';

function visibilityCondition(visibility: Visibility): RawBuilder<boolean> {
  if (visibility.allStatuses) return sql<boolean>`true`;
  const conditions = [sql`p.status = 'published'`];
  if (visibility.programmeIds.length) conditions.push(sql`p.programme_id = any(${visibility.programmeIds}::int[])`);
  if (visibility.partnerIds.length) conditions.push(sql`(p.owner_partner_id = any(${visibility.partnerIds}::int[]) and p.status <> 'declined')`);
  if (visibility.proposerUserId !== null) conditions.push(sql`p.proposed_by_user_id = ${visibility.proposerUserId}`);
  return sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

/** Each filter as a condition on practices `p` (true when the filter is not used). */
function filterConditions(filters: SearchFilters): Record<'theme' | 'country' | 'partner' | 'scope' | 'status', RawBuilder<boolean>> {
  const when = (values: readonly unknown[], condition: RawBuilder<boolean>) => (values.length ? condition : sql<boolean>`true`);
  return {
    theme: when(filters.themes, sql`p.theme_codes && ${filters.themes}::text[]`),
    country: when(filters.countries, sql`p.location_country = any(${filters.countries}::text[])`),
    partner: when(filters.partners, sql`p.owner_partner_id = any(${filters.partners}::int[])`),
    scope: when(filters.scopes, sql`p.geographical_scope = any(${filters.scopes}::text[])`),
    status: when(filters.statuses, sql`p.status = any(${filters.statuses}::text[])`),
  };
}

/**
 * The practices table, joined to what the query's words found when there are words (each practice's score and
 * whether it has every word): a join, not `id = any(…)`, which a generic plan of a prepared statement checks by
 * walking the whole list for every row — thousands of ids for a broad query.
 */
function practicesFound(match: TextMatch | null): RawBuilder<unknown> {
  if (!match) return sql`practices p`;
  return sql`practices p join unnest(${match.ids}::int[], ${match.scores}::float8[], ${match.complete}::boolean[]) as found(id, score, complete)
    on found.id = p.id`;
}

/** The matches with one flag per filter, for the facet counts. */
function flaggedMatches(filters: SearchFilters, visibility: Visibility, match: TextMatch | null) {
  const condition = filterConditions(filters);
  return sql`
    select p.id, p.owner_partner_id, p.location_country, p.geographical_scope, p.status, p.theme_codes,
      ${condition.theme} as theme_ok, ${condition.country} as country_ok, ${condition.partner} as partner_ok,
      ${condition.scope} as scope_ok, ${condition.status} as status_ok,
      ${match ? sql`found.complete` : sql`true`} as complete
    from ${practicesFound(match)}
    where ${visibilityCondition(visibility)}`;
}

/** The matches that pass every filter. */
function filteredMatches(filters: SearchFilters, visibility: Visibility): RawBuilder<boolean> {
  return sql<boolean>`${visibilityCondition(visibility)} and ${sql.join(Object.values(filterConditions(filters)), sql` and `)}`;
}

/**
 * Every facet's counts and the total, in one round trip. Themes are unnested in the select list (one pass) rather than
 * by a lateral join, which starts a function scan per practice: a fifth less time over the whole library (issue #13).
 */
export async function facetCounts(db: Executor, filters: SearchFilters, visibility: Visibility, match: TextMatch | null): Promise<FacetCounts> {
  const rows = await sql<{ facet: Facet | 'total' | 'complete'; value: string | null; count: number }>`
    with flagged as (${flaggedMatches(filters, visibility, match)})
    select 'theme' as facet, theme_code as value, count(*)::int as count
      from (select unnest(theme_codes) as theme_code from flagged where country_ok and partner_ok and scope_ok and status_ok) as themed
      group by theme_code
    union all
    select 'country', location_country, count(*)::int from flagged
      where theme_ok and partner_ok and scope_ok and status_ok and location_country is not null group by location_country
    union all
    select 'partner', owner_partner_id::text, count(*)::int from flagged
      where theme_ok and country_ok and scope_ok and status_ok group by owner_partner_id
    union all
    select 'scope', geographical_scope, count(*)::int from flagged
      where theme_ok and country_ok and partner_ok and status_ok and geographical_scope is not null group by geographical_scope
    union all
    select 'status', status, count(*)::int from flagged
      where theme_ok and country_ok and partner_ok and scope_ok group by status
    union all
    select 'total', null, count(*)::int from flagged
      where theme_ok and country_ok and partner_ok and scope_ok and status_ok
    union all
    select 'complete', null, count(*)::int from flagged
      where theme_ok and country_ok and partner_ok and scope_ok and status_ok and complete
  `.execute(db);
  const counts: Record<Facet, Map<string, number>> = { theme: new Map(), country: new Map(), partner: new Map(), scope: new Map(), status: new Map() };
  let total = 0;
  let complete = 0;
  for (const row of rows.rows) {
    if (row.facet === 'total') total = row.count;
    else if (row.facet === 'complete') complete = row.count;
    else if (row.value !== null) counts[row.facet].set(row.value, row.count);
  }
  return { total, complete, counts };
}

/** How many practices match the filters (the platform search's count of practices). */
export async function countMatches(db: Executor, filters: SearchFilters, visibility: Visibility, match: TextMatch | null): Promise<number> {
  const rows = await sql<{ count: number }>`select count(*)::int as count from ${practicesFound(match)} where ${filteredMatches(filters, visibility)}`.execute(
    db,
  );
  return rows.rows[0]?.count ?? 0;
}

/** The ids of every practice matching the filters, in id order (for exports of a search). */
export async function matchingIds(db: Executor, filters: SearchFilters, visibility: Visibility, match: TextMatch | null): Promise<number[]> {
  const rows = await sql<{ id: number }>`select p.id from ${practicesFound(match)} where ${filteredMatches(filters, visibility)} order by p.id`.execute(db);
  return rows.rows.map((row) => row.id);
}

/**
 * One page of results, in the index's order for relevance (its scores joined to the rows); headlines are made for the
 * page's rows only.
 */
export async function searchPage(
  db: Executor,
  filters: SearchFilters,
  visibility: Visibility,
  match: TextMatch | null,
  order: SearchOrder,
  limit: number,
  offset: number,
): Promise<SearchHit[]> {
  const hasText = match !== null;
  const query = hasText ? markedWordsQuery(match.words) : sql<string>`null::tsquery`;
  // The same ordering inside (to pick the page) and outside (SQL does not keep a subquery's order).
  const orderBy = (alias: 'p' | 'page') =>
    order === 'title'
      ? sql`lower(${sql.ref(`${alias}.title`)}), ${sql.ref(`${alias}.id`)}`
      : order === 'newest' || !hasText
        ? sql`${sql.ref(`${alias}.published_at`)} desc nulls last, ${sql.ref(`${alias}.updated_at`)} desc, ${sql.ref(`${alias}.id`)} desc`
        : sql`${alias === 'p' ? sql`rank` : sql.ref('page.rank')} desc, ${sql.ref(`${alias}.published_at`)} desc nulls last, ${sql.ref(`${alias}.id`)} desc`;
  const headline = (column: RawBuilder<string>) => (hasText ? markedWhole(sql`practice_text_config(page.language)`, column, query) : column);
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
    with page as (
      select p.id, p.title, p.summary, p.status, p.language, p.owner_partner_id, p.location_country, p.geographical_scope,
        p.published_at, p.updated_at, p.translations, p.theme_codes, ${hasText ? sql`found.score` : sql`0`}::float8 as rank
      from ${practicesFound(match)}
      where ${filteredMatches(filters, visibility)}
      order by ${orderBy('p')}
      limit ${limit} offset ${offset}
    )
    select page.*, ${headline(sql`page.title`)} as title_highlighted, ${headline(sql`page.summary`)} as summary_highlighted
    from page
    order by ${orderBy('page')}
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
