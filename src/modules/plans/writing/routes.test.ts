/**
 * Regional Action Plans through HTTP: writing per role, the workflow to endorsement, frozen versions and revisions
 * with their comparison, peer comments, the Word export read back with an independent reader, and bad input.
 */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';

const fixture = useWorld();

function actionForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Open challenge briefs',
    background: 'Learnt at the study visit.',
    description: 'City units publish problems as challenge briefs.',
    playerOrganisationId: [String(fixture.world.organisationA.id), ''],
    playerRole: ['Supplier', ''],
    startsOn: '2022-09-01',
    endsOn: '2023-06-30',
    milestones: '2022-12-15 First briefs published',
    costsEur: '120 000',
    fundingSource: ['ROP ERDF', 'Municipal budget', ''],
    fundingAmount: ['100000', '20000', ''],
    improvementType: 'structural_change',
    instrumentsText: 'Challenge brief portal',
    ...overrides,
  };
}

const contextForm = {
  contactName: 'Projects office',
  contactEmail: 'projects@example.org',
  instrumentKey: [''],
  instrumentName: ['ROP ERDF 2014–2020'],
  instrumentKind: ['investment_for_growth'],
  instrumentBody: ['The region'],
  instrumentImprovement: ['New projects'],
};

/** A plan of partner A with its context and one action, as a draft; returns its id. */
async function draftPlan(): Promise<number> {
  const editor = await fixture.browserFor('editorA');
  const existing = await fixture.context.db.selectFrom('plans').select('id').where('partner_id', '=', fixture.world.partnerA.id).executeTakeFirst();
  if (existing) return existing.id;
  const created = await editor.post('/plans', { partnerId: String(fixture.world.partnerA.id) });
  expect(created.statusCode).toBe(303);
  const id = Number(String(created.headers.location).split('/').pop());
  expect((await editor.post(`/plans/${id}/context`, contextForm)).statusCode).toBe(303);
  expect((await editor.post(`/plans/${id}/actions`, actionForm())).statusCode).toBe(303);
  return id;
}

describe('writing a plan', () => {
  it('lets the partner’s editor write the draft; other partners’ editors and the coordinator read and comment, but cannot edit', async () => {
    const id = await draftPlan();
    const page = await (await fixture.browserFor('editorA')).page(`/plans/${id}`);
    expect(page.mainText).toContain('Action 1: Open challenge briefs');
    expect(page.mainText).toContain('ROP ERDF: EUR 100,000');
    for (const role of ['editorB', 'coordinator'] as const) {
      const browser = await fixture.browserFor(role);
      expect((await browser.page(`/plans/${id}`)).mainText, role).toContain('Open challenge briefs');
      expect((await browser.post(`/plans/${id}/actions`, actionForm({ title: 'Intruding action' }))).statusCode, role).toBe(403);
      expect((await browser.post(`/plans/${id}/comments`, { target: 'part2', body: `A comment from ${role}` })).statusCode, role).toBe(303);
    }
    const withComments = await (await fixture.browserFor('editorA')).page(`/plans/${id}`);
    expect(withComments.mainText).toContain('A comment from editorB');
    expect(withComments.mainText).toContain('A comment from coordinator');
    // The public and people outside the programme do not see a plan nobody endorsed.
    expect((await new TestBrowser(fixture.context.app).get(`/plans/${id}`)).statusCode).toBe(404);
    expect((await (await fixture.browserFor('otherCoordinator')).get(`/plans/${id}`)).statusCode).toBe(404);
    expect((await (await fixture.browserFor('stakeholderA')).post(`/plans/${id}/comments`, { target: 'part2', body: 'x' })).statusCode).toBe(403);
  });

  it('refuses negative or non-numeric costs, an end before the start, and warns when the funding differs from the cost', async () => {
    const id = await draftPlan();
    const editor = await fixture.browserFor('editorA');
    const bad = readPage(
      await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Refused action', costsEur: '-5', startsOn: '2023-06-30', endsOn: '2022-09-01' })),
    );
    expect(bad.status).toBe(400);
    expect([...bad.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'The end must not be before the start',
      'Enter the costs in euros as a number that is not negative, for example 120000',
    ]);
    const years = readPage(await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Refused action', startsOn: '0001-01-01', endsOn: '9999-12-31' })));
    expect([...years.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'Enter a date between 1900 and 2100',
      'Enter a date between 1900 and 2100',
    ]);
    const milestone = readPage(await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Refused action', milestones: '0001-03-31 Training completed' })));
    expect([...milestone.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'Milestone line 1: give a date between 1900 and 2100',
    ]);
    const text = readPage(await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Refused action', costsEur: 'a lot' })));
    expect(text.mainText).toContain('Enter the costs in euros as a number that is not negative');
    const row = readPage(await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Refused action', fundingAmount: ['100000', 'twenty', ''] })));
    expect(row.mainText).toContain('Funding source 2: enter the amount in euros as a number that is not negative');
    expect(row.document.querySelector('.error-summary a[href="#field-fundingAmount-2"]')).not.toBeNull();

    const differs = readPage(await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Underfunded action', costsEur: '150000' })));
    expect(differs.status).toBe(400);
    expect(differs.mainText).toContain('The funding adds up to EUR 120,000.00 but the costs are EUR 150,000.00');
    expect(differs.screen.getByLabelText('Save anyway: the funding will be completed later')).toBeTruthy();
    expect(
      (await editor.post(`/plans/${id}/actions`, actionForm({ title: 'Underfunded action', costsEur: '150000', acceptFundingDifference: 'yes' }))).statusCode,
    ).toBe(303);
    const titles = (
      await fixture.context.db.selectFrom('plan_versions').select('content').where('plan_id', '=', id).executeTakeFirstOrThrow()
    ).content.actions.map((action) => action.title);
    expect(titles).not.toContain('Refused action');
    expect(titles).toContain('Underfunded action');
  });
});

describe('the plan’s language', () => {
  it('marks the partner’s texts with the language the plan is written in on pages in another language, and only there', async () => {
    const id = await draftPlan();
    const editor = await fixture.browserFor('editorA');
    const form = await editor.page(`/plans/${id}/context`);
    expect(form.document.querySelector<HTMLSelectElement>('select[name="textLanguage"]')?.value).toBe('en');
    expect([...form.document.querySelectorAll('select[name="textLanguage"] option')].map((option) => option.textContent)).toEqual([
      'English',
      'Italiano',
      'Eesti',
      'Magyar',
      'Svenska',
    ]);
    expect((await editor.post(`/plans/${id}/context`, { ...contextForm, textLanguage: 'xx' })).statusCode).toBe(400);
    expect((await editor.post(`/plans/${id}/context`, { ...contextForm, textLanguage: 'it' })).statusCode).toBe(303);

    const inEnglish = await editor.page(`/plans/${id}`);
    const heading = inEnglish.screen.getByRole('heading', { name: 'Action 1: Open challenge briefs' });
    expect(heading.querySelector('[lang="it"]')?.textContent).toBe('Open challenge briefs');
    expect(inEnglish.screen.getByRole('heading', { name: 'ROP ERDF 2014–2020' }).getAttribute('lang')).toBe('it');
    expect(inEnglish.document.querySelector('p.prose[lang="it"]')?.textContent).toBe('Learnt at the study visit.');
    expect(inEnglish.document.querySelector('[lang="it"]:not(html)')).toBeTruthy();

    await editor.get('/language/it?next=%2F');
    const inItalian = await editor.page(`/plans/${id}`);
    expect(inItalian.document.querySelectorAll('main [lang]:not([hreflang])')).toHaveLength(0);
    await editor.get('/language/en?next=%2F');
    await editor.post(`/plans/${id}/context`, { ...contextForm, textLanguage: 'en' });
  });
});

describe('from draft to endorsement, and a revision', () => {
  it('goes submitted → returned → submitted → approved → endorsed, freezes the version, and compares the revision with it', async () => {
    const id = await draftPlan();
    const editor = await fixture.browserFor('editorA');
    const coordinator = await fixture.browserFor('coordinator');
    expect((await editor.post(`/plans/${id}/endorsement`, { endorsedOn: '2022-07-01', endorsedBy: 'Mayor', endorsingBody: 'City council' })).statusCode).toBe(
      400,
    );
    expect((await editor.post(`/plans/${id}/submission`, {})).statusCode).toBe(303);
    expect((await editor.post(`/plans/${id}/review`, { decision: 'approve' })).statusCode).toBe(403);
    const noComment = readPage(await coordinator.post(`/plans/${id}/review`, { decision: 'return', comment: '' }));
    expect(noComment.mainText).toContain('Say what the partner should change');
    expect((await coordinator.post(`/plans/${id}/review`, { decision: 'return', comment: 'Add a milestone per semester' })).statusCode).toBe(303);
    expect((await editor.page(`/plans/${id}`)).mainText).toContain('Returned by the coordinator: Add a milestone per semester');
    await editor.post(`/plans/${id}/submission`, {});
    await coordinator.post(`/plans/${id}/review`, { decision: 'approve', comment: '' });
    expect((await editor.post(`/plans/${id}/endorsement`, { endorsedOn: '2022-07-01', endorsedBy: 'Mayor', endorsingBody: 'City council' })).statusCode).toBe(
      303,
    );

    // Endorsed: public, frozen.
    const publicPage = await new TestBrowser(fixture.context.app).page(`/plans/${id}`);
    expect(publicPage.mainText).toContain('Version 1 – Endorsed');
    const [firstKey] = (
      await fixture.context.db.selectFrom('plan_versions').select('content').where('plan_id', '=', id).executeTakeFirstOrThrow()
    ).content.actions.map((action) => action.key);
    expect(readPage(await editor.post(`/plans/${id}/actions/${firstKey}`, actionForm({ title: 'Changed after endorsement' }))).status).toBe(400);

    // A revision: edit one action, add another, then compare.
    expect((await editor.post(`/plans/${id}/revision`, {})).statusCode).toBe(303);
    await editor.post(
      `/plans/${id}/actions/${firstKey}`,
      actionForm({ title: 'Open challenge briefs for SMEs', costsEur: '130000', fundingAmount: ['110000', '20000', ''] }),
    );
    await editor.post(`/plans/${id}/actions`, actionForm({ title: 'A second action', costsEur: '', fundingSource: [''], fundingAmount: [''] }));
    const compare = await editor.page(`/plans/${id}/compare?from=1&to=2`);
    expect(compare.screen.getByRole('heading', { level: 1 }).textContent).toBe('Changes from version 1 to version 2');
    expect(compare.mainText).toContain('Open challenge briefs for SMEs Changed');
    expect(compare.mainText).toContain('Before: Open challenge briefs');
    expect(compare.mainText).toContain('After: EUR 130,000');
    expect(compare.mainText).toContain('A second action Added');
    // A version the plan does not have is said so, never replaced by another.
    const missing = readPage(await editor.get(`/plans/${id}/compare?from=1&to=7`));
    expect(missing.status).toBe(404);
    expect(missing.screen.getByRole('heading', { level: 1 }).textContent).toBe('No such version');
    expect(missing.mainText).toContain('This plan has no version 7: its versions are 1 to 2.');
    expect(missing.mainText).not.toContain('The two versions are the same');
    // The public still sees version 1, and cannot see the draft revision.
    expect((await new TestBrowser(fixture.context.app).page(`/plans/${id}`)).mainText).not.toContain('A second action');
  });

  it('exports the plan as a Word document whose every action title, cost and funding source an independent reader finds', async () => {
    const id = await draftPlan();
    const response = await (await fixture.browserFor('coordinator')).get(`/plans/${id}.docx?version=1`);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.headers['content-disposition']).toContain('attachment; filename="regional-action-plan-');
    const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
    const version = await fixture.context.db
      .selectFrom('plan_versions')
      .select('content')
      .where('plan_id', '=', id)
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    for (const action of version.content.actions) {
      expect(text).toContain(action.title);
      expect(text).toContain(`EUR ${new Intl.NumberFormat('en').format(action.costsEur as number)}`);
      for (const line of action.funding) expect(text).toContain(line.source);
    }
    expect(text).toContain('Part I – General information');
    expect(text).toContain('Part III – Details of the actions');
  });
});
