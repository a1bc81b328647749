/** The catalogue's downloads in /openapi.json: the schema of /instruments.json and the CSV's columns are what the real downloads send. */
import { beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../core/testing/http.js';
import { anInstrumentForm, type FormBody } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';
import { catalogueDownloadSchema, catalogueRecordSchema } from './api.js';

const fixture = useWorld();

/** A tax payment system in pilot, paid for, with two services: the optional fields of both downloads filled or left empty. */
const taxPayments = {
  description: 'Residents pay local taxes online.',
  kind: 'payment_system',
  serviceName: ['Paying the waste tax', 'Paying the parking fee'],
  channels: ['web', 'kiosk'],
  audiences: ['citizens', 'businesses'],
  isFree: 'no',
  costDescription: 'A fee of 1 euro per payment.',
  dataReused: '',
  licence: '',
  repositoryUrl: '',
  stage: 'pilot',
  stageSince: '2024-03-01',
};
const instrumentForm = (name: string, overrides: FormBody = {}) => anInstrumentForm(fixture.world.partnerA.id, { ...taxPayments, name, ...overrides });

async function recordInstrument(name: string, overrides: FormBody = {}): Promise<number> {
  const editor = await fixture.browserFor('editorA');
  const response = await editor.post('/instruments', instrumentForm(name, overrides));
  expect(response.statusCode, response.body.slice(0, 300)).toBe(303);
  return Number(String(response.headers.location).split('/').pop());
}

beforeAll(async () => {
  const editor = await fixture.browserFor('editorA');
  const published = await recordInstrument('API tax payments');
  expect((await editor.post(`/instruments/${published}`, instrumentForm('API tax payments', { published: 'yes' }))).statusCode).toBe(303);
  const chain = {
    organisationId: String(fixture.world.organisationB.id),
    role: 'supplier',
    inRegion: 'yes',
    procurement: 'innovation_procurement',
    contractValueEur: '80000',
  };
  expect((await editor.post(`/instruments/${published}/chain`, chain)).statusCode).toBe(303);
  await recordInstrument('API draft permits', {
    kind: 'online_service',
    isFree: 'yes',
    costDescription: '',
    licence: 'EUPL-1.2',
    repositoryUrl: 'https://example.org/permits',
    themeCode: '',
  });
});

const download = async (browser: TestBrowser) => {
  const response = await browser.get('/instruments.json');
  expect(response.statusCode).toBe(200);
  return catalogueDownloadSchema.parse(response.json());
};

describe('GET /instruments.json', () => {
  it('sends the public exactly the schema, contract totals hidden and drafts left out', async () => {
    const records = await download(new TestBrowser(fixture.context.app));
    expect(records.map((record) => record.name)).toContain('API tax payments');
    expect(records.map((record) => record.name)).not.toContain('API draft permits');
    expect(records.find((record) => record.name === 'API tax payments')).toMatchObject({
      partner: fixture.world.partnerA.name,
      kind: 'payment_system',
      stage: 'pilot',
      stage_since: '2024-03-01',
      theme: null,
      channels: ['web', 'kiosk'],
      languages: ['it', 'en'],
      is_free: false,
      licence: null,
      repository_url: null,
      services: ['Paying the waste tax', 'Paying the parking fee'],
      published: true,
      contract_values_public: false,
      contract_value_eur: null,
    });
  });

  it('sends the coordinator exactly the schema, with contract totals and unpublished instruments', async () => {
    const records = await download(await fixture.browserFor('coordinator'));
    expect(records.find((record) => record.name === 'API tax payments')?.contract_value_eur).toBe(80000);
    expect(records.find((record) => record.name === 'API draft permits')).toMatchObject({
      published: false,
      is_free: true,
      licence: 'EUPL-1.2',
      repository_url: 'https://example.org/permits',
      contract_value_eur: null,
    });
  });

  it('is described strictly: a record with a field more or a field less does not match', async () => {
    const [record] = await download(await fixture.browserFor('coordinator'));
    expect(record).toBeDefined();
    expect(catalogueRecordSchema.safeParse({ ...record, plan_id: null }).success).toBe(false);
    const { contract_value_eur: _total, ...withoutTotal } = record ?? {};
    expect(catalogueRecordSchema.safeParse(withoutTotal).success).toBe(false);
  });
});

describe('/openapi.json', () => {
  it('lists the catalogue downloads with their media types', async () => {
    const document = (await new TestBrowser(fixture.context.app).get('/openapi.json')).json<{
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
      components: { schemas: Record<string, unknown> };
    }>();
    const mediaTypes = (path: string) => Object.keys(document.paths[path]?.get?.responses['200']?.content ?? {});
    expect(mediaTypes('/instruments.json')).toEqual(['application/json']);
    expect(mediaTypes('/instruments.csv')).toEqual(['text/csv']);
    expect(mediaTypes('/instruments.jsonld')).toEqual(['application/ld+json']);
    expect(mediaTypes('/instruments.ttl')).toEqual(['text/turtle']);
    expect(document.components.schemas).toHaveProperty('InstrumentCatalogueRecord');
  });

  it('describes the CSV download as it is sent: UTF-8 with a byte order mark, in the JSON record’s columns', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/instruments.csv');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\ufeff')).toBe(true);
    const header = response.body.slice(1).split(/\r?\n/)[0]?.split(',');
    expect(header).toEqual(Object.keys(catalogueRecordSchema.shape));
  });
});
