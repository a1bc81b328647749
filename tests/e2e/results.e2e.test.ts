/**
 * Results in Chromium, with and without JavaScript: a partner's editor answers a follow-up maturity round and submits
 * it, then reports a media-appearances value with a document as evidence (first refused for a value that is not a
 * number, the text typed kept); the coordinator validates it from the queue; the public dashboard shows it as at the end
 * of that semester, with the records behind the figure. With scripts on, axe checks every page on the way (axe itself
 * needs scripts); Gävle walks the same journey with scripts off.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The partner, the demo's media-appearances indicator and a semester the partner has not reported for yet. */
async function demoRecords(partnerName: string) {
  const db = session.platform.database.db;
  const partner = await db.selectFrom('partners').select(['id', 'programme_id']).where('name', 'like', `%${partnerName}%`).executeTakeFirstOrThrow();
  const media = await db
    .selectFrom('indicators')
    .select('id')
    .where('programme_id', '=', partner.programme_id)
    .where('code', '=', 'IE-MEDIA')
    .executeTakeFirstOrThrow();
  const reported = await db
    .selectFrom('indicator_reports')
    .select('semester')
    .where('indicator_id', '=', media.id)
    .where('partner_id', '=', partner.id)
    .where('current', '=', true)
    .execute();
  const semester = [7, 6, 5, 4, 3].find((candidate) => !reported.some((row) => row.semester === candidate));
  if (semester === undefined) throw new Error(`${partnerName} reported media appearances for every semester of the demo`);
  return { partnerId: partner.id, mediaId: media.id, semester };
}

async function inEnglish(page: Page, check: (page: Page) => Promise<void>) {
  if (page.url() === 'about:blank') {
    await page.goto('/');
    await check(page);
  }
  // The language switcher links the other languages only.
  if ((await page.locator('html').getAttribute('lang')) === 'en') return;
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/language'));
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
}

interface Journey {
  javaScriptEnabled: boolean;
  editor: string;
  partnerName: string;
  explanation: string;
}

async function journey({ javaScriptEnabled, editor: editorEmail, partnerName, explanation }: Journey) {
  const check = javaScriptEnabled ? expectAccessible : () => Promise.resolve();
  const go = async (page: Page, path: string) => {
    if (javaScriptEnabled) return visit(page, path);
    const response = await page.goto(path);
    expect(response?.status(), `status of ${path}`).toBeLessThan(400);
  };
  const { partnerId, mediaId, semester } = await demoRecords(partnerName);

  // The editor opens a follow-up round, answers every question and submits it after confirming.
  const editor = await session.openPage({ javaScriptEnabled });
  await signIn(editor, editorEmail, { checkAccessibility: javaScriptEnabled });
  await inEnglish(editor, check);
  await go(editor, `/results/maturity/partners/${partnerId}`);
  await editor.getByLabel('Name of the round').fill('Follow-up 2023');
  await editor.getByLabel('Date assessed').fill('2023-06-30');
  await editor.getByRole('button', { name: 'Open the round' }).click();
  expect(await editor.getByRole('status').first().textContent()).toContain('The round is open');
  await check(editor);
  const answers = editor.locator('input[type="radio"][value="3"]');
  expect(await answers.count()).toBeGreaterThanOrEqual(18);
  for (const answer of await answers.all()) await answer.check();
  await editor.getByRole('button', { name: 'Save as draft' }).click();
  expect(await editor.getByRole('status').first().textContent()).toContain('Your answers are saved');
  await editor.getByRole('link', { name: 'Submit the round…' }).click();
  await check(editor);
  await editor.getByRole('button', { name: 'Submit the round' }).click();
  expect(await editor.getByRole('status').first().textContent()).toContain('The round is submitted');
  await check(editor);

  // The editor reports media appearances: a value that is not a number is refused at its field, then corrected.
  await go(editor, `/results/indicators/${mediaId}/reports/new?partner=${partnerId}&semester=${semester}`);
  await editor.getByLabel('Value').fill('seven');
  await editor.getByLabel('Explanation').fill(explanation);
  await editor.getByLabel('Evidence links').fill('https://www.interregeurope.eu/better');
  await editor.getByRole('button', { name: 'Submit the value' }).click();
  expect(await editor.getByRole('alert').textContent()).toContain('There is a problem');
  await check(editor);
  expect(await editor.getByLabel('Explanation').inputValue()).toBe(explanation);
  await editor.getByLabel('Value').fill('7');
  await editor.getByLabel('Evidence files').setInputFiles({ name: 'press-review.pdf', mimeType: 'application/pdf', buffer: pdf });
  await editor.getByRole('button', { name: 'Submit the value' }).click();
  await editor.waitForURL('**/results/indicators/reports/*');
  expect(await editor.getByRole('main').textContent()).toContain('press-review.pdf');
  await check(editor);
  const reportPath = new URL(editor.url()).pathname;
  await editor.context().close();

  // The coordinator validates it from the queue.
  const coordinator = await session.openPage({ javaScriptEnabled });
  await signIn(coordinator, 'coordinator@better.example', { checkAccessibility: javaScriptEnabled });
  await inEnglish(coordinator, check);
  await go(coordinator, '/results/indicators/reports?status=submitted');
  await coordinator.locator(`a[href="${reportPath}"]`).first().click();
  await check(coordinator);
  await coordinator.getByRole('radio', { name: /Validate/ }).check();
  await coordinator.getByRole('button', { name: 'Record the review' }).click();
  expect(await coordinator.getByRole('status').first().textContent()).toContain('The value was validated');
  await coordinator.context().close();

  // The public sees it on the dashboard as at the end of that semester, and the records behind the figure.
  const citizen = await session.openPage({ javaScriptEnabled });
  await inEnglish(citizen, check);
  await go(citizen, `/results?partner=${partnerId}&semester=${semester}`);
  expect(await citizen.locator(`#indicator-${mediaId}`).textContent()).toContain('IE-MEDIA');
  await go(citizen, `/results/indicators/${mediaId}/records?partner=${partnerId}&semester=${semester}`);
  expect(await citizen.getByRole('main').textContent()).toContain(explanation);
  await go(citizen, '/results/maturity');
  expect(await citizen.getByRole('main').textContent()).toContain('Follow-up 2023');
  await citizen.context().close();
}

describe('results from a maturity round and a reported value to the public dashboard', () => {
  it('works with JavaScript, every page passing axe', async () => {
    await journey({
      javaScriptEnabled: true,
      editor: 'editor.tartu@better.example',
      partnerName: 'Tartu',
      explanation: 'Articles on the testbed in Postimees and on ERR.',
    });
  }, 240_000);

  it('works without JavaScript', async () => {
    await journey({
      javaScriptEnabled: false,
      editor: 'editor.gavle@better.example',
      partnerName: 'Gävle',
      explanation: 'The e-service programme in Arbetarbladet and on SVT Gävleborg.',
    });
  }, 240_000);

  it('passes axe on an indicator’s page, the indicators list, the indicator form with its errors and the framework', async () => {
    const page = await session.openPage();
    await inEnglish(page, expectAccessible);
    const { mediaId } = await demoRecords('Tartu');
    await visit(page, `/results/indicators/${mediaId}`);
    await signIn(page, 'coordinator@better.example');
    await inEnglish(page, expectAccessible);
    await visit(page, '/results/indicators');
    await visit(page, '/results/indicators/new');
    await page.getByRole('button', { name: 'Save the indicator' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('There is a problem');
    await expectAccessible(page);
    await visit(page, '/results/maturity/framework');
    await page.context().close();
  }, 120_000);
});
