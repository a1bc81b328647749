/**
 * Good practices in the platform-wide search, found and shown exactly as the library finds them (its SQL and its
 * visibility: published practices, plus drafts within the actor's roles); "all N practices" opens the library.
 */
import { fill } from '../../core/extensions.js';
import { searchableKinds } from '../search/service.js';
import type { SearchFilters, TextMatch } from './library/search.js';
import { countMatches, searchPage } from './library/search-queries.js';
import { visibilityFor } from './library/service.js';

/** How many of the best-ranked practices the page is first looked for among. */
const pagePrefix = 300;

const noFilters: SearchFilters = { text: '', themes: [], countries: [], partners: [], scopes: [], statuses: [] };

export const practiceSearch = fill(searchableKinds, {
  kind: 'practice',
  groupKey: 'practices.search.group',
  countKey: 'practices.search.count',
  allHref: (q) => `/practices?${new URLSearchParams({ q }).toString()}`,
  async find(db, actor, { ranked, words, indexVersion }, limit) {
    const visibility = visibilityFor(actor);
    const matchOf = (records: typeof ranked): TextMatch => ({
      ids: records.map((record) => record.id),
      scores: records.map((record) => record.score),
      complete: records.map(() => false),
      words,
      indexVersion,
    });
    // The page is looked for among the best few hundred first: sending every score of a broad query (10,000 of them)
    // costs more than the rest of the query; only when too few of those are visible is the whole ranking sent.
    const page = (records: typeof ranked) => searchPage(db, noFilters, visibility, matchOf(records), 'relevance', limit, 0);
    const best = ranked.slice(0, pagePrefix);
    const [total, firstHits] = await Promise.all([countMatches(db, noFilters, visibility, matchOf(ranked)), page(best)]);
    const hits = firstHits.length < limit && ranked.length > best.length ? await page(ranked) : firstHits;
    return {
      total,
      items: hits.map((hit) => ({
        id: hit.id,
        title: hit.titleHighlighted,
        url: `/practices/${hit.id}`,
        snippet: hit.summaryHighlighted,
        language: hit.language,
      })),
    };
  },
});
