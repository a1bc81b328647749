/**
 * What a search of the library is asked and answers: the filters, who may see what, the hits and facet counts, and
 * the marks around matched words. The SQL that answers it is in search-queries.ts; the ranking of a query's words,
 * in core/search.
 */
import type { Locale } from '../../../core/i18n/locales.js';
import type { Ranking } from '../../../core/search/search-index.js';
import type { GeographicalScope, PracticeStatus, Translations } from '../tables.js';

/**
 * The practices a query's words found, best first, as the search index ranked them (core/search): every practice
 * that shares a meaningful word with the query, or one of its synonyms, translations or corrections.
 */
export interface TextMatch {
  ranking: Ranking;
  /** How many slots the query has: a practice matching all of them has every word (or an alternative of each). */
  slots: number;
  /** What to mark in the titles and summaries of the practices given: a tsquery each (core/search/marked-words.ts). */
  markingsOf: (ids: readonly number[]) => string[];
}

/** Which practices an actor may find: published ones, plus those their roles let them see in the back office. */
export interface Visibility {
  allStatuses: boolean;
  programmeIds: number[];
  partnerIds: number[];
  proposerUserId: number | null;
}

export interface SearchFilters {
  text: string;
  themes: string[];
  countries: string[];
  partners: number[];
  scopes: string[];
  statuses: PracticeStatus[];
}

export type Facet = 'theme' | 'country' | 'partner' | 'scope' | 'status';

export interface FacetCounts {
  total: number;
  /** Of the total, those having every word of the query. */
  complete: number;
  counts: Record<Facet, Map<string, number>>;
}

export interface SearchHit {
  id: number;
  title: string;
  summary: string;
  status: PracticeStatus;
  language: Locale;
  ownerPartnerId: number;
  locationCountry: string | null;
  geographicalScope: GeographicalScope | null;
  publishedAt: Date | null;
  translations: Translations;
  themes: string[];
  /** Title and summary with the matched words between \u0001 and \u0002 (empty without a query). */
  titleHighlighted: string;
  summaryHighlighted: string;
}

export type SearchOrder = 'relevance' | 'newest' | 'title';

/** Marks around matched words (core/search/highlight.ts). */
export { highlightEnd, highlightStart } from '../../../core/search/highlight.js';
