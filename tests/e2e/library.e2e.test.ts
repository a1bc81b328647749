/**
 * The good practice library in Chromium: a citizen searches, filters and opens a practice (also without
 * JavaScript and on a narrow screen), and Gävle's editor records the next stage of a transfer. axe-core checks
 * every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

/** The citizen's journey; `check` runs axe on each page (a page without JavaScript cannot host axe). */
async function searchFilterAndOpen(page: Page, check: (page: Page) => Promise<void>): Promise<void> {
  await page.goto('/practices');
  await check(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('smart city');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/q=smart/);
  await check(page);
  const results = page.getByRole('list', { name: /practices/ });
  await expect.poll(() => results.getByRole('link').allTextContents()).toContain('Tartu – testbed of good thoughts');
  expect(await page.locator('mark').count()).toBeGreaterThan(0);

  const country = page.getByRole('group', { name: 'Country' });
  await country.getByRole('checkbox', { name: /Estonia/ }).check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/country=EE/);
  await check(page);
  const titles = await results.getByRole('link').allTextContents();
  expect(titles).toEqual(expect.arrayContaining(['Tartu – testbed of good thoughts', 'Smart pedestrian crossings']));
  expect(titles).not.toContain('Smart city data platform integrating local initiatives');

  await results.getByRole('link', { name: 'Tartu – testbed of good thoughts' }).click();
  await page.waitForURL(/\/practices\/\d+$/);
  await check(page);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Tartu – testbed of good thoughts');
  expect(await page.getByRole('region', { name: 'Similar practices' }).getByRole('link').count()).toBeGreaterThan(0);
  expect(await page.getByRole('link', { name: 'Sign in to see the contact person' }).count()).toBe(1);
}

describe('a citizen exploring the library', () => {
  it('searches, filters by country and opens a practice with its similar practices', async () => {
    const page = await session.openPage();
    await searchFilterAndOpen(page, expectAccessible);
    await page.context().close();
  });

  it('does the same with JavaScript turned off', async () => {
    const page = await session.openPage({ javaScriptEnabled: false });
    await searchFilterAndOpen(page, async () => {});
    await page.context().close();
  });

  it('reads the library and a practice on a 320-pixel-wide screen without scrolling sideways', async () => {
    const page = await session.openPage({ viewport: { width: 320, height: 640 } });
    for (const path of ['/practices?q=procurement', '/practices/1']) {
      await visit(page, path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${path}`).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });
});

describe('an editor following a transfer', () => {
  it('opens Gävle’s transfer of Nyíregyháza’s data platform and records the transferability assessment stage', async () => {
    const page = await session.openPage();
    await signIn(page, 'editor.gavle@better.example');
    // Signing in turned the interface Swedish, the editor's language; this journey reads it in English.
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');

    await visit(page, '/practices?q=data+platform');
    await page.getByRole('link', { name: 'Smart city data platform integrating local initiatives' }).click();
    await expectAccessible(page);
    await page.getByRole('region', { name: 'Transfers to other regions' }).getByRole('link', { name: /Gävle/ }).click();
    await page.waitForURL(/\/transfers\/\d+$/);
    await expectAccessible(page);

    // Submitting without a date is refused with the error next to the field; nothing is recorded.
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Transferability assessment' });
    await page.getByRole('button', { name: 'Record the stage' }).click();
    await expectAccessible(page);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Enter the date of the stage');

    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Transferability assessment' });
    await page.getByLabel('Date', { exact: true }).fill('2026-11-20');
    await page.getByLabel('Notes (optional)').fill('Scored with the Tartu team.');
    await page.getByRole('button', { name: 'Record the stage' }).click();
    await page.waitForURL(/\/transfers\/\d+#stages$/);
    await expectAccessible(page);
    expect(await page.getByRole('status').textContent()).toContain('The stage has been recorded.');
    const stages = page.getByRole('region', { name: 'Stages' });
    const assessment = stages.getByRole('listitem').filter({ hasText: 'Transferability assessment' });
    await expect.poll(() => assessment.textContent()).toContain('Scored with the Tartu team.');
    expect(await assessment.textContent()).toContain('20 November 2026');
    await page.context().close();
  });
});

describe('the library’s back office', () => {
  it('passes axe on every form and review page, also in Italian and with errors shown', async () => {
    const { db } = session.platform.database;
    const idOf = async (status: 'submitted' | 'proposed') =>
      (await db.selectFrom('practices').select('id').where('status', '=', status).orderBy('id').executeTakeFirstOrThrow()).id;
    const tartu = await db.selectFrom('partners').select('id').where('short_name', '=', 'Tartu').executeTakeFirstOrThrow();
    const admin = await session.openPage();
    await signIn(admin, 'admin@better.example');
    for (const path of [
      '/practices/new',
      '/practices/import',
      '/admin/themes',
      '/practices/1/edit',
      '/practices/1/delete',
      `/practices/${await idOf('submitted')}/review`,
      `/practices/${await idOf('proposed')}/proposal`,
      '/transfers/1',
      '/transfers/1/assessment',
      `/partners/${tartu.id}/learning-needs/new`,
    ]) {
      await visit(admin, path);
    }
    await visit(admin, '/practices/new');
    await admin.getByRole('button', { name: 'Save as draft' }).click();
    await expectAccessible(admin);
    expect(await admin.getByRole('alert').textContent()).toContain("Enter the practice's title");

    // An import with a bad row: the report lists it by line and column, and nothing is written.
    await visit(admin, '/practices/import');
    const csv = 'title,summary,owner_partner,language,themes\nFine row,Works,Tartu,en,smart-city\n,No title,Tartu,en,smart-city\n';
    await admin.getByLabel('File', { exact: true }).setInputFiles({ name: 'practices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await admin.getByRole('button', { name: 'Check and import' }).click();
    await admin.waitForURL('**/practices/import');
    await expectAccessible(admin);
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toContain('Nothing was imported');
    expect(await admin.getByRole('table', { name: 'Problems by line' }).textContent()).toContain('3');
    expect(await db.selectFrom('practices').select('id').where('title', '=', 'Fine row').execute()).toEqual([]);

    // A real file checked with the options for real files: each change by line, nothing written.
    await visit(admin, '/practices/import');
    const real = `title,summary,description,owner_partner,language,themes\nFrom another database,,"Taken from the description. Second sentence.",Tartu,en,Circular economy\n`;
    await admin.getByLabel('File', { exact: true }).setInputFiles({ name: 'real.csv', mimeType: 'text/csv', buffer: Buffer.from(real) });
    await admin.getByLabel(/Write missing summaries/).check();
    await admin.getByLabel(/Add the themes the file names/).check();
    await admin.getByRole('button', { name: 'Check only' }).click();
    await admin.waitForURL('**/practices/import');
    await expectAccessible(admin);
    expect(await admin.getByRole('table', { name: 'Changes the import would make to the rows' }).textContent()).toContain(
      'Theme “Circular economy” (code circular-economy) will be added to the list',
    );
    expect(await db.selectFrom('themes').select('code').where('code', '=', 'circular-economy').execute()).toEqual([]);
    await admin.context().close();

    const coordinator = await session.openPage();
    await signIn(coordinator, 'coordinator@better.example');
    expect(await coordinator.locator('html').getAttribute('lang')).toBe('it');
    for (const path of ['/practices?q=pagamenti', '/practices/1', '/transfers/1']) await visit(coordinator, path);
    await coordinator.context().close();
  });
});
