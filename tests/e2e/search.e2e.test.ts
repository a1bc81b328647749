/**
 * The platform-wide search in Chromium, on the demo: a visitor finds it in the navigation, searches with the keyboard,
 * narrows the results to one kind, follows a "did you mean" and meets a page without results and a refused query —
 * with JavaScript and without. axe-core checks every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowserSession } from './support.js';

const session = useBrowserSession();

const groupHeadings = (page: Page) => page.locator('h2[id^="results-"]').allTextContents();

/** The visitor's journey; `check` runs axe on each page (a page without JavaScript cannot host axe). */
async function searchNarrowAndCorrect(page: Page, check: (page: Page) => Promise<void>): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  await page.waitForURL(/\/search$/);
  await check(page);

  await page.getByRole('searchbox', { name: 'Search' }).fill('digital');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=digital/);
  await check(page);
  const headings = await groupHeadings(page);
  expect(headings.length).toBeGreaterThanOrEqual(3);
  expect(headings).toEqual(expect.arrayContaining([expect.stringMatching(/^Good practices/), expect.stringMatching(/^Events/)]));
  expect(await page.locator('.result mark').count()).toBeGreaterThan(0);

  // Choosing a kind with the keyboard: the checkbox toggled with the space bar, the filters applied with Enter.
  await page.getByRole('checkbox', { name: /^Events/ }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Apply filters' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/kind=event/);
  await check(page);
  expect(await groupHeadings(page)).toEqual([expect.stringMatching(/^Events/)]);

  await page.goto('/search?q=digitl');
  await check(page);
  await page.getByRole('link', { name: 'digital', exact: true }).click();
  await page.waitForURL(/q=digital$/);
  expect((await groupHeadings(page)).length).toBeGreaterThanOrEqual(3);

  await page.goto('/search?q=xylophonist&kind=practice');
  await check(page);
  expect(await page.getByText('Nothing of the kinds chosen matches.', { exact: false }).count()).toBe(1);
  expect(await page.getByRole('checkbox', { name: /^Good practices/ }).isChecked()).toBe(true);
  expect(await page.getByRole('link', { name: /CSV|JSON/ }).count()).toBe(0);

  const refused = await page.goto(`/search?q=${'a'.repeat(201)}`);
  expect(refused?.status()).toBe(400);
  await check(page);
  await page.getByRole('link', { name: 'Enter at most 200 characters to search for' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-q');
}

describe('a visitor searching the whole platform', () => {
  it('finds the search in the navigation, searches with the keyboard, narrows to events and follows a correction', async () => {
    const page = await session.openPage();
    await searchNarrowAndCorrect(page, expectAccessible);
    await page.context().close();
  });

  it('does the same with JavaScript turned off', async () => {
    const page = await session.openPage({ javaScriptEnabled: false });
    await searchNarrowAndCorrect(page, async () => {});
    await page.context().close();
  });
});
