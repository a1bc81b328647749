/**
 * Forms never lose work, in Chromium, with JavaScript and without: a semester report whose first submission is refused
 * keeps the accepted document at its file field, and the second submission files it without choosing it again; a
 * practice edited while the session ended in another tab is kept ("Your work is safe"), shown again as typed after
 * signing in again, and saved once. Every page with JavaScript is checked by axe (axe needs JavaScript to run).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoPassword } from '../../src/modules/accounts/service.js';
import { expectAccessible, signIn, useBrowserSession } from './support.js';

const session = useBrowserSession();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function tartuPlanId(): Promise<number> {
  const row = await session.platform.database.db
    .selectFrom('plans')
    .innerJoin('partners', 'partners.id', 'plans.partner_id')
    .select('plans.id')
    .where('partners.name', 'like', '%Tartu%')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The documents filed with the plan's reports under this name. */
async function filesNamed(planId: number, name: string): Promise<number> {
  return (await session.platform.database.db.selectFrom('plan_files').select('id').where('plan_id', '=', planId).where('original_name', '=', name).execute())
    .length;
}

/** Checks the page with axe, when the page can run it (JavaScript on). */
async function checked(page: Page, javaScript: boolean): Promise<void> {
  if (javaScript) await expectAccessible(page);
}

async function goto(page: Page, path: string, javaScript: boolean): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `status of ${path}`).toBeLessThan(500);
  await checked(page, javaScript);
}

/** A semester report refused for its percent: the document stays at its field and is filed by the second submission. */
async function reportJourney(javaScript: boolean, linkIndex: number): Promise<void> {
  const planId = await tartuPlanId();
  const filename = javaScript ? 'workshop minutes.pdf' : 'workshop minutes without scripts.pdf';
  const editor = await session.openPage({ javaScriptEnabled: javaScript });
  await signIn(editor, 'editor.tartu@better.example', { checkAccessibility: javaScript });
  // Tartu's editor reads the platform in Estonian.
  await editor.getByRole('link', { name: 'English' }).click();
  await expect.poll(() => editor.locator('html').getAttribute('lang')).toBe('en');
  await goto(editor, `/plans/${planId}/reports`, javaScript);
  const link = editor.getByRole('link', { name: /^(File|Correct) the report for / }).nth(linkIndex);
  await goto(editor, (await link.getAttribute('href')) ?? '', javaScript);

  await editor.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'Completed' }).check();
  await editor.getByLabel('Percent complete').fill('140');
  await editor.getByLabel('Money spent so far (EUR)').fill('12000');
  await editor.getByLabel('What was done').fill('Two workshops were held with residents.');
  await editor.getByRole('group', { name: 'Has a policy instrument been improved?' }).getByRole('radio', { name: 'No' }).check();
  await editor.getByLabel('Evidence: documents (optional)').setInputFiles({ name: filename, mimeType: 'application/pdf', buffer: pdf });
  await editor.getByRole('button', { name: 'Submit the report' }).click();

  expect(await editor.getByRole('alert').textContent()).toContain('Enter the percent complete as a whole number from 0 to 100');
  // The accepted document is kept, shown at the file field, ticked: it goes with the form without being chosen again.
  const kept = editor.getByRole('checkbox', { name: `Kept: ${filename} (1 KB)` });
  expect(await kept.isChecked()).toBe(true);
  expect(await editor.locator('#field-files').evaluate((input) => (input as HTMLInputElement).files?.length ?? 0)).toBe(0);
  await checked(editor, javaScript);
  expect(await filesNamed(planId, filename)).toBe(0);

  await editor.getByLabel('Percent complete').fill('100');
  await editor.getByRole('button', { name: 'Submit the report' }).click();
  expect(await editor.getByRole('status').first().textContent()).toMatch(/has been submitted/);
  await checked(editor, javaScript);
  expect(await editor.getByRole('link', { name: new RegExp(filename.replace(/\./g, '\\.')) }).count()).toBeGreaterThan(0);
  expect(await filesNamed(planId, filename)).toBe(1);
  await editor.context().close();
}

/** The practice's edits recorded in the audit log (one per save). */
async function practiceUpdates(practiceId: number): Promise<number> {
  return (
    await session.platform.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('entity_type', '=', 'practice')
      .where('entity_id', '=', String(practiceId))
      .where('action', 'like', 'practice.update%')
      .execute()
  ).length;
}

/** A practice edited while the session ends in another tab: kept, signed in again, shown as typed, saved once. */
async function staleFormJourney(javaScript: boolean): Promise<void> {
  const practiceId = 1;
  const title = javaScript ? 'Smart crossings, edited for an hour' : 'Smart crossings, edited without scripts';
  const editor = await session.openPage({ javaScriptEnabled: javaScript });
  await signIn(editor, 'admin@better.example', { checkAccessibility: javaScript });
  await goto(editor, `/practices/${practiceId}/edit`, javaScript);
  await editor.getByLabel('Title', { exact: true }).fill(title);
  const updatesBefore = await practiceUpdates(practiceId);

  // Another tab of the same browser signs out.
  const otherTab = await editor.context().newPage();
  await otherTab.goto('/');
  await otherTab.getByRole('button', { name: 'Sign out' }).click();
  await otherTab.waitForURL((url) => url.pathname === '/');
  await otherTab.close();

  await editor.getByRole('button', { name: 'Save changes' }).click();
  expect(await editor.getByRole('heading', { level: 1 }).textContent()).toBe('Your work is safe');
  expect(await editor.getByRole('main').textContent()).toContain('your session has ended');
  await checked(editor, javaScript);
  expect(await practiceUpdates(practiceId)).toBe(updatesBefore);

  await editor.getByRole('link', { name: 'Sign in again' }).click();
  await editor.waitForURL((url) => url.pathname === '/sign-in');
  await checked(editor, javaScript);
  await editor.getByLabel('Email address').fill('admin@better.example');
  await editor.getByLabel('Password').fill(demoPassword);
  await editor.getByRole('button', { name: 'Sign in' }).click();
  await editor.waitForURL((url) => url.pathname === `/practices/${practiceId}/edit`);

  // The form is back as typed; nothing is saved until the person presses its button.
  expect(await editor.getByRole('status').first().textContent()).toContain('Your work was kept');
  expect(await editor.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
  await checked(editor, javaScript);
  expect(await practiceUpdates(practiceId)).toBe(updatesBefore);

  await editor.getByRole('button', { name: 'Save changes' }).click();
  await editor.waitForURL((url) => url.pathname === `/practices/${practiceId}`);
  expect(await editor.getByRole('status').first().textContent()).toContain('The practice has been saved.');
  await checked(editor, javaScript);
  expect(await editor.getByRole('heading', { level: 1 }).textContent()).toContain(title);
  expect(await practiceUpdates(practiceId)).toBe(updatesBefore + 1);
  const practice = await session.platform.database.db.selectFrom('practices').select('title').where('id', '=', practiceId).executeTakeFirstOrThrow();
  expect(practice.title).toBe(title);

  // Opened again, the form is the saved practice: the kept copy went with the save.
  await goto(editor, `/practices/${practiceId}/edit`, javaScript);
  expect(await editor.getByText('Your work was kept').count()).toBe(0);
  await editor.context().close();
}

describe('forms never lose work, with JavaScript', () => {
  it('keeps the accepted document of a refused semester report and files it with the second submission', async () => {
    await reportJourney(true, 0);
  });

  it('keeps a practice edited while the session ended in another tab, and saves it once after signing in again', async () => {
    await staleFormJourney(true);
  });
});

describe('forms never lose work, without JavaScript', () => {
  it('keeps the accepted document of a refused semester report and files it with the second submission', async () => {
    await reportJourney(false, 1);
  });

  it('keeps a practice edited while the session ended in another tab, and saves it once after signing in again', async () => {
    await staleFormJourney(false);
  });
});
