/**
 * The maturity self-assessment through HTTP: opening, answering, inviting and submitting a round; what each role may
 * do; the invitation link; scores, suggestions and a learning need; the framework file; the formula against its trace.
 */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { aPractice } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { listLearningNeeds } from '../../practices/service.js';
import { semestersOf } from '../../programmes/service.js';
import { formulaContext } from '../figures/service.js';
import { recount } from '../formulas.js';
import { defaultFramework } from './default-framework.js';
import { questionsOf } from './framework.js';
import { governanceImprovement } from './formula.js';
import { maturityPersonalData } from './personal-data.js';

const fixture = useWorld();
const keys = questionsOf(defaultFramework).map(({ question }) => question.key);

/** Every question answered: the level a function gives it. */
const answersForm = (levelOf: (index: number) => number): Record<string, string> =>
  Object.fromEntries(keys.map((key, index) => [`level.${key}`, String(levelOf(index))]));

async function countAnswers(): Promise<number> {
  const row = await fixture.context.db
    .selectFrom('maturity_answers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function openRound(label: string, assessedOn: string, partner = fixture.world.partnerA.id): Promise<number> {
  const editor = await fixture.browserFor(partner === fixture.world.partnerA.id ? 'editorA' : 'editorB');
  const response = await editor.post(`/results/maturity/partners/${partner}/rounds`, { label, assessedOn });
  expect(response.statusCode).toBe(303);
  return Number(/rounds\/(\d+)/.exec(response.headers.location as string)?.[1]);
}

async function invitationToken(address: string): Promise<string> {
  const email = await fixture.context.db
    .selectFrom('emails')
    .select(['body_text'])
    .where('to_address', '=', address)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const token = /\/results\/maturity\/invitations\/([A-Za-z0-9_-]{43})/.exec(email.body_text)?.[1];
  if (!token) throw new Error('No invitation link in the email');
  return token;
}

describe('a maturity round', () => {
  it('is answered on one page, refuses levels outside the scale and unknown questions, and is locked once submitted', async () => {
    const editor = await fixture.browserFor('editorA');
    const opened = readPage(await editor.post(`/results/maturity/partners/${fixture.world.partnerA.id}/rounds`, { label: '', assessedOn: 'soon' }));
    expect(opened.status).toBe(400);
    expect(opened.screen.getAllByRole('link').map((link) => link.textContent)).toEqual(expect.arrayContaining(['Enter the name of the round']));

    const roundId = await openRound('Baseline 2019', '2019-10-01');
    const page = await editor.page(`/results/maturity/rounds/${roundId}`);
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('group', { name: defaultFramework.dimensions[0]?.questions[0]?.text.en })).toBeTruthy();
    expect(page.screen.getAllByRole('radio', { name: /2 – Developing/ }).length).toBe(keys.length);

    const before = await countAnswers();
    const outOfScale = readPage(await editor.post(`/results/maturity/rounds/${roundId}/answers`, { ...answersForm(() => 2), [`level.${keys[1]}`]: '7' }));
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.screen.getAllByText('Choose a level between 0 and 4').length).toBeGreaterThan(0);
    expect(outOfScale.document.querySelector(`#field-level-${keys[1]}-error`)?.textContent).toContain('Choose a level between 0 and 4');
    const unknown = readPage(await editor.post(`/results/maturity/rounds/${roundId}/answers`, { ...answersForm(() => 2), 'level.planted': '1' }));
    expect(unknown.status).toBe(400);
    expect(unknown.mainText).toContain('The questionnaire has no question “planted”');
    expect(await countAnswers()).toBe(before);

    // A partial draft saves; submitting lists what is missing and changes nothing.
    expect(
      (await editor.post(`/results/maturity/rounds/${roundId}/answers`, { [`level.${keys[0]}`]: '1', [`comment.${keys[0]}`]: 'A start' })).statusCode,
    ).toBe(303);
    const incomplete = readPage(await editor.post(`/results/maturity/rounds/${roundId}/submission`, {}));
    expect(incomplete.status).toBe(409);
    expect(incomplete.mainText).toContain(`(${keys.length - 1})`);
    expect(incomplete.mainText).toContain(defaultFramework.dimensions[5]?.questions[2]?.text.en);
    expect(incomplete.mainText).not.toContain(defaultFramework.dimensions[0]?.questions[0]?.text.en);

    expect(
      (
        await editor.post(
          `/results/maturity/rounds/${roundId}/answers`,
          answersForm((index) => index % 5),
        )
      ).statusCode,
    ).toBe(303);
    const ask = await editor.page(`/results/maturity/rounds/${roundId}/submission`);
    expect(ask.screen.getByRole('button', { name: 'Submit the round' })).toBeTruthy();
    expect((await editor.post(`/results/maturity/rounds/${roundId}/submission`, {})).statusCode).toBe(303);

    const locked = readPage(
      await editor.post(
        `/results/maturity/rounds/${roundId}/answers`,
        answersForm(() => 4),
      ),
    );
    expect(locked.status).toBe(409);
    expect(locked.mainText).toContain('This round is submitted: its answers can no longer change.');
    const again = readPage(await editor.post(`/results/maturity/rounds/${roundId}/submission`, {}));
    expect(again.status).toBe(409);
    const anyone = await new TestBrowser(fixture.context.app).page(`/results/maturity/rounds/${roundId}`);
    expect(anyone.status).toBe(200);
    expect(anyone.screen.getByRole('table', { name: 'Scores of this round by dimension (0–100)' })).toBeTruthy();
    expect(anyone.mainText).not.toContain('A start');
  });

  it('lets an invited stakeholder answer by the emailed link, until the round is submitted', async () => {
    const editor = await fixture.browserFor('editorA');
    const roundId = await openRound('Follow-up 2022', '2022-10-01');
    const invalid = readPage(await editor.post(`/results/maturity/rounds/${roundId}/invitations`, { name: '', email: 'nope' }));
    expect(invalid.status).toBe(400);
    expect((await editor.post(`/results/maturity/rounds/${roundId}/invitations`, { name: 'Stella Stakeholder', email: 'stella@example.org' })).statusCode).toBe(
      303,
    );
    const token = await invitationToken('stella@example.org');
    const visitor = new TestBrowser(fixture.context.app);
    const page = await visitor.page(`/results/maturity/invitations/${token}`);
    expect(page.status).toBe(200);
    expect(page.mainText).toContain('Stella Stakeholder');
    const refused = readPage(await visitor.post(`/results/maturity/invitations/${token}`, { [`level.${keys[0]}`]: '-1' }));
    expect(refused.status).toBe(400);
    expect(
      (
        await visitor.post(
          `/results/maturity/invitations/${token}`,
          answersForm(() => 4),
        )
      ).statusCode,
    ).toBe(303);

    // The coordinator reads the draft and the stakeholder's answers; the stakeholder's answers do not complete the round.
    const coordinator = await fixture.browserFor('coordinator');
    const draft = await coordinator.page(`/results/maturity/rounds/${roundId}`);
    expect(draft.status).toBe(200);
    expect(draft.mainText).toContain('Stella Stakeholder');
    expect((await editor.post(`/results/maturity/rounds/${roundId}/submission`, {})).statusCode).toBe(409);

    expect(
      (
        await editor.post(
          `/results/maturity/rounds/${roundId}/answers`,
          answersForm(() => 3),
        )
      ).statusCode,
    ).toBe(303);
    expect((await editor.post(`/results/maturity/rounds/${roundId}/submission`, {})).statusCode).toBe(303);
    expect((await visitor.get(`/results/maturity/invitations/${token}`)).statusCode).toBe(404);
    expect(
      (
        await visitor.post(
          `/results/maturity/invitations/${token}`,
          answersForm(() => 0),
        )
      ).statusCode,
    ).toBe(404);
    const invitee = await fixture.context.db
      .selectFrom('maturity_respondents')
      .select(['invited_name', 'invited_email'])
      .where('round_id', '=', roundId)
      .where('user_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(invitee).toEqual({ invited_name: 'Stella Stakeholder', invited_email: null });
  });

  it('lets an invited person erase their name and email, keeping their answers', async () => {
    const editor = await fixture.browserFor('editorA');
    const roundId = await openRound('Erasure check', '2021-01-10');
    await editor.post(`/results/maturity/rounds/${roundId}/invitations`, { name: 'Erik Erase', email: 'erik@example.org' });
    const token = await invitationToken('erik@example.org');
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(
      `/results/maturity/invitations/${token}`,
      answersForm(() => 1),
    );
    expect((await visitor.post(`/results/maturity/invitations/${token}/erasure`, {})).statusCode).toBe(303);
    expect((await visitor.get(`/results/maturity/invitations/${token}`)).statusCode).toBe(404);
    const rows = await fixture.context.db
      .selectFrom('maturity_respondents')
      .innerJoin('maturity_answers', 'maturity_answers.respondent_id', 'maturity_respondents.id')
      .select(['invited_name', 'invited_email'])
      .where('round_id', '=', roundId)
      .execute();
    expect(rows.length).toBe(keys.length);
    expect(rows.every((row) => row.invited_name === null && row.invited_email === null)).toBe(true);
  });
});

describe('who may do what', () => {
  it('keeps drafts and answers to the partner’s staff, answering to its editors, scores to everyone', async () => {
    const roundId = await openRound('Roles draft', '2023-01-05');
    const draft = `/results/maturity/rounds/${roundId}`;
    const status = async (role: Parameters<typeof fixture.browserFor>[0] | 'anonymous', method: 'get' | 'post', url: string, body = answersForm(() => 1)) => {
      const browser = role === 'anonymous' ? new TestBrowser(fixture.context.app) : await fixture.browserFor(role);
      return (method === 'get' ? await browser.get(url) : await browser.post(url, body)).statusCode;
    };
    expect(await status('anonymous', 'get', draft)).toBe(404);
    expect(await status('stakeholderA', 'get', draft)).toBe(404);
    expect(await status('editorB', 'get', draft)).toBe(404);
    expect(await status('otherCoordinator', 'get', draft)).toBe(404);
    expect(await status('coordinator', 'get', draft)).toBe(200);
    expect(await status('admin', 'get', draft)).toBe(200);
    expect(await status('editorA', 'get', draft)).toBe(200);

    expect(await status('anonymous', 'post', `${draft}/answers`)).toBe(303); // sent to sign in
    expect(await status('stakeholderA', 'post', `${draft}/answers`)).toBe(403);
    expect(await status('plainUser', 'post', `${draft}/answers`)).toBe(403);
    expect(await status('editorB', 'post', `${draft}/answers`)).toBe(403);
    expect(await status('coordinator', 'post', `${draft}/answers`)).toBe(403);
    expect(await status('admin', 'post', `${draft}/answers`)).toBe(403);
    expect(await status('editorB', 'post', `${draft}/invitations`, { name: 'Planted', email: 'planted@example.org' })).toBe(403);
    expect(await status('editorB', 'post', `${draft}/submission`, {})).toBe(403);
    expect(await status('editorB', 'post', `/results/maturity/partners/${fixture.world.partnerA.id}/rounds`, { label: 'X', assessedOn: '2023-01-01' })).toBe(
      403,
    );
    expect(
      await status('coordinator', 'post', `/results/maturity/partners/${fixture.world.partnerA.id}/rounds`, { label: 'X', assessedOn: '2023-01-01' }),
    ).toBe(403);
    expect(await status('editorA', 'post', `${draft}/answers`)).toBe(303);

    expect(await status('anonymous', 'get', '/results/maturity')).toBe(200);
    expect(await status('anonymous', 'get', `/results/maturity/partners/${fixture.world.partnerA.id}`)).toBe(200);
    expect(await status('anonymous', 'post', '/results/maturity/framework', { definition: '{}' })).toBe(303);
    expect(await status('editorA', 'post', '/results/maturity/framework', { definition: '{}' })).toBe(403);
    expect(await status('otherCoordinator', 'post', `/results/maturity/framework?programme=${fixture.world.programme.id}`, { definition: '{}' })).toBe(403);
  });
});

describe('scores, suggestions and the governance improvement', () => {
  it('shows the partner’s radar and table, suggests practices for weak dimensions, and records a learning need in one step', async () => {
    const partnerB = fixture.world.partnerB.id;
    const editorB = await fixture.browserFor('editorB');
    for (const [label, date, levelOf] of [
      ['B baseline', '2019-09-01', () => 1],
      ['B follow-up', '2021-03-01', (index: number) => (index < 3 ? 0 : 3)],
    ] as const) {
      const roundId = await openRound(label, date, partnerB);
      expect((await editorB.post(`/results/maturity/rounds/${roundId}/answers`, answersForm(levelOf))).statusCode).toBe(303);
      expect((await editorB.post(`/results/maturity/rounds/${roundId}/submission`, {})).statusCode).toBe(303);
    }
    // Digital strategy (the first three questions) is the weakest: its themes' practices of other partners are suggested.
    await aPractice(fixture.context.db, fixture.world.partnerA.id, 'Smart city dashboard of A', { status: 'published', form: { themes: ['smart-city'] } });
    const page = await new TestBrowser(fixture.context.app).page(`/results/maturity/partners/${partnerB}`);
    expect(page.screen.getByRole('img', { name: /Radar chart of .* B baseline and B follow-up/ })).toBeTruthy();
    const table = page.screen.getByRole('table', { name: /Maturity scores of .* by dimension/ });
    expect(table.textContent).toContain('Digital strategy');
    expect(table.textContent).toContain('25'); // baseline 1/4
    expect(page.mainText).toContain('Smart city dashboard of A');
    expect((await fixture.context.app.inject({ url: `/results/maturity/partners/${partnerB}/radar.svg` })).body).toContain('<svg');
    expect((await fixture.context.app.inject({ url: `/results/maturity/partners/${partnerB}/scores.csv` })).body).toContain('Digital strategy');

    const need = `/results/maturity/partners/${partnerB}/learning-needs/digital_strategy`;
    expect((await editorB.get(need)).statusCode).toBe(200);
    expect((await (await fixture.browserFor('editorA')).post(need, {})).statusCode).toBe(403);
    expect((await editorB.post(need, {})).statusCode).toBe(303);
    const needs = await listLearningNeeds(fixture.context.db, partnerB);
    expect(needs.map((entry) => entry.themeCode)).toContain('smart-city');
    expect(needs.some((entry) => entry.description.includes('Digital strategy'))).toBe(true);
  });

  it('gives the same figures from its series as from recounting its records', async () => {
    const programme = fixture.world.programme;
    const context = await formulaContext(fixture.context.db, programme.id, semestersOf(programme));
    const series = await governanceImprovement.series(context);
    expect(series.length).toBeGreaterThan(0);
    const partnerIds = [null, fixture.world.partnerA.id, fixture.world.partnerB.id];
    let nonZero = 0;
    for (const semester of context.semesters)
      for (const partnerId of partnerIds) {
        const point = series.find((candidate) => candidate.semester === semester.number && candidate.partnerId === partnerId);
        const records = await governanceImprovement.records(context, { partnerId, semester: semester.number });
        expect(recount(governanceImprovement.recount, records), `semester ${semester.number} partner ${partnerId}`).toBeCloseTo(point?.value ?? 0, 9);
        if ((point?.value ?? 0) !== 0) nonZero += 1;
      }
    expect(nonZero).toBeGreaterThan(0);
    // Partner B: baseline all 1 (25), follow-up 0 on digital strategy and 3 elsewhere: (0 + 5 × 75) / 6 = 62.5 → +37.5.
    const last = context.semesters[context.semesters.length - 1]?.number;
    expect(series.find((point) => point.partnerId === fixture.world.partnerB.id && point.semester === last)?.value).toBeCloseTo(37.5, 9);
  });

  it('shows the programme table and its CSV to everyone', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/results/maturity');
    expect(page.screen.getByRole('table', { name: 'Baseline and latest overall scores per partner' }).textContent).toContain('B follow-up');
    expect(page.screen.getByRole('heading', { name: 'How the scores are computed' })).toBeTruthy();
    expect((await fixture.context.app.inject({ url: '/results/maturity/programme.csv' })).body).toContain('B baseline');
  });
});

describe('the framework', () => {
  it('lists every problem of a pasted framework, and is replaced only while no round uses the current one', async () => {
    const coordinator = await fixture.browserFor('otherCoordinator');
    const url = `/results/maturity/framework?programme=${fixture.world.otherProgramme.id}`;
    const refused = readPage(await coordinator.post(url, { definition: JSON.stringify({ name: {}, scale: [], dimensions: [{ key: 'A B' }] }) }));
    expect(refused.status).toBe(400);
    expect(refused.mainText).toContain('Problems found');
    expect(refused.mainText).toContain('Give the English text');
    expect(refused.mainText).toContain('The scale needs at least two levels');
    expect(refused.mainText).toContain('Keys are 1–40 lowercase letters');
    const custom = { ...defaultFramework, name: { en: 'Our own framework' } };
    expect((await coordinator.post(url, { definition: JSON.stringify(custom) })).statusCode).toBe(303);
    expect((await coordinator.page(url)).mainText).toContain('Our own framework');

    // The first programme's framework is used by rounds: refused, whatever is posted.
    const inUse = readPage(await (await fixture.browserFor('coordinator')).post('/results/maturity/framework', { definition: JSON.stringify(custom) }));
    expect(inUse.status).toBe(409);
  });
});

describe('personal data', () => {
  it('exports an editor’s answers and erases the link to them, keeping the answers', async () => {
    const userId = fixture.world.users.editorA.id;
    const exported = await maturityPersonalData.exportFor(fixture.context.db, userId);
    expect(Array.isArray(exported) && exported.length).toBeGreaterThan(0);
    const before = await countAnswers();
    await fixture.context.db.transaction().execute((trx) => maturityPersonalData.erase(trx, userId, 'Erased person'));
    expect(await maturityPersonalData.exportFor(fixture.context.db, userId)).toEqual([]);
    expect(await countAnswers()).toBe(before);
  });
});
