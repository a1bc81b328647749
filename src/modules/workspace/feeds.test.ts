/** The public Atom and RSS feeds, read back with a feed parser as a feed reader would. */
import { parseFeed } from 'feedsmith';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { anEndorsedPlan, anEvent, aPractice } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';

const fixture = useWorld();
const awkward = `<b>Tom & "Jerry"'s</b> 🎉 café`;

/** What a reader shows of an HTML text field (Atom type="html", RSS description). */
function asText(html: string | undefined): string {
  return (html ?? '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

let ids: { published: number; draft: number; otherPartner: number; event: number; pastEvent: number; plan: number };

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, partnerB } = fixture.world;
  const published = await aPractice(db, partnerA.id, awkward, { status: 'published', form: { language: 'it', summary: `Sommario ${awkward}` } });
  const draft = await aPractice(db, partnerA.id, 'Still a draft');
  const otherPartner = await aPractice(db, partnerB.id, 'Published by B', { status: 'published' });
  const event = await anEvent(db, partnerA.id, { title: awkward, description: 'Bring a laptop & ideas.' });
  const pastEvent = await anEvent(db, partnerA.id, { title: 'Over already' });
  await db
    .updateTable('events')
    .set({ starts_at: new Date(Date.now() - 5 * 3_600_000), ends_at: new Date(Date.now() - 3_600_000) })
    .where('id', '=', pastEvent)
    .execute();
  const { planId } = await anEndorsedPlan(fixture);
  await (await fixture.browserFor('editorA')).post('/plans', { partnerId: String(partnerA.id) });
  ids = { published, draft, otherPartner, event, pastEvent, plan: planId };
});

async function feedAt(path: string) {
  const response = await new TestBrowser(fixture.context.app).get(path);
  return { response, parsed: response.statusCode === 200 ? parseFeed(response.body) : undefined };
}

describe('the public feeds', () => {
  it('lists a programme’s published practices in Atom, each with its link, dates, author and language', async () => {
    const url = fixture.context.app.config.publicUrl;
    const { response, parsed } = await feedAt(`/programmes/${fixture.world.programme.id}/feeds/practices.atom`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    if (parsed?.format !== 'atom') throw new Error(`not Atom: ${parsed?.format}`);
    const entries = parsed.feed.entries ?? [];
    expect(entries.map((entry) => asText(entry.title?.value))).toEqual(expect.arrayContaining([awkward, 'Published by B']));
    expect(entries.map((entry) => entry.title?.value)).not.toContain('Still a draft');
    const entry = entries.find((candidate) => asText(candidate.title?.value) === awkward);
    expect(entry?.id).toBe(`${url}/practices/${ids.published}`);
    expect(entry?.links?.[0]?.href).toBe(`${url}/practices/${ids.published}`);
    expect(asText(entry?.summary?.value)).toBe(`Sommario ${awkward}`);
    expect(entry?.authors?.[0]?.name).toBe(fixture.world.partnerA.name);
    const row = await fixture.context.db
      .selectFrom('practices')
      .select(['published_at', 'updated_at'])
      .where('id', '=', ids.published)
      .executeTakeFirstOrThrow();
    expect(new Date(entry?.published ?? '').getTime()).toBe(row.published_at?.getTime());
    expect(new Date(entry?.updated ?? '').getTime()).toBe(row.updated_at.getTime());
    expect(response.body).toContain('<entry xml:lang="it">');
    expect(parsed.feed.id).toBe(`${url}/programmes/${fixture.world.programme.id}/feeds/practices.atom`);
  });

  it('gives the same practices in RSS 2.0, the title as plain text', async () => {
    const { response, parsed } = await feedAt(`/partners/${fixture.world.partnerA.id}/feeds/practices.rss`);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    if (parsed?.format !== 'rss') throw new Error(`not RSS: ${parsed?.format}`);
    const items = parsed.feed.items ?? [];
    expect(items.map((item) => item.title)).toEqual([awkward]);
    expect(items[0]?.link).toBe(`${fixture.context.app.config.publicUrl}/practices/${ids.published}`);
    expect(asText(items[0]?.description)).toBe(`Sommario ${awkward}`);
    expect(new Date(items[0]?.pubDate ?? '').getTime()).toBeGreaterThan(0);
    expect(parsed.feed.language).toBe('it');
  });

  it('lists upcoming public events, not past ones, with when they take place', async () => {
    const { parsed } = await feedAt(`/partners/${fixture.world.partnerA.id}/feeds/events.atom`);
    if (parsed?.format !== 'atom') throw new Error('not Atom');
    const entries = parsed.feed.entries ?? [];
    expect(entries.map((entry) => asText(entry.title?.value))).toEqual([awkward]);
    expect(entries[0]?.links?.[0]?.href).toBe(`${fixture.context.app.config.publicUrl}/events/${ids.event}`);
    expect(asText(entries[0]?.summary?.value)).toMatch(/\d{4}.*Bring a laptop & ideas\.$/);
    const rss = await feedAt(`/programmes/${fixture.world.programme.id}/feeds/events.rss`);
    if (rss.parsed?.format !== 'rss') throw new Error('not RSS');
    expect(rss.parsed.feed.items?.map((item) => item.title)).not.toContain('Over already');
  });

  it('lists endorsed plans only, each linked to its endorsed version', async () => {
    const { parsed } = await feedAt(`/programmes/${fixture.world.programme.id}/feeds/plans.atom`);
    if (parsed?.format !== 'atom') throw new Error('not Atom');
    const entries = parsed.feed.entries ?? [];
    expect(entries).toHaveLength(1);
    expect(asText(entries[0]?.title?.value)).toBe(`Regional Action Plan of ${fixture.world.partnerB.name}, version 1`);
    expect(entries[0]?.links?.[0]?.href).toBe(`${fixture.context.app.config.publicUrl}/plans/${ids.plan}?version=1`);
    expect(asText(entries[0]?.summary?.value)).toContain('Council');
    const partnerA = await feedAt(`/partners/${fixture.world.partnerA.id}/feeds/plans.rss`);
    if (partnerA.parsed?.format !== 'rss') throw new Error('not RSS');
    expect(partnerA.parsed.feed.items ?? []).toHaveLength(0);
  });

  it('answers 404 for an unknown programme or partner', async () => {
    for (const path of ['/programmes/999999/feeds/practices.atom', '/partners/999999/feeds/events.rss', '/programmes/999999/feeds']) {
      expect((await new TestBrowser(fixture.context.app).get(path)).statusCode, path).toBe(404);
    }
  });

  it('offers the feeds on the programme’s and the partners’ pages', async () => {
    const visitor = new TestBrowser(fixture.context.app);
    const programme = await visitor.page(`/programmes/${fixture.world.programme.id}`);
    const link = programme.screen.getByRole('link', { name: /Subscribe to this programme/ });
    const feeds = await visitor.page(link.getAttribute('href') ?? '');
    const alternate = feeds.document.querySelector('link[rel="alternate"][type="application/atom+xml"]');
    expect(alternate?.getAttribute('href')).toBe(`/programmes/${fixture.world.programme.id}/feeds/practices.atom`);
    expect(feeds.screen.getAllByRole('link', { name: 'RSS feed' }).length).toBeGreaterThanOrEqual(9);
    const partner = readPage(await visitor.get(`/partners/${fixture.world.partnerA.id}`));
    const section = partner.screen.getByRole('region', { name: 'Subscribe' });
    expect(section.querySelector(`a[href="/partners/${fixture.world.partnerA.id}/feeds/events.atom"]`)).not.toBeNull();
  });
});
