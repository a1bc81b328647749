/** The library's facet counts kept per data version: served again while nothing changes, counted again after any write. */
import { describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../core/testing/http.js';
import { aPractice } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { libraryDocumentSchema } from '../exchange/api.js';
import { keptFacetCounts } from './facet-cache.js';
import type { SearchFilters, Visibility } from './search.js';

const fixture = useWorld();
const everything: SearchFilters = { text: '', themes: [], countries: [], partners: [], scopes: [], statuses: [] };
const visitor: Visibility = { allStatuses: false, programmeIds: [], partnerIds: [], proposerUserId: null };

describe('the library’s facet counts', () => {
  it('are kept while nothing changes, and counted again at the next request after a write', async () => {
    const { db } = fixture.context;
    const partner = fixture.world.partnerA.id;
    await aPractice(db, partner, 'Open permits portal', { status: 'published' });
    const first = await keptFacetCounts(db, everything, visitor, null);
    expect(await keptFacetCounts(db, everything, visitor, null)).toBe(first);
    // Another reader's visibility or other filters are other counts.
    expect(await keptFacetCounts(db, { ...everything, partners: [partner] }, visitor, null)).not.toBe(first);

    const library = async () =>
      libraryDocumentSchema.parse(JSON.parse((await new TestBrowser(fixture.context.app).get('/practices', { accept: 'application/json' })).body));
    const before = await library();
    expect(before.total).toBe(first.total);
    await aPractice(db, partner, 'Digital budget dashboard', { status: 'published' });
    const after = await library();
    expect(after.total).toBe(before.total + 1);
    expect(after.facets.partner[String(partner)]).toBe((before.facets.partner[String(partner)] ?? 0) + 1);
    // A draft is not counted for a visitor, but the write is a new version: counted again, to the same figures.
    const kept = await keptFacetCounts(db, everything, visitor, null);
    await aPractice(db, partner, 'Unfinished idea');
    const again = await keptFacetCounts(db, everything, visitor, null);
    expect(again).not.toBe(kept);
    expect(again).toEqual(kept);
  });
});
