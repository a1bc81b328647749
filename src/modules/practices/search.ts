/**
 * Good practices in the platform-wide search, found and shown exactly as the library finds them (its catalogue and its
 * visibility: published practices, plus drafts within the actor's roles); "all N practices" opens the library.
 */
import { fill } from '../../core/extensions.js';
import { searchableKinds } from '../search/service.js';
import type { SearchFilters, TextMatch } from './library/search.js';
import { libraryMatches, pageOfResults, visibilityFor } from './library/service.js';

const noFilters: SearchFilters = { text: '', themes: [], countries: [], partners: [], scopes: [], statuses: [] };

export const practiceSearch = fill(searchableKinds, {
  kind: 'practice',
  groupKey: 'practices.search.group',
  countKey: 'practices.search.count',
  allHref: (q) => `/practices?${new URLSearchParams({ q }).toString()}`,
  async find(db, actor, { ranked, words, indexVersion }, limit) {
    const visibility = visibilityFor(actor);
    const match: TextMatch = {
      ids: ranked.map((record) => record.id),
      scores: ranked.map((record) => record.score),
      complete: ranked.map(() => false),
      words,
      indexVersion,
    };
    const found = await libraryMatches(db, noFilters, visibility, match);
    const hits = await pageOfResults(db, found, match, 'relevance', limit, 0);
    return {
      total: found.facets.total,
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
