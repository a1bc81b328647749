/** The platform search through HTTP: every kind found, each as its owner shows it to the visitor, filters, and refusals. */
import { beforeAll, describe, expect, it } from 'vitest';
import { valueOf } from '../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { aPlanActionForm, aPlanContextForm, aPractice, anEvent, anInstrumentInput } from '../../core/testing/records.js';
import { tableFingerprints } from '../../core/testing/fingerprints.js';
import { useWorld } from '../../core/testing/world.js';
import { systemActor } from '../../core/policy/actor.js';
import { createInstrument } from '../instruments/service.js';
import { anIndicator } from '../results/test-support.js';
import { platformSearchDocumentSchema } from './api.js';

const fixture = useWorld();
const system = systemActor('test');

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, partnerB, programme } = fixture.world;
  await aPractice(db, partnerA.id, 'Quokka counting app for citizens', { status: 'published' });
  await aPractice(db, partnerA.id, 'Quokka draft of the editors', { status: 'draft' });
  await anEvent(db, partnerA.id, { title: 'Quokka hackathon' });
  valueOf(await createInstrument(db, system, anInstrumentInput(partnerA.id, 'Quokka permits online')));
  valueOf(await createInstrument(db, system, anInstrumentInput(partnerA.id, 'Quokka idea board', { published: false, stage: 'idea' })));
  await anIndicator(db, programme.id, { names: JSON.stringify({ en: 'Quokka sightings reported' }), public: true });
  await anIndicator(db, programme.id, { names: JSON.stringify({ en: 'Quokka staff hours' }), public: false });
  // Partner B's plan, written but never endorsed: for the programme's staff only.
  const editor = await fixture.browserFor('editorB');
  const created = await editor.post('/plans', { partnerId: String(partnerB.id) });
  const planId = Number(String(created.headers.location).split('/').pop());
  await editor.post(`/plans/${planId}/context`, aPlanContextForm({ instrumentName: ['Quokka regional programme'] }));
  await editor.post(`/plans/${planId}/actions`, aPlanActionForm({ title: 'Quokka training for civil servants' }));
});

async function titlesFor(browser: TestBrowser, url: string): Promise<string[]> {
  const page = await browser.page(url);
  expect(page.status).toBe(200);
  return [...page.document.querySelectorAll('.result__title')].map((title) => title.textContent?.trim() ?? '');
}

describe('searching the whole platform', () => {
  it('finds the public records of every kind for a visitor, grouped by kind, and nothing unpublished', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=quokka');
    const headings = [...page.document.querySelectorAll('h2.library__heading[id^="results-"]')].map((heading) => heading.textContent?.trim());
    expect(headings).toEqual(['Good practices (1 practice)', 'Events (1 event)', 'eGovernment instruments (1 instrument)', 'Indicators (1 indicator)']);
    const titles = [...page.document.querySelectorAll('.result__title')].map((title) => title.textContent?.trim());
    expect(titles).toEqual([
      'Quokka counting app for citizens',
      'Quokka hackathon',
      'Quokka permits online',
      expect.stringContaining('Quokka sightings reported'),
    ]);
    expect(page.document.querySelector('.result__title mark')?.textContent).toBe('Quokka');
    expect(page.document.querySelector('a[href="/search"]')).not.toBeNull();
  });

  it('shows the programme’s staff the drafts, unpublished instruments, internal indicators and plans being written', async () => {
    const titles = await titlesFor(await fixture.browserFor('coordinator'), '/search?q=quokka');
    expect(titles).toEqual(
      expect.arrayContaining([
        'Quokka draft of the editors',
        'Quokka idea board',
        expect.stringContaining('Quokka staff hours'),
        expect.stringContaining('Regional Action Plan of'),
        'Quokka training for civil servants',
      ]),
    );
  });

  it('shows an editor their own partner’s draft practice, and a coordinator of another programme none of it', async () => {
    expect(await titlesFor(await fixture.browserFor('editorA'), '/search?q=quokka')).toContain('Quokka draft of the editors');
    const other = await titlesFor(await fixture.browserFor('otherCoordinator'), '/search?q=quokka');
    expect(other).not.toContain('Quokka draft of the editors');
    expect(other).not.toContain('Quokka training for civil servants');
  });

  it('shows one kind alone when it is chosen, keeping every kind’s count in the filters', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=quokka&kind=event');
    expect([...page.document.querySelectorAll('.result__title')].map((title) => title.textContent?.trim())).toEqual(['Quokka hackathon']);
    expect(page.screen.getByRole<HTMLInputElement>('checkbox', { name: /Events/ }).checked).toBe(true);
    expect(page.screen.getByRole<HTMLInputElement>('checkbox', { name: /Good practices \(1\)/ }).checked).toBe(false);
  });

  it('answers a page beyond the last as the last', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=quokka&kind=instrument&page=9');
    expect([...page.document.querySelectorAll('.result__title')].map((title) => title.textContent?.trim())).toEqual(['Quokka permits online']);
  });

  it('links “all practices” to the library with the same words', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=quokka&kind=practice');
    expect(page.document.querySelector('a[href="/practices?q=quokka"]')).not.toBeNull();
  });

  it('says so when nothing matches, keeping the search and its filters and offering no download', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=xylophonist&kind=event');
    expect(page.status).toBe(200);
    expect(page.screen.getByText('Nothing of the kinds chosen matches. Try fewer or other words, or show other kinds of record.')).toBeTruthy();
    expect(page.screen.getByRole<HTMLInputElement>('checkbox', { name: /Events/ }).checked).toBe(true);
    expect(page.screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }).value).toBe('xylophonist');
    expect(page.document.querySelector('a[href*="export"]')).toBeNull();
    expect(page.document.querySelectorAll('.result')).toHaveLength(0);
  });

  it('says so when the results have only some of the words', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=quokka+wallaby');
    expect(page.screen.getByText('No result contains all your words, so these contain some of them, the best matches first.')).toBeTruthy();
    expect(page.document.querySelectorAll('.result').length).toBeGreaterThanOrEqual(4);
  });

  it('offers the corrected words for a typo', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/search?q=hackathn');
    expect(page.screen.getByRole('link', { name: 'hackathon' }).getAttribute('href')).toBe('/search?q=hackathon');
  });

  it('answers API clients with JSON at the same address', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/search?q=quokka', { accept: 'application/json' });
    const document = platformSearchDocumentSchema.parse(response.json());
    const event = document.groups.find((group) => group.kind === 'event')?.results[0];
    expect(event?.title).toBe('Quokka hackathon');
    expect(event?.url).toMatch(/^http:\/\/better\.test\/events\/\d+$/);
    expect(document.groups.find((group) => group.kind === 'plan')?.total).toBe(0);
  });
});

describe('refusing a query the search cannot take', () => {
  it('refuses over-long words with a 400 page linking to the field, keeping what was typed, and changes nothing', async () => {
    const before = await tableFingerprints(fixture.context.db);
    const page = await new TestBrowser(fixture.context.app).page(`/search?q=${'a'.repeat(201)}`);
    expect(page.status).toBe(400);
    expect(page.document.title.startsWith('Error:')).toBe(true);
    const link = page.screen.getByRole('alert').querySelector('a');
    expect([link?.textContent, link?.getAttribute('href')]).toEqual(['Enter at most 200 characters to search for', '#field-q']);
    expect(page.screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search' }).value).toBe('a'.repeat(201));
    expect(await tableFingerprints(fixture.context.db)).toEqual(before);
  });

  it('refuses an unknown kind with a 400 page in the visitor’s language, and as JSON for API clients', async () => {
    const browser = new TestBrowser(fixture.context.app);
    await browser.get('/language/it?next=%2F');
    const page = readPage(await browser.get('/search?q=quokka&kind=unicorn'));
    expect(page.status).toBe(400);
    const link = page.screen.getByRole('alert').querySelector('a');
    expect([link?.textContent, link?.getAttribute('href')]).toEqual(["Scegli dall'elenco i tipi di contenuto da mostrare", '#field-kind']);
    const json = await browser.get('/search?q=quokka&kind=unicorn', { accept: 'application/json' });
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ error: 'invalid' });
  });
});

describe('the page in every language', () => {
  it.each([
    ['en', 'Search'],
    ['it', 'Cerca'],
    ['et', 'Otsing'],
    ['hu', 'Keresés'],
    ['sv', 'Sök'],
  ])('renders in %s', async (locale, heading) => {
    const browser = new TestBrowser(fixture.context.app);
    await browser.get(`/language/${locale}?next=%2F`);
    const page = await browser.page('/search?q=quokka');
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
    expect(page.document.querySelectorAll('.result').length).toBeGreaterThanOrEqual(4);
  });
});
