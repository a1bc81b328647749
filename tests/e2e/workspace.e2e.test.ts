/**
 * My work and the feeds in Chromium: people land on /me after signing in (with JavaScript, without it, and on a
 * 320-pixel-wide screen without scrolling sideways), and the programme's feeds page announces its feeds. axe-core
 * checks every page visited.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

describe('My work', () => {
  it('is where the coordinator and an editor land after signing in', async () => {
    for (const email of ['coordinator@better.example', 'editor.gavle@better.example', 'stakeholder@better.example']) {
      const page = await session.openPage();
      await signIn(page, email);
      expect(new URL(page.url()).pathname, email).toBe('/me');
      await expectAccessible(page);
      expect(await page.getByRole('heading', { level: 2 }).count(), email).toBeGreaterThanOrEqual(2);
      await page.context().close();
    }
  });

  it('works without JavaScript and on a 320-pixel-wide screen without scrolling sideways', async () => {
    const page = await session.openPage({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    await signIn(page, 'coordinator@better.example', { checkAccessibility: false });
    expect(new URL(page.url()).pathname).toBe('/me');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
    const narrow = await session.openPage({ viewport: { width: 320, height: 640 } });
    await signIn(narrow, 'editor.gavle@better.example');
    await visit(narrow, '/me');
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await narrow.context().close();
  });
});

describe('the feeds', () => {
  it('are offered on the programme’s page and announced on its feeds page', async () => {
    const page = await session.openPage({ viewport: { width: 320, height: 640 } });
    await visit(page, '/programmes/1');
    await page.getByRole('link', { name: /Subscribe to this programme/ }).click();
    await page.waitForURL(/\/programmes\/1\/feeds$/);
    await expectAccessible(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const atom = await page.locator('link[rel="alternate"][type="application/atom+xml"]').first().getAttribute('href');
    const response = await page.request.get(atom ?? '');
    expect(response.headers()['content-type']).toContain('application/atom+xml');
    expect(await response.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    await page.context().close();
  });
});
