/**
 * Regional Action Plans in Chromium: Tartu's editor starts a revision of the endorsed plan, edits an action (first
 * with bad costs, then with a funding difference they accept), compares the two versions, and files a semester report
 * with an uploaded document. The public overview, the print page and every form with its errors are checked by axe.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

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

describe('a Regional Action Plan from revision to semester report', () => {
  it('edits an action in a revision, compares the versions and files a report with evidence', async () => {
    const planId = await tartuPlanId();
    const editor = await session.openPage();
    await signIn(editor, 'editor.tartu@better.example');
    await editor.getByRole('link', { name: 'English' }).click();
    await editor.waitForFunction(() => document.documentElement.lang === 'en');

    await visit(editor, '/plans');
    await editor.getByRole('link', { name: /Tartu/ }).first().click();
    await editor.waitForURL(`**/plans/${planId}`);
    await expectAccessible(editor);
    // The instrument the crossings action delivered, recorded in the instruments catalogue, is linked from the action.
    // (The practice that inspired the action has the same name, so the link is told apart by where it leads.)
    expect(await editor.locator('a[href^="/instruments/"]', { hasText: 'Smart pedestrian crossings' }).count()).toBe(1);

    // The endorsed version is frozen: a revision starts version 2.
    await editor.getByRole('button', { name: 'Start a revision' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('A new version has been started');
    await expectAccessible(editor);

    await editor.getByRole('link', { name: 'Edit Open lectures on e-government for residents' }).click();
    await expectAccessible(editor);
    await editor.getByLabel('Indicative costs (EUR)').fill('-500');
    await editor.getByRole('button', { name: 'Save the action' }).click();
    expect(await editor.getByRole('alert').textContent()).toContain('Enter the costs in euros as a number that is not negative');
    await expectAccessible(editor);

    // A cost the funding does not cover is a warning the editor may accept.
    await editor.getByLabel('Indicative costs (EUR)').fill('18 000');
    await editor.getByLabel('Title').fill('Open lectures and online courses on e-government');
    await editor.getByRole('button', { name: 'Save the action' }).click();
    expect(await editor.getByRole('alert').textContent()).toContain('The funding adds up to EUR');
    await expectAccessible(editor);
    await editor.getByLabel('Save anyway: the funding will be completed later').check();
    await editor.getByRole('button', { name: 'Save the action' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('Your changes have been saved.');
    expect(await editor.getByRole('heading', { name: /Open lectures and online courses on e-government/ }).count()).toBe(1);

    // What changed between version 1 and version 2, field by field.
    await editor.getByRole('link', { name: 'Compare versions' }).click();
    await editor.waitForURL(`**/plans/${planId}/compare**`);
    await expectAccessible(editor);
    const changes = (await editor.getByRole('main').textContent()) ?? '';
    expect(changes).toContain('Changes from version 1 to version 2');
    expect(changes).toContain('Open lectures and online courses on e-government');
    expect(changes).toMatch(/15[\s,.\u00a0\u202f]?000/);
    expect(changes).toMatch(/18[\s,.\u00a0\u202f]?000/);

    // The endorsed plan's semester reports: a correction of the latest one, with a document as evidence.
    await visit(editor, `/plans/${planId}/reports`);
    await editor.getByRole('link', { name: /Correct the report for Open lectures on e-government for residents, semester 8/ }).click();
    await expectAccessible(editor);
    await editor.getByRole('group', { name: 'Status' }).getByRole('radio', { name: 'Completed' }).check();
    await editor.getByLabel('Percent complete').fill('140');
    // A document over 10 MB is refused in the same round as the field's error, named with the limit.
    await editor
      .getByLabel('Evidence: documents (optional)')
      .setInputFiles({ name: 'minutes scan.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]) });
    await editor.getByRole('button', { name: 'Submit the report' }).click();
    const problems = (await editor.getByRole('alert').textContent()) ?? '';
    expect(problems).toContain('Enter the percent complete as a whole number from 0 to 100');
    expect(problems).toContain('“minutes scan.pdf” is larger than 10 MB: choose a smaller file');
    await expectAccessible(editor);
    await editor.getByLabel('Percent complete').fill('100');
    await editor.getByLabel('Money spent so far (EUR)').fill('14800');
    await editor.getByLabel('What was done').fill('The last four lectures were held; recordings are online.');
    await editor.getByLabel('Evidence: documents (optional)').setInputFiles({ name: 'lecture programme.pdf', mimeType: 'application/pdf', buffer: pdf });
    await editor.getByRole('group', { name: 'Has a policy instrument been improved?' }).getByRole('radio', { name: 'No' }).check();
    await editor.getByRole('button', { name: 'Submit the report' }).click();
    expect(await editor.getByRole('status').first().textContent()).toContain('The correction has been submitted; the earlier report is kept.');
    await expectAccessible(editor);
    const reports = (await editor.getByRole('main').textContent()) ?? '';
    expect(reports).toContain('The last four lectures were held');
    expect(reports).toContain('1 earlier report, corrected');
    const download = await editor.request.get(
      new URL((await editor.getByRole('link', { name: /lecture programme\.pdf/ }).getAttribute('href')) ?? '', editor.url()).toString(),
    );
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await editor.context().close();

    // The public: the overview with its charts and tables, the plan and its print page.
    const reader = await session.openPage();
    await visit(reader, '/plans/overview');
    expect(await reader.getByRole('table', { name: /Budget planned and spent by partner/ }).textContent()).toContain('Tartu');
    await visit(reader, `/plans/${planId}`);
    await visit(reader, `/plans/${planId}/print`);
    await visit(reader, `/plans/${planId}/reports`);
    await reader.context().close();
  });
});
