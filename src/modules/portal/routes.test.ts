/** The public portal: the front page, programme pages and the two statements every public-sector site needs. */
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/policy/actor.js';
import { TestBrowser } from '../../core/testing/http.js';
import { aPractice, anEvent } from '../../core/testing/records.js';
import { useTestApp } from '../../core/testing/world.js';
import { seedDemo } from '../../seed.js';
import { listPartners } from '../partners/service.js';
import { listProgrammes } from '../programmes/service.js';

const context = useTestApp();
beforeAll(async () => {
  const seeded = await seedDemo(context.db);
  if (!seeded.ok) throw new Error('demo not loaded');
});

describe('the front page', () => {
  it('presents the hosted programme with its phases, partners and stakeholder groups', async () => {
    const page = await new TestBrowser(context.app).page('/');
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('BETTER — stimulating regional innovation through better e-government services');
    expect(page.screen.getByRole('heading', { name: 'Phase 1: Interregional learning' })).toBeTruthy();
    expect(page.screen.getByRole('heading', { name: 'Phase 2: Implementation monitoring' })).toBeTruthy();
    const partners = page.screen.getByRole('table', { name: 'Partners of BETTER' });
    expect([...partners.querySelectorAll('tbody th')].map((cell) => cell.textContent)).toEqual([
      'Municipality of Genoa (Comune di Genova)',
      'Birmingham City Council',
      'Gävle Municipality',
      'Municipality of Nyíregyháza',
      'Tartu City Government',
    ]);
    expect(page.mainText).toContain('1 August 2019 to 31 July 2023');
  });

  it('names the site once in its title', async () => {
    const page = await new TestBrowser(context.app).page('/');
    expect(page.title).toBe('eGovernment-driven regional innovation – BETTER');
    expect(page.title.match(/BETTER/g)).toHaveLength(1);
  });

  it('leads from each step of the cycle to the area where it happens', async () => {
    const page = await new TestBrowser(context.app).page('/');
    const cycle = page.screen.getByRole('region', { name: 'How a programme works' });
    const links = [...cycle.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Learn', '/practices'],
      ['Plan', '/plans'],
      ['Build', '/instruments'],
      ['Measure', '/results'],
    ]);
  });

  it('lists the next events and the newest published practices, the newest first, with the language of a title in another language', async () => {
    const [partner] = await listPartners(context.db, systemActor('test'));
    if (!partner) throw new Error('the demo has no partner');
    // Starting within the hour, it comes before every event of the demo that has not begun yet.
    const soon = DateTime.now().setZone('Europe/Rome').plus({ minutes: 30 });
    await anEvent(context.db, partner.id, {
      title: 'Open data clinic for SMEs',
      startsAt: soon.toFormat("yyyy-MM-dd'T'HH:mm"),
      endsAt: soon.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    });
    await aPractice(context.db, partner.id, 'Sportello digitale unico', { status: 'published', form: { language: 'it' } });
    const page = await new TestBrowser(context.app).page('/');
    const events = page.screen.getByRole('region', { name: 'Upcoming events' });
    expect(events.textContent).toContain('Open data clinic for SMEs');
    expect(events.querySelectorAll('li')).toHaveLength(3);
    const practices = page.screen.getByRole('region', { name: 'Newly published good practices' });
    const titles = [...practices.querySelectorAll('li a')];
    expect(titles).toHaveLength(3);
    expect(titles[0]?.textContent).toBe('Sportello digitale unico');
    expect(titles[0]?.getAttribute('lang')).toBe('it');
    expect(titles[1]?.hasAttribute('lang')).toBe(false);
    const inItalian = await new TestBrowser(context.app, { 'accept-language': 'it-IT' }).page('/');
    const italianTitle = inItalian.screen.getByRole('link', { name: 'Sportello digitale unico' });
    expect(italianTitle.hasAttribute('lang')).toBe(false);
    expect(inItalian.screen.getByRole('heading', { name: 'Prossimi eventi' })).toBeTruthy();
  });

  it('is fully translated into Italian', async () => {
    const page = await new TestBrowser(context.app, { 'accept-language': 'it-IT' }).page('/');
    expect(page.screen.getByRole('heading', { name: 'Apprendere' })).toBeTruthy();
    expect(page.mainText).toContain('1 agosto 2019');
  });
});

describe('the programme’s texts (WCAG 3.1.2)', () => {
  it('marks the programme’s English title, summary and phases on an Italian page, and says nothing more on an English one', async () => {
    const programme = (await listProgrammes(context.db))[0];
    if (!programme) throw new Error('no programme');
    const italian = new TestBrowser(context.app, { 'accept-language': 'it-IT' });
    for (const path of ['/', `/programmes/${programme.id}`]) {
      const page = await italian.page(path);
      expect(page.screen.getByRole('heading', { level: 1 }).querySelector('[lang="en"]')?.textContent, path).toBe(programme.title);
      expect(page.document.querySelector('p.lead')?.getAttribute('lang'), path).toBe('en');
      const phase = page.screen.getByRole('heading', { name: 'Fase 1: Interregional learning' });
      expect(phase.querySelector('[lang="en"]')?.textContent, path).toBe('Interregional learning');
      expect(phase.textContent?.startsWith('Fase 1: '), path).toBe(true);
    }
    const list = await italian.page('/programmes');
    expect(list.screen.getByRole('link', { name: programme.title }).getAttribute('lang')).toBe('en');

    const english = new TestBrowser(context.app);
    for (const path of ['/', `/programmes/${programme.id}`]) {
      const page = await english.page(path);
      expect(page.screen.getByRole('heading', { level: 1 }).querySelector('[lang]'), path).toBeNull();
      expect(page.document.querySelector('p.lead')?.hasAttribute('lang'), path).toBe(false);
      expect(page.document.querySelectorAll('.phase-list [lang]'), path).toHaveLength(0);
    }
    expect((await english.page('/programmes')).screen.getByRole('link', { name: programme.title }).hasAttribute('lang')).toBe(false);
  });
});

describe('statements', () => {
  it('publishes an accessibility statement and a privacy notice, linked from every page', async () => {
    const browser = new TestBrowser(context.app);
    const home = await browser.page('/');
    expect(home.screen.getByRole('link', { name: 'Accessibility statement' }).getAttribute('href')).toBe('/accessibility');
    expect((await browser.page('/accessibility')).mainText).toContain('WCAG 2.1');
    expect((await browser.page('/privacy')).mainText).toContain('Cookies');
  });
});
