/**
 * The instrument catalogue over HTTP: recording, publishing, the lifecycle, the innovation chain and impact, each
 * with its bad input refused and nothing saved, what every role may see and do, and the programme view.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { allRefusals } from '../../../core/outcome.js';
import { systemActor } from '../../../core/policy/actor.js';
import { aPartner, aUser } from '../../../core/testing/factories.js';
import { readPage, TestBrowser, type Page } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { createInstrument } from './service.js';
import { anInstrumentForm, anInstrumentInput, type FormBody } from '../../../core/testing/records.js';

const fixture = useWorld();
let instrumentId = 0;

const instrumentForm = (overrides: FormBody = {}) => anInstrumentForm(fixture.world.partnerA.id, overrides);

const count = async () => (await fixture.context.db.selectFrom('instruments').select('id').execute()).length;
const errorsOf = (response: LightMyRequestResponse) =>
  [...readPage(response).document.querySelectorAll('.error-summary a')].map((anchor) => anchor.textContent);

beforeAll(async () => {
  const editor = await fixture.browserFor('editorA');
  const response = await editor.post('/instruments', instrumentForm());
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  instrumentId = Number(String(response.headers.location).split('/').pop());
});

describe('recording an instrument', () => {
  it('keeps an unpublished instrument for the partner’s editors and the coordinator', async () => {
    expect((await (await fixture.browserFor('editorA')).page(`/instruments/${instrumentId}`)).mainText).toContain('Applying for a parking permit');
    expect((await (await fixture.browserFor('coordinator')).get(`/instruments/${instrumentId}`)).statusCode).toBe(200);
    for (const role of ['editorB', 'stakeholderA', 'otherCoordinator'] as const)
      expect((await (await fixture.browserFor(role)).get(`/instruments/${instrumentId}`)).statusCode, role).toBe(404);
    expect((await new TestBrowser(fixture.context.app).get(`/instruments/${instrumentId}`)).statusCode).toBe(404);
    expect((await new TestBrowser(fixture.context.app).page('/instruments')).mainText).not.toContain('Parking permits online');
  });

  it('saves a one-stop shop with 600 public services: a form of more than 1,000 fields is not taken for an expired one', async () => {
    const editor = await fixture.browserFor('editorA');
    const names = Array.from({ length: 600 }, (_, index) => `Municipal service ${index + 1}`);
    const response = await editor.post(
      '/instruments',
      instrumentForm({ name: 'One-stop shop of the city', serviceName: names, serviceDescription: names.map(() => '') }),
    );
    expect(response.statusCode, readPage(response).title).toBe(303);
    const id = Number(String(response.headers.location).split('/').pop());
    const services = await fixture.context.db.selectFrom('instrument_services').select('name').where('instrument_id', '=', id).orderBy('position').execute();
    expect(services.map((service) => service.name)).toEqual(names);
    const form = await editor.page(`/instruments/${id}/edit`);
    expect(form.document.querySelectorAll('input[name="serviceName"]').length).toBeGreaterThanOrEqual(600);
    expect(
      (
        await editor.post(
          `/instruments/${id}`,
          instrumentForm({ name: 'One-stop shop of the city', serviceName: names, serviceDescription: names.map(() => '') }),
        )
      ).statusCode,
    ).toBe(303);
  });

  it('starts the form with the editor’s partner chosen', async () => {
    const form = await (await fixture.browserFor('editorA')).page('/instruments/new');
    expect(form.document.querySelector<HTMLSelectElement>('select[name="partnerId"]')?.value).toBe(String(fixture.world.partnerA.id));
  });

  it('records the language its texts are written in, starting from the reader’s, and marks them with it', async () => {
    const editor = await fixture.browserFor('editorA');
    await editor.get('/language/it?next=%2F');
    const form = await editor.page('/instruments/new');
    expect(form.document.querySelector<HTMLSelectElement>('select[name="textLanguage"]')?.value).toBe('it');
    // Each language in its own name, as on the practice form, whatever the page's language.
    const practiceForm = await editor.page('/practices/new');
    const names = (page: Page, field: string) => [...page.document.querySelectorAll(`select[name="${field}"] option`)].map((option) => option.textContent);
    expect(names(form, 'textLanguage')).toEqual(['English', 'Italiano', 'Eesti', 'Magyar', 'Svenska']);
    expect(names(form, 'textLanguage')).toEqual(names(practiceForm, 'language'));
    await editor.get('/language/en?next=%2F');

    const before = await count();
    const refused = await editor.post('/instruments', instrumentForm({ name: 'Unknown language', textLanguage: 'xx' }));
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused)).toEqual(['Choose the language of this entry from the list']);
    expect(await count()).toBe(before);

    const saved = await editor.post(
      '/instruments',
      instrumentForm({
        name: 'Parkimisload veebis',
        description: 'Elanikud taotlevad parkimisluba veebis.',
        serviceName: ['Parkimisloa taotlemine'],
        textLanguage: 'et',
      }),
    );
    expect(saved.statusCode).toBe(303);
    const page = await editor.page(String(saved.headers.location));
    expect(page.document.querySelector('h1 [lang="et"]')?.textContent).toBe('Parkimisload veebis');
    expect(page.document.querySelector('.lead')?.getAttribute('lang')).toBe('et');
    expect(page.document.querySelector('ul[lang="et"]')?.textContent).toContain('Parkimisloa taotlemine');
    expect(page.mainText).toContain('Language of this entry');
    expect(page.mainText).toContain('Estonian');
    const edit = await editor.page(`${String(saved.headers.location)}/edit`);
    expect(edit.document.querySelector<HTMLSelectElement>('select[name="textLanguage"]')?.value).toBe('et');
  });

  it('refuses bad input with every problem listed, and saves nothing', async () => {
    const editor = await fixture.browserFor('editorA');
    const before = await count();
    const response = await editor.post(
      '/instruments',
      instrumentForm({ name: '', serviceName: ['', ''], isFree: 'no', repositoryUrl: 'ftp://example.org', kind: 'rocket', stageSince: '2023-02-30' }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response)).toEqual([
      'Enter the name of the instrument',
      'Choose the kind of instrument',
      'Enter at least one public service the instrument delivers',
      'Say what users pay',
      'Enter the repository as a web address starting with https://',
      'Enter a real date, for example 2023-03-31',
    ]);
    expect(await count()).toBe(before);
  });

  it('lists a bad field together with the links and dates the records refuse, in one round', async () => {
    const editor = await fixture.browserFor('editorA');
    const before = await count();
    const t = fixture.context.app.translator.translate('en');
    const created = await editor.post('/instruments', instrumentForm({ name: '', themeCode: 'astrology', practiceId: '999999', stageSince: '2099-01-01' }));
    expect(created.statusCode).toBe(400);
    expect(errorsOf(created)).toEqual([
      'Enter the name of the instrument',
      t('instruments.refusals.unknown_link'),
      t('instruments.refusals.unknown_link'),
      t('instruments.refusals.stage_in_future'),
    ]);
    const edited = await editor.post(`/instruments/${instrumentId}`, instrumentForm({ description: '', eventIds: ['999999'] }));
    expect(edited.statusCode).toBe(400);
    expect(errorsOf(edited)).toEqual([t('instruments.form.description.required'), t('instruments.refusals.unknown_link')]);
    expect(await count()).toBe(before);
  });

  it('refuses every problem of a valid entry’s references at once, to the form and to any other caller of the use case', async () => {
    const editor = await fixture.browserFor('editorA');
    const before = await count();
    const t = fixture.context.app.translator.translate('en');
    const created = await editor.post('/instruments', instrumentForm({ themeCode: 'astrology', practiceId: '999999', stageSince: '2099-01-01' }));
    expect(created.statusCode).toBe(400);
    expect(errorsOf(created)).toEqual([
      t('instruments.refusals.unknown_link'),
      t('instruments.refusals.unknown_link'),
      t('instruments.refusals.stage_in_future'),
    ]);
    const outcome = await createInstrument(
      fixture.context.db,
      fixture.world.users.editorA.actor,
      anInstrumentInput(fixture.world.partnerA.id, 'Called directly', { themeCode: 'astrology', stageSince: '2099-01-01' }),
    );
    expect(outcome.ok ? [] : allRefusals(outcome).map((refusal) => [refusal.reason, refusal.field])).toEqual([
      ['unknown_link', 'themeCode'],
      ['stage_in_future', 'stageSince'],
    ]);
    expect(await count()).toBe(before);
  });

  it('lets only the partner’s editors record and edit it', async () => {
    for (const role of ['editorB', 'coordinator', 'stakeholderA', 'plainUser'] as const) {
      const browser = await fixture.browserFor(role);
      expect((await browser.post('/instruments', instrumentForm())).statusCode, role).toBe(403);
      expect(
        (await browser.post(`/instruments/${instrumentId}/stage`, { stage: 'pilot', occurredOn: '2023-02-01', evidence: 'x', reason: '' })).statusCode,
        role,
      ).toBeGreaterThanOrEqual(403);
    }
    expect((await new TestBrowser(fixture.context.app).get('/instruments/new')).statusCode).toBe(303);
  });

  it('publishes on edit, and the public then finds it by words, kind and stage', async () => {
    const editor = await fixture.browserFor('editorA');
    const response = await editor.post(`/instruments/${instrumentId}`, instrumentForm({ published: 'yes' }));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
    const reader = new TestBrowser(fixture.context.app);
    expect((await reader.page('/instruments?q=parking+perm')).mainText).toContain('Parking permits online');
    expect((await reader.page('/instruments?kind=online_service&stage=design')).mainText).toContain('Parking permits online');
    expect((await reader.page('/instruments?kind=ai_tool')).mainText).not.toContain('Parking permits online');
    expect((await reader.page('/instruments?q=nothinglikethis')).mainText).toContain('No instrument matches');
  });
});

describe('the lifecycle', () => {
  it('moves forward with evidence, back only with a reason, never to the same stage, an earlier date or the future', async () => {
    const editor = await fixture.browserFor('editorA');
    const post = (fields: Record<string, string>) =>
      editor.post(`/instruments/${instrumentId}/stage`, { evidence: 'Council decision 12/2023', reason: '', ...fields });
    expect((await post({ stage: 'pilot', occurredOn: '2023-03-01' })).statusCode).toBe(303);
    expect(errorsOf(await post({ stage: 'design', occurredOn: '2023-04-01' }))).toEqual(['Say why the instrument goes back to an earlier stage']);
    expect(errorsOf(await post({ stage: 'pilot', occurredOn: '2023-04-01' }))).toEqual(['The instrument is already at this stage']);
    expect(errorsOf(await post({ stage: 'live', occurredOn: '2023-02-01' }))).toEqual([
      'The date must not be before the current stage’s date'.replace('’', "'"),
    ]);
    expect(errorsOf(await post({ stage: 'live', occurredOn: '2099-01-01' }))).toEqual([
      'Record a stage once it has happened: the date must not be in the future',
    ]);
    expect(errorsOf(await post({ stage: 'live', occurredOn: '2023-05-01', evidence: '' }))).toEqual(['Give the evidence of the change']);
    expect((await post({ stage: 'design', occurredOn: '2023-04-01', reason: 'The pilot showed the form was too long.' })).statusCode).toBe(303);
    const page = await editor.page(`/instruments/${instrumentId}`);
    expect(page.mainText).toContain('The pilot showed the form was too long.');
    const stages = await fixture.context.db.selectFrom('instrument_stages').select('stage').where('instrument_id', '=', instrumentId).orderBy('id').execute();
    expect(stages.map((row) => row.stage)).toEqual(['design', 'pilot', 'design']);
  });
});

describe('the innovation chain', () => {
  it('refuses a contract value in the wrong format and a second identical role, and shows regional and SME shares', async () => {
    const editor = await fixture.browserFor('editorA');
    const entry = (fields: Record<string, string>) =>
      editor.post(`/instruments/${instrumentId}/chain`, {
        organisationId: String(fixture.world.organisationB.id),
        role: 'supplier',
        inRegion: 'yes',
        procurement: 'innovation_procurement',
        contractValueEur: '80000',
        ...fields,
      });
    const wrong = await entry({ contractValueEur: '80.000.00,5' });
    expect(wrong.statusCode).toBe(400);
    expect(errorsOf(wrong)).toEqual(['Enter the contract value in euros as a number that is not negative, for example 120000']);
    expect((await entry({})).statusCode).toBe(303);
    expect(errorsOf(await entry({}))).toEqual(['This organisation already has this role in the chain']);
    expect(
      (
        await entry({
          organisationId: String(fixture.world.organisationA.id),
          role: 'research_partner',
          inRegion: 'no',
          procurement: 'standard_tender',
          contractValueEur: '20 000',
        })
      ).statusCode,
    ).toBe(303);
    const page = await editor.page(`/instruments/${instrumentId}`);
    expect(page.mainText).toContain('Spending with organisations based in the region: 80%.');
    expect(page.mainText).toContain('Spending with SMEs: 80%.');
    expect(page.mainText).toContain('EUR 80,000');
  });

  it('shows contract values to the programme’s staff only, unless the partner makes them public', async () => {
    for (const role of ['coordinator', 'editorB'] as const)
      expect((await (await fixture.browserFor(role)).page(`/instruments/${instrumentId}`)).mainText, role).toContain('EUR 80,000');
    const publicPage = await new TestBrowser(fixture.context.app).page(`/instruments/${instrumentId}`);
    expect(publicPage.mainText).not.toContain('EUR 80,000');
    expect(publicPage.mainText).toContain('Spending with SMEs: 80%.');
    expect((await (await fixture.browserFor('stakeholderA')).page(`/instruments/${instrumentId}`)).mainText).not.toContain('EUR 80,000');
    await (await fixture.browserFor('editorA')).post(`/instruments/${instrumentId}`, instrumentForm({ published: 'yes', contractValuesPublic: 'yes' }));
    expect((await new TestBrowser(fixture.context.app).page(`/instruments/${instrumentId}`)).mainText).toContain('EUR 80,000');
  });
});

describe('impact', () => {
  it('refuses negative counts, an end before the start and overlapping periods, and derives the savings', async () => {
    const editor = await fixture.browserFor('editorA');
    const measure = (fields: Record<string, string>) =>
      editor.post(`/instruments/${instrumentId}/impact`, {
        periodStart: '2023-01-01',
        periodEnd: '2023-03-31',
        users: '500',
        transactions: '1200',
        processingMinutesDigital: '5',
        processingMinutesFormer: '25',
        costDigitalEur: '2,50',
        costFormerEur: '12.50',
        satisfactionPercent: '80',
        digitalSharePercent: '30',
        ...fields,
      });
    const before = (await fixture.context.db.selectFrom('instrument_impact').select('id').execute()).length;
    expect(errorsOf(await measure({ transactions: '-3', periodEnd: '2022-12-31' }))).toEqual([
      'The period must not end before it starts',
      'Enter a whole number that is not negative, for example 1200',
    ]);
    expect(errorsOf(await measure({ satisfactionPercent: '140' }))).toEqual(['Enter a percentage from 0 to 100']);
    expect(errorsOf(await measure({ periodStart: '0001-01-01', periodEnd: '9999-12-31' }))).toEqual([
      'Enter a date between 1900 and 2100',
      'Enter a date between 1900 and 2100',
    ]);
    expect((await measure({})).statusCode).toBe(303);
    expect(errorsOf(await measure({ periodStart: '2023-03-01', periodEnd: '2023-05-31' }))).toEqual(['This period overlaps a period already measured']);
    expect((await measure({ periodStart: '2023-04-01', periodEnd: '2023-06-30', transactions: '3000', digitalSharePercent: '55' })).statusCode).toBe(303);
    expect((await fixture.context.db.selectFrom('instrument_impact').select('id').execute()).length).toBe(before + 2);
    const page = await editor.page(`/instruments/${instrumentId}`);
    // 1,200 × 20 min + 3,000 × 20 min = 1,400 hours; 4,200 × EUR 10 = EUR 42,000; take-up 30% → 55%.
    expect(page.mainText).toContain('1,400 hours');
    expect(page.mainText).toContain('EUR 42,000');
    expect(page.mainText).toContain('25 percentage points');
    expect((await new TestBrowser(fixture.context.app).get(`/instruments/${instrumentId}/use.svg`)).body).toContain('<svg');
  });
});

describe('removing a row', () => {
  it('asks on a page of its own before removing an organisation from the chain or a measurement, and removes it only once confirmed', async () => {
    const editor = await fixture.browserFor('editorA');
    const organisation = fixture.world.organisationB;
    const added = await editor.post(`/instruments/${instrumentId}/chain`, {
      organisationId: String(organisation.id),
      role: 'operator',
      inRegion: 'yes',
      procurement: 'standard_tender',
      contractValueEur: '',
    });
    expect(added.statusCode, errorsOf(added).join()).toBe(303);
    const measured = await editor.post(`/instruments/${instrumentId}/impact`, {
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
      users: '10',
      transactions: '20',
      processingMinutesDigital: '5',
      processingMinutesFormer: '25',
      costDigitalEur: '2',
      costFormerEur: '12',
      satisfactionPercent: '80',
      digitalSharePercent: '30',
    });
    expect(measured.statusCode, errorsOf(measured).join()).toBe(303);
    const page = await editor.page(`/instruments/${instrumentId}`);
    const linksNamed = (found: Page, name: string) => [...found.document.querySelectorAll('a')].filter((link) => link.textContent === name);
    const linkNamed = (found: Page, name: string) => linksNamed(found, name).at(-1);
    // The organisation may be in the chain in another role too: this row is the last one added.
    const chainRows = linksNamed(page, `Delete ${organisation.name}`).length;
    const chainLink = linkNamed(page, `Delete ${organisation.name}`);
    const impactLink = linkNamed(page, 'Delete 1 January 2024');
    expect(chainLink?.getAttribute('href')).toMatch(/\/chain\/\d+\/delete$/);
    expect(impactLink?.getAttribute('href')).toMatch(/\/impact\/\d+\/delete$/);
    expect(page.document.querySelector('form[action*="/delete"]')).toBeNull();

    // The links ask first: nothing is removed by following them.
    const chainQuestion = await editor.page(chainLink?.getAttribute('href') ?? '');
    expect(chainQuestion.screen.getByRole('heading', { level: 1 }).textContent).toMatch(new RegExp(`^Remove ${organisation.name} from the supply chain of`));
    const impactQuestion = await editor.page(impactLink?.getAttribute('href') ?? '');
    expect(impactQuestion.screen.getByRole('heading', { level: 1 }).textContent).toBe('Delete the measurement from 1 January 2024 to 31 March 2024?');
    const stillThere = await editor.page(`/instruments/${instrumentId}`);
    expect(linkNamed(stillThere, 'Delete 1 January 2024')).toBeTruthy();

    // Another partner's editor is refused the question and the act.
    const other = await fixture.browserFor('editorB');
    // (404 while the instrument is unpublished, 403 once it is public.)
    expect([403, 404]).toContain((await other.get(impactLink?.getAttribute('href') ?? '')).statusCode);
    expect([403, 404]).toContain((await other.post(impactLink?.getAttribute('href') ?? '', {})).statusCode);

    expect((await editor.post(chainLink?.getAttribute('href') ?? '', {})).statusCode).toBe(303);
    expect((await editor.post(impactLink?.getAttribute('href') ?? '', {})).statusCode).toBe(303);
    const after = await editor.page(`/instruments/${instrumentId}`);
    expect(linkNamed(after, 'Delete 1 January 2024')).toBeUndefined();
    expect(linksNamed(after, `Delete ${organisation.name}`)).toHaveLength(chainRows - 1);
    expect((await editor.get(impactLink?.getAttribute('href') ?? '')).statusCode).toBe(404);
  });
});

describe('the programme view', () => {
  it('counts instruments per partner and stage, developed ones against the goal, with charts and CSV', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/instruments/programme');
    expect(page.mainText).toContain('1 instruments developed (pilot or later); the programme’s goal is at least 3.'.replace('’', "'"));
    const csv = await new TestBrowser(fixture.context.app).get('/instruments/programme.csv');
    expect(csv.body).toContain(`${fixture.world.partnerA.name},0,1,0,0,0,0,1`);
    expect((await new TestBrowser(fixture.context.app).get('/instruments/programme/stages.svg')).body).toContain('<svg');
  });
});

describe('personal data', () => {
  it('gives a person the stages they recorded, and erasing them keeps the history without their name', async () => {
    const person = await aUser(fixture.context.db, { role: 'editor', partnerId: fixture.world.partnerA.id });
    const browser = new TestBrowser(fixture.context.app);
    await browser.signIn(person.email, person.password);
    expect(
      (await browser.post(`/instruments/${instrumentId}/stage`, { stage: 'live', occurredOn: '2023-09-01', evidence: 'Launch announcement', reason: '' }))
        .statusCode,
    ).toBe(303);
    const download = (await browser.get('/account/data.json')).json<{ records: { instruments: { stages: { evidence: string }[] } } }>();
    expect(download.records.instruments.stages.map((stage) => stage.evidence)).toEqual(['Launch announcement']);
    const admin = await fixture.browserFor('admin');
    await admin.post(`/admin/users/${person.id}/deactivate`, {});
    expect((await admin.post(`/admin/users/${person.id}/erase`, {})).statusCode).toBe(303);
    const page = await (await fixture.browserFor('editorA')).page(`/instruments/${instrumentId}`);
    expect(page.mainText).not.toContain(person.actor.displayName);
    expect(page.mainText).toContain(`Erased user ${person.id}`);
    expect(page.mainText).toContain('Launch announcement');
  });
});

describe('the catalogue’s partner filter', () => {
  it('offers the 30 partners with the most instruments found and the one chosen, not every partner', async () => {
    const db = fixture.context.db;
    const programmeId = fixture.world.otherProgramme.id;
    // Made first, the quiet partner would win a tie (ties go by id). AI tools: no other test records one.
    const quiet = await aPartner(db, programmeId);
    const busy = [];
    for (let index = 0; index < 30; index += 1) busy.push(await aPartner(db, programmeId));
    const system = systemActor('test');
    const record = async (partnerId: number, name: string) =>
      expect(await createInstrument(db, system, anInstrumentInput(partnerId, name, { kind: 'ai_tool' }))).toMatchObject({ ok: true });
    await record(quiet.id, 'Quiet assistant');
    for (const partner of busy) for (const name of ['Chat assistant', 'Form reader']) await record(partner.id, name);

    const visitor = new TestBrowser(fixture.context.app);
    const offered = (page: Page) =>
      [...page.document.querySelectorAll<HTMLOptionElement>('select[name="partner"] option')].map((option) => option.value).filter(Boolean);
    const found = await visitor.page('/instruments?kind=ai_tool');
    expect(new Set(offered(found))).toEqual(new Set(busy.map((partner) => String(partner.id))));
    expect(found.document.querySelector('#results')?.textContent).toBe('61 instruments');

    const chosen = await visitor.page(`/instruments?kind=ai_tool&partner=${quiet.id}`);
    expect(offered(chosen)).toHaveLength(31);
    expect(chosen.document.querySelector<HTMLSelectElement>('select[name="partner"]')?.value).toBe(String(quiet.id));
    expect(chosen.document.querySelector('#results')?.textContent).toBe('1 instrument');
    expect(chosen.mainText).toContain('Quiet assistant');
  });
});
