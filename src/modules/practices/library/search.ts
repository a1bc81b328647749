/**
 * What a search of the library is asked and answers: the filters, who may see what, the hits and facet counts, and
 * the marks around matched words. The SQL that answers it is in search-queries.ts.
 */
import type { Locale } from '../../../core/i18n/locales.js';
import type { GeographicalScope, PracticeStatus, Translations } from '../tables.js';

/**
 * The words of a query joined by "or", for the fallback when no practice has them all; quotes and operators are
 * dropped, since a phrase or an exclusion means nothing once any word may match.
 */
export function anyWordOf(text: string): string {
  return text
    .replace(/["()]/g, ' ')
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ''))
    .filter((word) => word !== '' && word.toLowerCase() !== 'or')
    .join(' or ');
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

/** Marks around matched words that no practice text can contain (control characters are removed from all input). */
export const highlightStart = '\u0001';
export const highlightEnd = '\u0002';
