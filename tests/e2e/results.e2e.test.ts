/**
 * Results in Chromium, without JavaScript: Tartu's editor answers a follow-up maturity round and submits it, then
 * reports a media-appearances value with a document as evidence (first refused for a value that is not a number);
 * the coordinator validates it; the public dashboard shows it as at the end of that semester, with the records behind
 * the figure. Every page on the way is checked by axe, and the dashboard once more with JavaScript on.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function demoRecords() {
  const db = session.platform.database.db;
  const tartu = await db.selectFrom('partners').select(['id', 'programme_id']).where('name', 'like', '%Tartu%').executeTakeFirstOrThrow();
  const media = await db
    .selectFrom('indicators')
    .select('id')
    .where('programme_id', '=', tartu.programme_id)
    .where('code', '=', 'IE-MEDIA')
    .executeTakeFirstOrThrow();
  const reported = await db
    .selectFrom('indicator_reports')
    .select('semester')
    .where('indicator_id', '=', media.id)
    .where('partner_id', '=', tartu.id)
    .where('current', '=', true)
    .execute();
  const semester = [7, 6, 5, 4, 3].find((candidate) => !reported.some((row) => row.semester === candidate));
  if (semester === undefined) throw new Error('Tartu reported media appearances for every semester of the demo');
  return { tartuId: tartu.id, mediaId: media.id, semester };
}

async function inEnglish(page: Awaited<ReturnType<typeof session.openPage>>) {
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

describe('results from a maturity round and a reported value to the public dashboard', () => {
  it('works without JavaScript and passes axe on every page', async () => {
    const { tartuId, mediaId, semester } = await demoRecords();

    // Tartu's editor opens a follow-up round, answers every question and submits it after confirming.
    const editor = await session.openPage({ javaScriptEnabled: false });
    await signIn(editor, 'editor.tartu@better.example');
    await inEnglish(editor);
    await visit(editor, `/results/maturity/partners/${tartuId}`);
    await expectAccessible(editor);
    await editor.getByLabel('Name of the round').fill('Follow-up 2023');
    await editor.getByLabel('Date assessed').fill('2023-06-30');
    await editor.getByRole('button', { name: 'Open the round' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The round is open');
    await expectAccessible(editor);
    const answers = editor.locator('input[type="radio"][value="3"]');
    expect(await answers.count()).toBeGreaterThanOrEqual(18);
    for (const answer of await answers.all()) await answer.check();
    await editor.getByRole('button', { name: 'Save as draft' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('Your answers are saved');
    await editor.getByRole('link', { name: 'Submit the round…' }).click();
    await expectAccessible(editor);
    await editor.getByRole('button', { name: 'Submit the round' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The round is submitted');
    await expectAccessible(editor);

    // The editor reports media appearances: a value that is not a number is refused at its field, then corrected.
    await visit(editor, `/results/indicators/${mediaId}/reports/new?partner=${tartuId}&semester=${semester}`);
    await expectAccessible(editor);
    await editor.getByLabel('Value').fill('seven');
    await editor.getByLabel('Explanation').fill('Articles on the testbed in Postimees and on ERR.');
    await editor.getByLabel('Evidence links').fill('https://www.tartu.ee/en/news');
    await editor.getByRole('button', { name: 'Submit the value' }).click();
    expect(await editor.getByRole('alert').textContent()).toContain('There is a problem');
    await expectAccessible(editor);
    expect(await editor.getByLabel('Explanation').inputValue()).toBe('Articles on the testbed in Postimees and on ERR.');
    await editor.getByLabel('Value').fill('7');
    await editor.getByLabel('Evidence files').setInputFiles({ name: 'press-review.pdf', mimeType: 'application/pdf', buffer: pdf });
    await editor.getByRole('button', { name: 'Submit the value' }).click();
    await editor.waitForURL('**/results/indicators/reports/*');
    expect(await editor.getByRole('main').textContent()).toContain('press-review.pdf');
    await expectAccessible(editor);
    const reportPath = new URL(editor.url()).pathname;
    await editor.context().close();

    // The coordinator validates it from the queue.
    const coordinator = await session.openPage({ javaScriptEnabled: false });
    await signIn(coordinator, 'coordinator@better.example');
    await inEnglish(coordinator);
    await visit(coordinator, '/results/indicators/reports?status=submitted');
    await expectAccessible(coordinator);
    await coordinator.locator(`a[href="${reportPath}"]`).first().click();
    await expectAccessible(coordinator);
    await coordinator.getByRole('radio', { name: /Validate/ }).check();
    await coordinator.getByRole('button', { name: 'Record the review' }).click();
    expect(await coordinator.getByRole('status').first().textContent()).toContain('The value was validated');
    await coordinator.context().close();

    // The public sees it on the dashboard as at the end of that semester, and the records behind the figure.
    const citizen = await session.openPage({ javaScriptEnabled: false });
    await inEnglish(citizen);
    await visit(citizen, `/results?partner=${tartuId}&semester=${semester}`);
    await expectAccessible(citizen);
    const section = citizen.locator(`#indicator-${mediaId}`);
    expect(await section.textContent()).toContain('IE-MEDIA');
    await visit(citizen, `/results/indicators/${mediaId}/records?partner=${tartuId}&semester=${semester}`);
    await expectAccessible(citizen);
    expect(await citizen.getByRole('main').textContent()).toContain('Articles on the testbed in Postimees and on ERR.');
    await visit(citizen, '/results/maturity');
    expect(await citizen.getByRole('main').textContent()).toContain('Follow-up 2023');
    await expectAccessible(citizen);
    await citizen.context().close();
  });

  it('passes axe on the dashboard with JavaScript, the indicators list and the catalogue of open data', async () => {
    const page = await session.openPage();
    await inEnglish(page);
    await visit(page, '/results');
    await expectAccessible(page);
    await signIn(page, 'coordinator@better.example');
    await inEnglish(page);
    await visit(page, '/results/indicators');
    await expectAccessible(page);
    await visit(page, '/results/indicators/new');
    await page.getByRole('button', { name: 'Save the indicator' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('There is a problem');
    await expectAccessible(page);
    await visit(page, '/results/maturity/framework');
    await expectAccessible(page);
    await page.context().close();
  });
});
