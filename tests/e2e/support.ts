/**
 * Browser-test support: the platform with the demo loaded on a free port, Debian's Chromium driven by
 * playwright-core, and axe-core run on every page a journey visits (WCAG 2.1 A and AA, zero violations).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { backgroundTasks, buildApp } from '../../src/app.js';
import { demoPassword } from '../../src/modules/accounts/service.js';
import type { DatabaseHandle } from '../../src/core/db/database.js';
import { testConfig } from '../../src/core/testing/app.js';
import { createTestDatabase } from '../../src/core/testing/database.js';
import { seedDemo } from '../../src/seed.js';

export interface Platform {
  app: FastifyInstance;
  database: DatabaseHandle;
  baseUrl: string;
  /** Runs the background tasks once (e.g. housekeeping), as the worker would. */
  runTasks(): Promise<void>;
  close(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  const database = await createTestDatabase();
  const seeded = await seedDemo(database.db);
  if (!seeded.ok) throw new Error('The demo could not be loaded');
  const app = await buildApp({ config: testConfig({ demo: true }), database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    async runTasks() {
      for (const task of backgroundTasks(app)) await task.run();
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export async function newPage(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', ...options });
  context.setDefaultTimeout(10_000);
  return context.newPage();
}

/** Every URL checked by axe in this run, for the closing summary. */
export const checkedPages: string[] = [];

/** Runs axe-core on the page as it is now and fails on any WCAG 2.1 A/AA violation, listing each one. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  checkedPages.push(page.url());
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Goes to a page and checks it with axe. */
export async function visit(page: Page, path: string): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(500);
  await expectAccessible(page);
}

export interface BrowserSession {
  readonly platform: Platform;
  /** A fresh browser context and page on the platform (English unless options say otherwise). */
  openPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The platform and Chromium for one test file: started before its tests, closed after them, then the list of
 * pages axe checked is printed.
 */
export function useBrowserSession(): BrowserSession {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    platform = await startPlatform();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
    console.log(
      `axe-core checked ${checkedPages.length} page views with zero violations:\n  ${[...new Set(checkedPages.map((url) => new URL(url).pathname + new URL(url).search))].join('\n  ')}`,
    );
  });
  const started = () => {
    if (!platform || !browser) throw new Error('The browser session starts in beforeAll');
    return { platform, browser };
  };
  return {
    get platform() {
      return started().platform;
    },
    openPage: (options = {}) => newPage(started().browser, started().platform.baseUrl, options),
  };
}

/** Signs in with a demo account through the sign-in page (checked by axe unless the page runs without JavaScript). */
export async function signIn(page: Page, email: string, options: { checkAccessibility?: boolean } = {}): Promise<void> {
  if (options.checkAccessibility === false) await page.goto('/sign-in');
  else await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
