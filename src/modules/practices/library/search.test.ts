/**
 * Search quality and behaviour on the demo library plus 300 generated practices as distractors: a relevance test
 * set (each query must find its practices in the first five), highlights, facets, visibility, similar practices
 * and recommendations for learning needs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, systemActor } from '../../../core/policy/actor.js';
import { insertGeneratedPractices } from '../../../core/testing/practice-generator.js';
import { aPractice } from '../../../core/testing/records.js';
import { seedDemo } from '../../../seed.js';
import { listPartners } from '../../partners/service.js';
import { replaceThemes } from './queries.js';
import { searchQuerySchema } from '../schema.js';
import { highlightEnd, highlightStart } from './search.js';
import {
  changeStatus,
  createLearningNeed,
  findInLibrary,
  recommendationsFor,
  refreshRecommendations,
  refreshRequestedRecommendations,
  searchLibrary,
  similarPractices,
} from '../service.js';
import { useTestDatabase } from '../../../core/testing/world.js';

const database = useTestDatabase();
const titles = new Map<string, number>();
const system = systemActor('test');

beforeAll(async () => {
  const seeded = await seedDemo(database.db);
  if (!seeded.ok) throw new Error('demo not loaded');
  const partners = await listPartners(database.db, system, seeded.value.programmeId);
  await insertGeneratedPractices(database.db, {
    programmeId: seeded.value.programmeId,
    ownerPartnerIds: partners.map((partner) => partner.id),
    count: 300,
    seed: 7,
  });
  await database.db.transaction().execute((trx) => refreshRecommendations(trx, { programmeId: seeded.value.programmeId }));
  for (const row of await database.db.selectFrom('practices').select(['id', 'title']).execute()) titles.set(row.title, row.id);
});

async function topTitles(q: string, actor = anonymous, count = 5): Promise<string[]> {
  const page = await searchLibrary(database.db, actor, searchQuerySchema.parse({ q }));
  return page.hits.slice(0, count).map((hit) => hit.title);
}

// Queries people would type, and the practices that must be among the first five results.
const relevanceSet: [string, string[]][] = [
  ['testbed', ['Tartu – testbed of good thoughts']],
  ['testing smart city solutions with companies', ['Tartu – testbed of good thoughts']],
  ['challenge briefs for SMEs', ['Digital Innovation in Public Services (DIPS): challenge-led procurement for digital SMEs']],
  ['innovation procurement', ['Digital Innovation in Public Services (DIPS): challenge-led procurement for digital SMEs']],
  ['service design method', ['E-service development and implementation in Gävle']],
  ['pay municipal fees online', ['Pagamenti digitali dei servizi comunali']],
  ['pagamenti', ['Pagamenti digitali dei servizi comunali']],
  ['innovation culture', ['Internal innovation group']],
  ['pedestrian crossings', ['Smart pedestrian crossings']],
  ['heade mõtete', ['Tartu – testbed of good thoughts']],
  ['e-tjänster', ['E-service development and implementation in Gävle']],
  ['interregional learning', ['BETTER interregional learning method for e-government innovation']],
  ['data platform local initiatives', ['Smart city data platform integrating local initiatives']],
];

describe('relevance', () => {
  for (const [query, expected] of relevanceSet) {
    it(`finds ${expected.join(', ')} in the first five for “${query}”`, async () => {
      const top = await topTitles(query);
      for (const title of expected) expect(top, `top five for “${query}”`).toContain(title);
    });
  }

  it('ranks a title match above a match in the body text alone', async () => {
    const top = await topTitles('pedestrian');
    expect(top[0]).toBe('Smart pedestrian crossings');
  });
});

describe('results', () => {
  it('highlights the matched words in titles and summaries', async () => {
    const page = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'testbed' }));
    const hit = page.hits.find((candidate) => candidate.title === 'Tartu – testbed of good thoughts');
    expect(hit?.titleHighlighted).toBe(`Tartu – ${highlightStart}testbed${highlightEnd} of good thoughts`);
    expect(hit?.summaryHighlighted).toContain(`${highlightStart}testbed${highlightEnd}`);
  });

  it('counts every facet under the other filters, so choosing a theme keeps the other themes’ counts visible', async () => {
    const all = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'smart' }));
    const filtered = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'smart', theme: 'smart-city' }));
    expect(filtered.facets.counts.theme.get('open-data')).toBe(all.facets.counts.theme.get('open-data'));
    expect(filtered.facets.total).toBe(all.facets.counts.theme.get('smart-city'));
    // An empty page would pass the check below whatever the filter did.
    expect(filtered.hits.length).toBeGreaterThan(0);
    expect(filtered.hits.every((hit) => hit.themes.includes('smart-city'))).toBe(true);
  });

  it('pages through results without repeating or losing any', async () => {
    const first = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'residents', page: '1' }));
    const second = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'residents', page: '2' }));
    expect(first.pageCount).toBeGreaterThan(1);
    const ids = [...first.hits, ...second.hits].map((hit) => hit.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows the last page for a page number beyond it, so an old link still lands on results', async () => {
    const beyond = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'residents', page: '999' }));
    expect(beyond.page).toBe(beyond.pageCount);
    expect(beyond.hits.length).toBeGreaterThan(0);
  });

  it('filters and counts by the themes a practice has now, after its themes change', async () => {
    const id = titles.get('Smart pedestrian crossings') as number;
    const original = (await database.db.selectFrom('practice_themes').select('theme_code').where('practice_id', '=', id).execute()).map(
      (row) => row.theme_code,
    );
    expect(original).not.toContain('skills');
    const themeCountBefore = (await searchLibrary(database.db, anonymous, searchQuerySchema.parse({}))).facets.counts.theme.get('skills') ?? 0;
    await database.db.transaction().execute((trx) => replaceThemes(trx, id, ['skills']));
    const skills = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'pedestrian', theme: 'skills' }));
    expect(skills.hits.map((hit) => [hit.id, hit.themes])).toEqual([[id, ['skills']]]);
    expect((await searchLibrary(database.db, anonymous, searchQuerySchema.parse({}))).facets.counts.theme.get('skills')).toBe(themeCountBefore + 1);
    await database.db.transaction().execute((trx) => replaceThemes(trx, id, original));
    expect((await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: 'pedestrian', theme: 'skills' }))).hits).toEqual([]);
  });

  it('finds a practice published since the same query was searched at once, its owner among the page’s partners', async () => {
    const query = searchQuerySchema.parse({ q: 'pedestrian' });
    const before = await searchLibrary(database.db, anonymous, query);
    // The same query again uses its kept ranking: the same ids, as kept for it.
    expect((await searchLibrary(database.db, anonymous, query)).hits.map((hit) => hit.id)).toEqual(before.hits.map((hit) => hit.id));
    const owner = (await listPartners(database.db, system)).at(-1)?.id as number;
    const id = await aPractice(database.db, owner, 'Pedestrian school streets', { status: 'published' });
    const after = await findInLibrary(database.db, anonymous, query);
    expect(after.facets.total).toBe(before.facets.total + 1);
    expect(after.ids).toContain(id);
    expect(after.owners[after.ids.indexOf(id)]).toBe(owner);
  });

  it('sorts by title when asked', async () => {
    const page = await searchLibrary(database.db, anonymous, searchQuerySchema.parse({ theme: 'payments', sort: 'title' }));
    const names = page.hits.map((hit) => hit.title.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('survives queries made only of operators and punctuation', async () => {
    for (const query of ['"', ' - ', 'or', '!!!', '()', "' OR 1=1 --"]) {
      await expect(searchLibrary(database.db, anonymous, searchQuerySchema.parse({ q: query }))).resolves.toBeDefined();
    }
  });
});

describe('visibility', () => {
  it('shows the public published practices only, and staff their drafts and reviews too', async () => {
    const publicTitles = await topTitles('AI assistant citizen enquiries', anonymous, 20);
    expect(publicTitles).not.toContain('AI assistant for citizen enquiries');
    const staffTitles = await topTitles('AI assistant citizen enquiries', system as never, 20);
    expect(staffTitles).toContain('AI assistant for citizen enquiries');
  });
});

describe('similar practices', () => {
  it('suggests published practices sharing words and themes, never the practice itself', async () => {
    const id = titles.get('E-service development and implementation in Gävle') as number;
    const similar = await similarPractices(database.db, id, 5);
    expect(similar.map((entry) => entry.id)).not.toContain(id);
    expect(similar.length).toBe(5);
    // Scores are ordered, and the best suggestion shares a theme or a word with the practice.
    expect(similar.map((entry) => entry.score)).toEqual([...similar.map((entry) => entry.score)].sort((a, b) => b - a));
  });
});

describe('recommendations for learning needs', () => {
  it('recommends published practices of other partners that match each need, best first', async () => {
    const partners = await listPartners(database.db, system);
    const tartu = partners.find((partner) => partner.shortName === 'Tartu') as (typeof partners)[number];
    const [payments] = await recommendationsFor(database.db, tartu.id);
    expect(payments?.need.description).toContain('pay municipal fees');
    expect(payments?.practices[0]?.title).toBe('Pagamenti digitali dei servizi comunali');
    expect(payments?.practices.every((practice) => practice.ownerPartnerId !== tartu.id)).toBe(true);
  });

  it('never recommends a partner its own practices', async () => {
    const partners = await listPartners(database.db, system);
    const genoa = partners.find((partner) => partner.shortName === 'Genoa') as (typeof partners)[number];
    const created = await createLearningNeed(database.db, system, genoa.id, { themeCode: 'payments', description: 'online payments of municipal fees' });
    expect(created.ok).toBe(true);
    const recommendations = (await recommendationsFor(database.db, genoa.id)).flatMap((recommendation) => recommendation.practices);
    expect(recommendations.length).toBeGreaterThan(0);
    expect(recommendations.every((practice) => practice.ownerPartnerId !== genoa.id)).toBe(true);
  });

  it('follows the library: a withdrawn practice leaves at once, a newly published one arrives with the worker’s refresh', async () => {
    const partners = await listPartners(database.db, system);
    const tartu = partners.find((partner) => partner.shortName === 'Tartu') as (typeof partners)[number];
    const genoa = partners.find((partner) => partner.shortName === 'Genoa') as (typeof partners)[number];
    const paymentsNeed = async () => (await recommendationsFor(database.db, tartu.id)).find((recommendation) => recommendation.need.themeCode === 'payments');
    const best = (await paymentsNeed())?.practices[0];
    expect(best?.title).toBe('Pagamenti digitali dei servizi comunali');

    expect((await changeStatus(database.db, system, best?.id as number, 'return', 'Needs figures')).ok).toBe(true);
    expect((await paymentsNeed())?.practices.map((practice) => practice.id)).not.toContain(best?.id);

    // Only a title, a summary and a theme: the recommendation must come from what they say.
    const form = { summary: 'Citizens pay municipal fees and fines online.', themes: ['payments'], keywords: '', description: '', links: '' };
    const createdId = await aPractice(database.db, genoa.id, 'Pay municipal fees and fines online with one payment notice', { status: 'published', form });
    expect((await paymentsNeed())?.practices.map((practice) => practice.id)).not.toContain(createdId);
    expect(await refreshRequestedRecommendations(database.db)).toBe(1);
    expect((await paymentsNeed())?.practices[0]?.id).toBe(createdId);
    expect(await refreshRequestedRecommendations(database.db)).toBe(0);
  });
});
