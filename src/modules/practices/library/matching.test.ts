/** Which practices a library search finds, counts and lists first, decided over the catalogue. */
import { describe, expect, it } from 'vitest';
import { Catalogue, type CatalogueEntry } from './catalogue.js';
import { matchesOf, mayFind } from './matching.js';
import { Ranking } from '../../../core/search/search-index.js';
import type { SearchFilters, TextMatch, Visibility } from './search.js';

const day = 86_400_000;
function entry(id: number, changes: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    id,
    programmeId: 1,
    ownerPartnerId: 10,
    proposedByUserId: null,
    status: 'published',
    country: 'IT',
    scope: 'regional',
    themes: ['t1'],
    publishedAt: id * day,
    updatedAt: id * day,
    ...changes,
  };
}
const visitor: Visibility = { allStatuses: false, programmeIds: [], partnerIds: [], proposerUserId: null };
const noFilters: SearchFilters = { text: '', themes: [], countries: [], partners: [], scopes: [], statuses: [] };
const matchOf = (ids: number[], complete: boolean[] = ids.map(() => true)): TextMatch => ({
  ranking: new Ranking(
    Int32Array.from(ids),
    Float64Array.from(ids, (_, at) => 10 - at),
    Uint16Array.from(complete, (hasEveryWord) => (hasEveryWord ? 2 : 1)),
  ),
  slots: 2,
  markingsOf: () => [],
});

describe('who may find a practice', () => {
  const draft = entry(1, { status: 'draft', programmeId: 2, ownerPartnerId: 20, proposedByUserId: 7 });
  it('a visitor finds published practices only', () => {
    expect(mayFind(entry(2), visitor)).toBe(true);
    expect(mayFind(draft, visitor)).toBe(false);
  });
  it('an administrator finds every practice', () => {
    expect(mayFind(draft, { ...visitor, allStatuses: true })).toBe(true);
  });
  it('a coordinator finds the drafts of their programme, not of another', () => {
    expect(mayFind(draft, { ...visitor, programmeIds: [2] })).toBe(true);
    expect(mayFind(draft, { ...visitor, programmeIds: [3] })).toBe(false);
  });
  it("an editor finds their partner's practices except declined proposals", () => {
    expect(mayFind(draft, { ...visitor, partnerIds: [20] })).toBe(true);
    expect(mayFind({ ...draft, status: 'declined' }, { ...visitor, partnerIds: [20] })).toBe(false);
    expect(mayFind(draft, { ...visitor, partnerIds: [21] })).toBe(false);
  });
  it('a stakeholder finds what they proposed, declined included', () => {
    expect(mayFind({ ...draft, status: 'declined' }, { ...visitor, proposerUserId: 7 })).toBe(true);
    expect(mayFind(draft, { ...visitor, proposerUserId: 8 })).toBe(false);
  });
});

describe('a search over the catalogue', () => {
  // In title order: c, a, b (ids 3, 1, 2); 4 is a draft; 5 has no country.
  const catalogue = new Catalogue([
    entry(3, { themes: ['t1', 't2'], country: 'EE' }),
    entry(1, { publishedAt: null }),
    entry(2, { ownerPartnerId: 11, themes: ['t2'] }),
    entry(4, { status: 'draft' }),
    entry(5, { country: null, scope: null }),
  ]);

  it('counts each facet under the other filters, so every option shows what choosing it gives', () => {
    const found = matchesOf(catalogue, { ...noFilters, themes: ['t2'], countries: ['IT'] }, visitor, null);
    expect(found.facets.total).toBe(1);
    expect(found.ordered('id')).toEqual([2]);
    // Themes under the country filter alone (IT): 1 (t1) and 2 (t2); 3 is in EE, 5 has no country.
    expect(Object.fromEntries(found.facets.counts.theme)).toEqual({ t1: 1, t2: 1 });
    // Countries under the theme filter alone: 3 (EE) and 2 (IT).
    expect(Object.fromEntries(found.facets.counts.country)).toEqual({ EE: 1, IT: 1 });
    expect(Object.fromEntries(found.facets.counts.partner)).toEqual({ '11': 1 });
  });

  it('leaves out what the reader may not see and what no longer exists', () => {
    const found = matchesOf(catalogue, noFilters, visitor, matchOf([4, 99, 2, 5]));
    expect(found.ordered('relevance')).toEqual([2, 5]);
    expect(found.facets.total).toBe(2);
    expect(matchesOf(catalogue, noFilters, { ...visitor, allStatuses: true }, matchOf([4, 2])).ordered('relevance')).toEqual([4, 2]);
  });

  it('counts the matches having every word', () => {
    const found = matchesOf(catalogue, noFilters, visitor, matchOf([1, 2, 3], [false, true, false]));
    expect(found.facets).toMatchObject({ total: 3, complete: 1 });
    expect(matchesOf(catalogue, noFilters, visitor, null).facets.complete).toBe(4);
  });

  it('lists by the ranking, by title, by the newest (unpublished last) and by id', () => {
    const found = matchesOf(catalogue, noFilters, visitor, matchOf([5, 1, 3, 2]));
    expect(found.ordered('relevance')).toEqual([5, 1, 3, 2]);
    expect(found.ordered('title')).toEqual([3, 1, 2, 5]);
    expect(found.ordered('newest')).toEqual([5, 3, 2, 1]);
    expect(found.ordered('id')).toEqual([1, 2, 3, 5]);
    // Without words every practice matches equally, and the best match is the newest.
    expect(matchesOf(catalogue, noFilters, visitor, null).ordered('relevance')).toEqual([5, 3, 2, 1]);
  });

  it('lists a page as the same window of the whole list, in every order', () => {
    for (const found of [matchesOf(catalogue, noFilters, visitor, matchOf([5, 1, 3, 2])), matchesOf(catalogue, noFilters, visitor, null)])
      for (const order of ['relevance', 'title', 'newest', 'id'] as const)
        for (const [offset, limit] of [
          [0, 2],
          [1, 2],
          [3, 5],
          [9, 2],
        ] as const)
          expect(found.ordered(order, offset, limit), `${order} from ${offset}`).toEqual(found.ordered(order).slice(offset, offset + limit));
  });
});
