/**
 * The CPSV-AP exports as a reader or an operator meets them: the public addresses with their media types, only
 * published instruments, one programme on request, the same graph whatever the batch size, and the command line.
 * (Conformance to the SHACL shapes is checked by cpsv.standards.test.ts.)
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { testPublicUrl } from '../../../core/testing/app.js';
import { aPartner, valueOf } from '../../../core/testing/factories.js';
import { TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { exportInstrumentsFromCli } from './cli.js';
import { exportCatalogue } from './service.js';
import { createInstrument } from '../catalogue/service.js';
import { anInstrumentInput } from '../../../core/testing/records.js';

const fixture = useWorld();
const ids = { permits: 0, draft: 0, elsewhere: 0 };
let directory: string;

beforeAll(async () => {
  const { db } = fixture.context;
  const { partnerA, partnerB, otherProgramme } = fixture.world;
  const actor = systemActor('test set-up');
  ids.permits = valueOf(
    await createInstrument(
      db,
      actor,
      anInstrumentInput(partnerA.id, 'Resident "parking" permits', {
        isFree: false,
        costDescription: '€30 a year',
        services: [
          { name: 'Applying for a permit', description: 'Apply online.' },
          { name: 'Renewing a permit', description: '' },
        ],
      }),
    ),
  ).id;
  ids.draft = valueOf(await createInstrument(db, actor, anInstrumentInput(partnerB.id, 'Unfinished chatbot', { published: false }))).id;
  const distantPartner = await aPartner(db, otherProgramme.id, { nutsCode: 'HU32', nutsName: 'Észak-Alföld', countryCode: 'HU' });
  ids.elsewhere = valueOf(
    await createInstrument(
      db,
      actor,
      anInstrumentInput(distantPartner.id, 'Kikötői foglalás', {
        textLanguage: 'hu',
        services: [{ name: 'Hajóhely foglalása', description: 'Foglaljon online.' }],
      }),
    ),
  ).id;
  directory = await mkdtemp(path.join(tmpdir(), 'better-cpsv-cli-'));
});
afterAll(async () => rm(directory, { recursive: true, force: true }));

interface Node {
  '@id': string;
  '@type': string;
  title?: Record<string, string>;
  description?: Record<string, string>;
  hasCompetentAuthority?: string[];
  hasCost?: string[];
}

const graphOf = (body: string) => (JSON.parse(body) as { '@context': object; '@graph': Node[] })['@graph'];
const serviceIri = (id: number, position: number) => `${testPublicUrl}/instruments/${id}#service-${position}`;

describe('GET /instruments.jsonld', () => {
  it('answers JSON-LD with an inline context, listing each public service of the published instruments', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/instruments.jsonld');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('inline; filename="instruments.jsonld"');
    expect((JSON.parse(response.body) as { '@context': Record<string, unknown> })['@context']).toHaveProperty('title');
    const graph = graphOf(response.body);
    const applying = graph.find((node) => node['@id'] === serviceIri(ids.permits, 1));
    expect(applying).toMatchObject({
      '@type': 'PublicService',
      title: { en: 'Applying for a permit' },
      description: { en: 'Apply online.' },
      hasCost: [`${testPublicUrl}/instruments/${ids.permits}#cost`],
    });
    const authority = graph.find((node) => node['@id'] === applying?.hasCompetentAuthority?.[0]);
    expect(authority?.['@type']).toBe('PublicOrganisation');
  });

  it('describes a service without a description of its own with the instrument’s description', async () => {
    const graph = graphOf((await new TestBrowser(fixture.context.app).get('/instruments.jsonld')).body);
    expect(graph.find((node) => node['@id'] === serviceIri(ids.permits, 2))?.description).toEqual({
      en: 'Resident "parking" permits: what the instrument does.',
    });
  });

  it('tags an instrument’s own texts with the language it is written in, and the shared vocabularies in English', async () => {
    const graph = graphOf((await new TestBrowser(fixture.context.app).get('/instruments.jsonld')).body);
    const booking = graph.find((node) => node['@id'] === serviceIri(ids.elsewhere, 1));
    expect(booking).toMatchObject({ title: { hu: 'Hajóhely foglalása' }, description: { hu: 'Foglaljon online.' } });
    const keyword = (booking as { keyword?: Record<string, string> } | undefined)?.keyword;
    expect(keyword).toEqual({ en: 'Online service' });
  });

  it('leaves out unpublished instruments, even for the staff who can see them', async () => {
    for (const browser of [new TestBrowser(fixture.context.app), await fixture.browserFor('coordinator')]) {
      const response = await browser.get('/instruments.jsonld');
      expect(response.body).not.toContain(`/instruments/${ids.draft}#`);
      expect(response.body).not.toContain('Unfinished chatbot');
    }
  });

  it('gives one programme’s instruments with ?programme=, and refuses a programme that is not an id', async () => {
    const browser = new TestBrowser(fixture.context.app);
    const other = await browser.get(`/instruments.jsonld?programme=${fixture.world.otherProgramme.id}`);
    expect(other.body).toContain(serviceIri(ids.elsewhere, 1));
    expect(other.body).not.toContain(serviceIri(ids.permits, 1));
    expect((await browser.get('/instruments.jsonld')).body).toContain(serviceIri(ids.elsewhere, 1));
    expect((await browser.get('/instruments.jsonld?programme=harbour')).statusCode).toBe(400);
  });
});

describe('GET /instruments.ttl', () => {
  it('answers Turtle that parses, with language-tagged titles and the owner as competent authority', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/instruments.ttl');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/turtle; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('inline; filename="instruments.ttl"');
    const quads = new Parser().parse(response.body);
    const about = (subject: string, predicate: string) =>
      quads.filter((quad) => quad.subject.value === subject && quad.predicate.value === predicate).map((quad) => quad.object);
    const [title] = about(serviceIri(ids.permits, 1), 'http://purl.org/dc/terms/title');
    expect(title).toMatchObject({ value: 'Applying for a permit', language: 'en' });
    const [authority] = about(serviceIri(ids.permits, 1), 'http://data.europa.eu/m8g/hasCompetentAuthority');
    expect(about(authority?.value ?? '', 'http://www.w3.org/2004/02/skos/core#prefLabel')[0]?.value).toBe(fixture.world.partnerA.name);
    expect(about(serviceIri(ids.permits, 1), 'http://purl.org/dc/terms/language').map((term) => term.value)).toEqual([
      'http://publications.europa.eu/resource/authority/language/ITA',
      'http://publications.europa.eu/resource/authority/language/ENG',
    ]);
    expect(quads.some((quad) => quad.subject.value.includes(`/instruments/${ids.draft}#`))).toBe(false);
  });
});

describe('the export in batches', () => {
  it('gives the same graph in one batch or many, with each competent authority written once', async () => {
    const { db } = fixture.context;
    const collect = async (batchSize: number) => {
      const chunks: string[] = [];
      for await (const chunk of exportCatalogue(db, 'jsonld', { publicUrl: testPublicUrl, batchSize })) chunks.push(chunk);
      return chunks;
    };
    const [whole, piecemeal] = await Promise.all([collect(500), collect(1)]);
    expect(piecemeal.length).toBeGreaterThan(whole.length);
    expect(graphOf(piecemeal.join(''))).toEqual(graphOf(whole.join('')));
    const authorities = graphOf(piecemeal.join(''))
      .filter((node) => node['@type'] === 'PublicOrganisation')
      .map((node) => node['@id']);
    expect(authorities).toHaveLength(new Set(authorities).size);
  });
});

describe('better export instruments', () => {
  it('writes the Turtle file of one programme, leaving nothing else behind', async () => {
    const output = path.join(directory, 'catalogue.ttl');
    const result = await exportInstrumentsFromCli(fixture.context.db, {
      format: 'ttl',
      publicUrl: testPublicUrl,
      programme: fixture.world.programme.slug,
      output,
    });
    expect(result).toEqual({ ok: true });
    const text = await readFile(output, 'utf8');
    expect(new Parser().parse(text).some((quad) => quad.subject.value === serviceIri(ids.permits, 2))).toBe(true);
    expect(text).not.toContain(serviceIri(ids.elsewhere, 1));
    expect(await readdir(directory)).toEqual(['catalogue.ttl']);
  });

  it('writes JSON-LD to standard output', async () => {
    const stdout = new PassThrough();
    const text: string[] = [];
    stdout.on('data', (chunk: Buffer) => text.push(chunk.toString('utf8')));
    expect(await exportInstrumentsFromCli(fixture.context.db, { format: 'jsonld', publicUrl: testPublicUrl }, stdout)).toEqual({ ok: true });
    expect(graphOf(text.join('')).some((node) => node['@id'] === serviceIri(ids.elsewhere, 1))).toBe(true);
  });

  it('names a programme that does not exist, and writes nothing', async () => {
    const output = path.join(directory, 'nothing.jsonld');
    const result = await exportInstrumentsFromCli(fixture.context.db, { format: 'jsonld', publicUrl: testPublicUrl, programme: 'no-such-programme', output });
    expect(result).toEqual({ ok: false, message: 'No programme has the short name "no-such-programme".' });
    await expect(readFile(output)).rejects.toThrow();
  });
});
