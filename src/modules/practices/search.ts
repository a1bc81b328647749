/**
 * Good practices in the platform-wide search, found as the library finds them: the practices its catalogue says the
 * reader may find (its own rule, `mayFind`: published practices, plus drafts within the actor's roles), kept per scope
 * like every kind's (search/visible-records.ts), without the facet counts the library's page needs; "all N practices"
 * opens the library.
 */
import { fill } from '../../core/extensions.js';
import { foundAmong, searchableKinds, type VisibleRecordsSource } from '../search/service.js';
import { catalogueOf } from './library/catalogue.js';
import { mayFind } from './library/matching.js';
import type { Visibility } from './library/search.js';
import { pageRows } from './library/search-queries.js';
import { visibilityFor } from './library/service.js';

const visible: VisibleRecordsSource<Visibility> = {
  kind: 'practice',
  tables: ['practices'],
  async rows(db, visibility) {
    const { entries } = await catalogueOf(db);
    return entries.filter((entry) => mayFind(entry, visibility)).map((entry) => ({ id: entry.id, listed_as: entry.id }));
  },
};

export const practiceSearch = fill(searchableKinds, {
  kind: 'practice',
  groupKey: 'practices.search.group',
  countKey: 'practices.search.count',
  allHref: (q) => `/practices?${new URLSearchParams({ q }).toString()}`,
  async find(db, actor, match, limit) {
    return foundAmong(db, visible, visibilityFor(actor), match, limit, async (ids, markings) =>
      (await pageRows(db, ids, markings)).map((hit) => ({
        id: hit.id,
        title: hit.titleHighlighted,
        url: `/practices/${hit.id}`,
        snippet: hit.summaryHighlighted,
        language: hit.language,
      })),
    );
  },
});
