/**
 * The instrument catalogue's CPSV-AP exports pass the official CPSV-AP 3.2.0 SHACL shapes, in JSON-LD and Turtle:
 * the demo catalogue, and a catalogue of 2,000 instruments whose texts carry quotes, backslashes, line breaks,
 * emoji and accents, read across several batches.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateWith } from '../../../core/testing/standards.js';
import { seedDemo } from '../../../seed.js';
import { useTestApp } from '../../../core/testing/world.js';

const context = useTestApp();
let directory: string;
let exports = 0;

beforeAll(async () => {
  const seeded = await seedDemo(context.db);
  if (!seeded.ok) throw new Error('The demo did not load');
  directory = await mkdtemp(path.join(tmpdir(), 'better-cpsv-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function exported(format: 'jsonld' | 'ttl') {
  const response = await context.app.inject({ method: 'GET', url: `/instruments.${format}` });
  expect(response.statusCode).toBe(200);
  const file = path.join(directory, `instruments-${(exports += 1)}.${format}`);
  await writeFile(file, response.body);
  return { body: response.body, verdict: validateWith('validate-rdf.mjs', file, ['--shapes', 'cpsv-ap']) };
}

const trickyText = 'Say "hello" to C:\\Users\\office\\ — a \\"quoted\\" path;\nsecond line\twith a tab, café, Ünïcödé, Łódź, 🚀🇪🇺 and a final backslash \\';

describe('the CPSV-AP export of the demo catalogue', () => {
  it('conforms in JSON-LD and lists the published demo instruments but not the unpublished idea board', async () => {
    const { body, verdict } = await exported('jsonld');
    expect(verdict.conforms, verdict.report).toBe(true);
    const instruments = await context.db.selectFrom('instruments').select(['id', 'published']).execute();
    expect(instruments.some((instrument) => !instrument.published)).toBe(true);
    for (const { id } of instruments.filter((instrument) => instrument.published)) expect(body).toContain(`/instruments/${id}#service-1"`);
    for (const { id } of instruments.filter((instrument) => !instrument.published)) expect(body).not.toContain(`/instruments/${id}#`);
  });

  it('conforms in Turtle', async () => {
    const { verdict } = await exported('ttl');
    expect(verdict.conforms, verdict.report).toBe(true);
  });

  it('is checked for real: a service without its competent authority is refused', async () => {
    const { body } = await exported('ttl');
    const file = path.join(directory, 'broken.ttl');
    await writeFile(file, body.replace(/cv:hasCompetentAuthority <[^>]+>;?/, ''));
    const verdict = validateWith('validate-rdf.mjs', file, ['--shapes', 'cpsv-ap']);
    expect(verdict.conforms).toBe(false);
    expect(verdict.report).toMatch(/Violation: .*hasCompetentAuthority/);
  });
});

describe('the CPSV-AP export of a large catalogue', () => {
  const count = 2000;

  beforeAll(async () => {
    const owner = await context.db.selectFrom('partners').select(['id', 'programme_id']).orderBy('id').executeTakeFirstOrThrow();
    // Every tenth is unpublished; every third has a cost; channels and languages vary, so batches differ.
    await sql`
      insert into instruments (programme_id, partner_id, name, description, kind, channels, audiences, languages, is_free, cost_description, stage, stage_since, published)
      select ${owner.programme_id}, ${owner.id}, ${trickyText} || ' #' || n, ${trickyText}, 'online_service',
        case when n % 2 = 0 then array['web', 'kiosk'] else array['phone'] end, array['citizens'], case when n % 2 = 0 then array['en', 'hu', 'uk'] else array[]::text[] end,
        n % 3 <> 0, case when n % 3 = 0 then ${trickyText} else '' end, 'live', date '2026-01-01', n % 10 <> 0
      from generate_series(1, ${count}) as n`.execute(context.db);
    await sql`
      insert into instrument_services (instrument_id, position, name, description)
      select id, 1, name || ' (service)', case when id % 2 = 0 then '' else ${trickyText} end from instruments where name like 'Say %'`.execute(context.db);
  });

  it('conforms in JSON-LD, with one public service per published instrument and the texts intact', async () => {
    const { body, verdict } = await exported('jsonld');
    expect(verdict.conforms, verdict.report).toBe(true);
    const graph = (JSON.parse(body) as { '@graph': { '@type': string; title?: { en: string }; description?: { en: string } }[] })['@graph'];
    const generated = graph.filter((node) => node['@type'] === 'PublicService' && node.title?.en.startsWith('Say '));
    expect(generated).toHaveLength(count - count / 10);
    expect(generated[0]?.title?.en).toBe(`${trickyText} #1 (service)`);
    expect(generated.every((node) => node.description?.en === trickyText)).toBe(true);
  });

  it('conforms in Turtle, with the texts intact once parsed', async () => {
    const { body, verdict } = await exported('ttl');
    expect(verdict.conforms, verdict.report).toBe(true);
    const quads = new Parser().parse(body);
    const titles = quads.filter((quad) => quad.predicate.value === 'http://purl.org/dc/terms/title' && quad.object.value.startsWith('Say '));
    expect(titles).toHaveLength(count - count / 10);
    expect(titles.map((quad) => quad.object.value)).toContain(`${trickyText} #1 (service)`);
    const descriptions = quads.filter((quad) => quad.predicate.value === 'http://purl.org/dc/terms/description' && quad.object.value === trickyText);
    // Each service's own description, plus the cost's for every third instrument.
    expect(descriptions.length).toBeGreaterThan(titles.length);
  });
});
