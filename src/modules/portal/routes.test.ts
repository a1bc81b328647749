/** The public portal: the front page, programme pages and the two statements every public-sector site needs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../core/testing/http.js';
import { seedDemo } from '../../seed.js';
import { useTestApp } from '../../core/testing/world.js';

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

  it('is fully translated into Italian', async () => {
    const page = await new TestBrowser(context.app, { 'accept-language': 'it-IT' }).page('/');
    expect(page.screen.getByRole('heading', { name: 'Apprendere' })).toBeTruthy();
    expect(page.mainText).toContain('1 agosto 2019');
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
