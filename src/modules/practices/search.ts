/**
 * Good practices in the platform-wide search, found and shown exactly as the library finds them (its SQL and its
 * visibility: published practices, plus drafts within the actor's roles); "all N practices" opens the library.
 */
import { fill } from '../../core/extensions.js';
import { searchableKinds } from '../search/service.js';
import type { SearchFilters, TextMatch } from './library/search.js';
import { matchingIds, searchPage } from './library/search-queries.js';
import { visibilityFor } from './library/service.js';

const noFilters: SearchFilters = { text: '', themes: [], countries: [], partners: [], scopes: [], statuses: [] };

export const practiceSearch = fill(searchableKinds, {
  kind: 'practice',
  groupKey: 'practices.search.group',
  countKey: 'practices.search.count',
  allHref: (q) => `/practices?${new URLSearchParams({ q }).toString()}`,
  async find(db, actor, { ranked, words }, limit) {
    const visibility = visibilityFor(actor);
    const match: TextMatch = { ids: ranked.map((record) => record.id), scores: ranked.map((record) => record.score), completeIds: [], words };
    const [visible, hits] = await Promise.all([
      matchingIds(db, noFilters, visibility, match),
      searchPage(db, noFilters, visibility, match, 'relevance', limit, 0),
    ]);
    return {
      total: visible.length,
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
