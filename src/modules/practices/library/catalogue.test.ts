/** The library's catalogue, kept per version of the practices table: read again at the next request after a practice changes. */
import { describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../core/testing/http.js';
import { systemActor } from '../../../core/policy/actor.js';
import { aPractice, anEvent } from '../../../core/testing/records.js';
import { valueOf } from '../../../core/testing/factories.js';
import { changeStatus } from '../service.js';
import { useWorld } from '../../../core/testing/world.js';
import { libraryDocumentSchema } from '../exchange/api.js';
import { catalogueOf } from './catalogue.js';

const fixture = useWorld();

describe('the library’s catalogue', () => {
  it('is kept while nothing changes, and read again at the next request after a practice is written', async () => {
    const { db } = fixture.context;
    const partner = fixture.world.partnerA.id;
    await aPractice(db, partner, 'Open permits portal', { status: 'published' });
    const first = await catalogueOf(db);
    expect(await catalogueOf(db)).toBe(first);

    const library = async () =>
      libraryDocumentSchema.parse(JSON.parse((await new TestBrowser(fixture.context.app).get('/practices', { accept: 'application/json' })).body));
    const before = await library();
    await aPractice(db, partner, 'Digital budget dashboard', { status: 'published' });
    const after = await library();
    expect(after.total).toBe(before.total + 1);
    expect(after.facets.partner[String(partner)]).toBe((before.facets.partner[String(partner)] ?? 0) + 1);
    // A draft is not shown to a visitor, but it is in the catalogue read after it was written.
    const kept = await catalogueOf(db);
    const draft = await aPractice(db, partner, 'Unfinished idea');
    const again = await catalogueOf(db);
    expect(again).not.toBe(kept);
    expect(again.placeOf(draft)).toBeDefined();
    expect((await library()).total).toBe(after.total);
  });

  it('is kept through writes to other records, and read again when a practice only changes status', async () => {
    const { db } = fixture.context;
    const partner = fixture.world.partnerA.id;
    const draft = await aPractice(db, partner, 'Shared e-invoicing service');
    const kept = await catalogueOf(db);
    await anEvent(db, partner);
    expect(await catalogueOf(db)).toBe(kept);
    valueOf(await changeStatus(db, systemActor('test'), draft, 'submit'));
    const again = await catalogueOf(db);
    expect(again).not.toBe(kept);
    expect(again.entries[again.placeOf(draft) as number]?.status).toBe('submitted');
  });

  it('orders by title as PostgreSQL collates lower(title), and by the newest published first', async () => {
    const { db } = fixture.context;
    const partner = fixture.world.partnerA.id;
    const zebra = await aPractice(db, partner, 'zebra crossings', { status: 'published' });
    const apple = await aPractice(db, partner, 'Apple orchards', { status: 'published' });
    const catalogue = await catalogueOf(db);
    const titleOrder = catalogue.entries.map((entry) => entry.id);
    expect(titleOrder.indexOf(apple)).toBeLessThan(titleOrder.indexOf(zebra));
    const newest = [...catalogue.newestFirst];
    const placeOf = (id: number) => catalogue.placeOf(id) as number;
    expect(newest.indexOf(placeOf(apple))).toBeLessThan(newest.indexOf(placeOf(zebra)));
  });
});
