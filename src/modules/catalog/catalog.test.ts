/**
 * The open-data catalogue over HTTP, on the demo: both formats answer, every programme's and partner's datasets are
 * listed with their distributions, and every distribution (but the results', built elsewhere) is really served to
 * an anonymous visitor with the media type the catalogue declares.
 */
import { Parser } from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { testPublicUrl } from '../../core/testing/app.js';
import { useTestApp } from '../../core/testing/world.js';
import { seedDemo } from '../../seed.js';
import { fileTypes } from './datasets.js';

const context = useTestApp();
const dcat = 'http://www.w3.org/ns/dcat#';

beforeAll(async () => {
  const seeded = await seedDemo(context.db);
  if (!seeded.ok) throw new Error('The demo did not load');
});

async function catalogue(format: 'ttl' | 'jsonld') {
  const response = await context.app.inject({ method: 'GET', url: `/catalog.${format}` });
  expect(response.statusCode).toBe(200);
  return response;
}

/** Each distribution's access URL and media type IRI, read from the Turtle. */
async function distributions() {
  const quads = new Parser().parse((await catalogue('ttl')).body);
  const objectOf = (subject: string, predicate: string) =>
    quads.find((quad) => quad.subject.value === subject && quad.predicate.value === predicate)?.object.value;
  return quads
    .filter((quad) => quad.predicate.value === `${dcat}distribution`)
    .map((quad) => ({
      dataset: quad.subject.value,
      url: objectOf(quad.object.value, `${dcat}accessURL`) ?? '',
      mediaType: objectOf(quad.object.value, `${dcat}mediaType`) ?? '',
    }));
}

describe('the open-data catalogue', () => {
  it('answers in Turtle and in JSON-LD, with their media types', async () => {
    expect((await catalogue('ttl')).headers['content-type']).toBe('text/turtle; charset=utf-8');
    const jsonld = await catalogue('jsonld');
    expect(jsonld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const graph = (JSON.parse(jsonld.body) as { '@graph': { '@type'?: string[] }[] })['@graph'];
    expect(graph.filter((node) => node['@type']?.includes('dcat:Catalog'))).toHaveLength(1);
  });

  it('sends the catalogue’s own IRI to the format asked for', async () => {
    const turtle = await context.app.inject({ method: 'GET', url: '/catalog' });
    expect([turtle.statusCode, turtle.headers.location]).toEqual([303, '/catalog.ttl']);
    const jsonld = await context.app.inject({ method: 'GET', url: '/catalog', headers: { accept: 'application/ld+json' } });
    expect(jsonld.headers.location).toBe('/catalog.jsonld');
  });

  it('lists the datasets of every programme and partner, each with distributions', async () => {
    const listed = await distributions();
    const datasets = new Set(listed.map((entry) => entry.dataset.replace(`${testPublicUrl}/catalog#`, '')));
    const programmes = await context.db.selectFrom('programmes').select('id').orderBy('id').execute();
    const partners = await context.db.selectFrom('partners').select('id').execute();
    const first = programmes[0]?.id;
    expect([...datasets]).toEqual(
      expect.arrayContaining([
        'practices',
        'instruments',
        `event-statistics-programme-${first}`,
        `plan-monitoring-programme-${first}`,
        ...programmes.flatMap(({ id }) => [`events-programme-${id}`, `instruments-programme-${id}`]),
        ...partners.map(({ id }) => `events-partner-${id}`),
      ]),
    );
  });

  it('lists only URLs an anonymous visitor can download, each with the media type it declares', async () => {
    const listed = (await distributions()).filter((entry) => !entry.url.startsWith(`${testPublicUrl}/results/`));
    expect(listed.length).toBeGreaterThan(10);
    const mediaTypes: Record<string, string> = Object.fromEntries(
      Object.values(fileTypes).map(({ mediaType }) => [`http://www.iana.org/assignments/media-types/${mediaType}`, mediaType]),
    );
    for (const { url, mediaType } of listed) {
      expect(url.startsWith(`${testPublicUrl}/`), url).toBe(true);
      const response = await context.app.inject({ method: 'GET', url: url.slice(testPublicUrl.length) });
      expect(`${url}: ${response.statusCode}`).toBe(`${url}: 200`);
      expect(String(response.headers['content-type']).split(';')[0], url).toBe(mediaTypes[mediaType]);
    }
  });

  it('shows nothing unpublished: no draft practice, unpublished instrument or partner’s contact address', async () => {
    const body = (await catalogue('ttl')).body + (await catalogue('jsonld')).body;
    const drafts = await context.db.selectFrom('practices').select('title').where('status', '!=', 'published').execute();
    const hidden = await context.db.selectFrom('instruments').select('name').where('published', '=', false).execute();
    const contacts = await context.db.selectFrom('partners').select('contact_email').execute();
    expect(drafts.length + hidden.length).toBeGreaterThan(0);
    for (const { title } of drafts) expect(body).not.toContain(title);
    for (const { name } of hidden) expect(body).not.toContain(name);
    for (const { contact_email } of contacts) if (contact_email) expect(body).not.toContain(contact_email);
  });
});
