/**
 * The open-data catalogue passes the official DCAT-AP 3.0.1 SHACL shapes, in Turtle and JSON-LD: the demo's
 * catalogue, and one of 2,000 generated datasets whose texts carry quotes, backslashes, line breaks, tabs, markup
 * characters and emoji, which must also read back exactly.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWith } from '../../core/testing/standards.js';
import { useTestApp } from '../../core/testing/world.js';
import { seedDemo } from '../../seed.js';
import { catalogJsonLd, catalogTurtle, dataThemes, fileTypes, type CatalogDescription, type DatasetDescription, type FileType } from './service.js';

const context = useTestApp();
let directory: string;
let files = 0;

beforeAll(async () => {
  const seeded = await seedDemo(context.db);
  if (!seeded.ok) throw new Error('The demo did not load');
  directory = await mkdtemp(path.join(tmpdir(), 'better-dcat-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function validated(body: string, format: 'ttl' | 'jsonld') {
  const file = path.join(directory, `catalog-${(files += 1)}.${format}`);
  await writeFile(file, body);
  return validateWith('validate-rdf.mjs', file, ['--shapes', 'dcat-ap']);
}

describe('the DCAT-AP catalogue of the demo', () => {
  for (const format of ['ttl', 'jsonld'] as const) {
    it(`conforms in ${format === 'ttl' ? 'Turtle' : 'JSON-LD'}`, async () => {
      const response = await context.app.inject({ method: 'GET', url: `/catalog.${format}` });
      expect(response.statusCode).toBe(200);
      const verdict = await validated(response.body, format);
      console.info(
        `DCAT-AP ${format}, demo: ${response.body.split('a dcat:Dataset').length - 1 || (response.body.match(/"dcat:Dataset"/g) ?? []).length} datasets; ${verdict.report.trim().split('\n').at(-1)}`,
      );
      expect(verdict.conforms, verdict.report).toBe(true);
      expect(verdict.report).not.toMatch(/invalid property/);
    });
  }

  it('is checked for real: a distribution without its access URL is refused', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/catalog.ttl' });
    const broken = response.body.replace(/dcat:accessURL <[^>]+>;/, '');
    expect(broken).not.toBe(response.body);
    const verdict = await validated(broken, 'ttl');
    expect(verdict.conforms).toBe(false);
    expect(verdict.report).toMatch(/Violation: .*accessURL/);
  });
});

const weird = 'Say "hello" and \'bye\' to C:\\Users\\office\\ — <b>&amp;</b> & <tag>\nsecond line\twith a tab, café, Łódź, 🚀 👩🏽‍💻 🇪🇺 and a final backslash \\';

function generated(count: number): CatalogDescription {
  const formats = Object.keys(fileTypes) as FileType[];
  const datasets: DatasetDescription[] = Array.from({ length: count }, (_, index) => ({
    key: `generated-${index}`,
    title: { en: `${weird} #${index}`, it: `${weird} n. ${index}` },
    description: { en: weird },
    publisher: { iri: `https://better.example.eu/partners/${index % 40}#organisation`, name: `${weird} partner ${index % 40}` },
    landingPage: `https://better.example.eu/pages/${index}`,
    keywords: [{ en: weird }, { en: 'plain', hu: 'sima' }],
    themes: [dataThemes[index % dataThemes.length] ?? 'GOVE'],
    nutsCodes: ['ITC3', 'EE00', `HU${(index % 3) + 1}`],
    countryCodes: ['IT', 'EE', 'HU', 'GR'],
    temporal: { startsOn: '2024-01-01', endsOn: '2027-12-31' },
    ...(index % 2 ? { issued: '2025-03-01', modified: '2026-01-02T03:04:05.678Z' } : {}),
    distributions: [0, 1].map((offset) => {
      const format = formats[(index + offset) % formats.length] ?? 'CSV';
      return {
        key: format.toLowerCase(),
        url: `https://better.example.eu/data/${index}.${format.toLowerCase()}?a=1&b="2"`,
        format,
        description: { en: weird },
      };
    }),
  }));
  return {
    iri: 'https://better.example.eu/catalog',
    homepage: 'https://better.example.eu/',
    title: { en: weird },
    description: { en: weird, sv: 'Öppna data' },
    publisher: { iri: 'https://better.example.eu/programmes/1#programme', name: weird },
    languages: ['en', 'it', 'et', 'hu', 'sv'],
    modified: '2026-12-05T10:00:00.000Z',
    datasets,
  };
}

describe('the DCAT-AP catalogue of 2,000 datasets with awkward texts', () => {
  const count = 2000;
  const catalog = generated(count);

  // Validating 2,000 datasets takes about half a minute on a shared machine.
  const slow = { timeout: 180_000 };

  it('conforms in Turtle, and its texts read back exactly', slow, async () => {
    const started = performance.now();
    const body = await catalogTurtle(catalog);
    const verdict = await validated(body, 'ttl');
    console.info(`DCAT-AP Turtle, ${count} datasets: ${Math.round(performance.now() - started)} ms written and validated`);
    expect(verdict.conforms, verdict.report).toBe(true);
    const quads = new Parser().parse(body);
    const titles = quads.filter((quad) => quad.predicate.value === 'http://purl.org/dc/terms/title' && quad.subject.value.includes('#generated-'));
    expect(titles).toHaveLength(2 * count);
    expect(titles.map((quad) => quad.object.value)).toContain(`${weird} #7`);
    const title = titles.find(
      (quad) => quad.subject.value === 'https://better.example.eu/catalog#generated-7' && quad.object.termType === 'Literal' && quad.object.language === 'it',
    );
    expect(title?.object.value).toBe(`${weird} n. 7`);
  });

  it('conforms in JSON-LD, and its texts read back exactly', slow, async () => {
    const started = performance.now();
    const body = catalogJsonLd(catalog);
    const verdict = await validated(body, 'jsonld');
    console.info(`DCAT-AP JSON-LD, ${count} datasets: ${Math.round(performance.now() - started)} ms written and validated`);
    expect(verdict.conforms, verdict.report).toBe(true);
    expect(verdict.report).not.toMatch(/invalid property/);
    const graph = (JSON.parse(body) as { '@graph': { '@id': string; 'dct:title'?: { '@value': string; '@language': string }[] }[] })['@graph'];
    const dataset = graph.find((node) => node['@id'] === 'https://better.example.eu/catalog#generated-7');
    expect(dataset?.['dct:title']).toEqual([
      { '@value': `${weird} #7`, '@language': 'en' },
      { '@value': `${weird} n. 7`, '@language': 'it' },
    ]);
  });
});
