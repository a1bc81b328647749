/**
 * The instrument catalogue at 10,000 instruments (the demo plus generated ones with one to three public services
 * each): (1) the catalogue search as its page runs it, in-process over varied queries and filters; (2) /instruments?q=…
 * one request at a time and under autocannon; (3) the CPSV-AP export of the whole catalogue in JSON-LD and in Turtle,
 * in-process, timed and with the process's peak memory sampled while it streams. Targets: search p95 under 50 ms on
 * PostgreSQL and 100 ms on PGlite; each export under 30 s with under 150 MB of extra memory.
 */
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { anonymous } from '../src/core/policy/actor.js';
import { catalogueQuerySchema, exportCatalogue, instrumentKinds, searchCatalogue, stages } from '../src/modules/instruments/service.js';
import type { CpsvFormat } from '../src/modules/instruments/types.js';
import { seedDemo } from '../src/seed.js';
import { freshDatabase, load, percentile, startServer, timeRequests, type BenchDatabase, type LoadOptions } from './support.js';

export interface InstrumentsBenchOptions extends LoadOptions {
  instruments: number;
}

const subjects = [
  'parking',
  'permit',
  'payment',
  'waste',
  'school',
  'library',
  'housing',
  'tax',
  'mobility',
  'health',
  'energy',
  'tourism',
  'water',
  'culture',
  'sport',
  'childcare',
  'elderly',
  'business',
  'licence',
  'complaint',
];
const forms = ['portal', 'assistant', 'platform', 'app', 'kiosk', 'dashboard', 'register', 'notice', 'booking', 'chatbot'];
const qualities = ['smart', 'open', 'digital', 'mobile', 'shared', 'regional', 'citizen', 'green', 'secure', 'simple'];

async function loadInstruments(db: Db, count: number): Promise<void> {
  const programme = await db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
  const partners = (await db.selectFrom('partners').select('id').where('programme_id', '=', programme.id).orderBy('id').execute()).map((row) => row.id);
  const started = performance.now();
  // Names and descriptions combine words so that searches match a few, dozens or hundreds of instruments.
  await sql`
    insert into instruments (programme_id, partner_id, name, description, kind, theme_code, channels, audiences, languages, stage, stage_since, published)
    select ${programme.id}, (${partners}::int[])[1 + g % ${partners.length}],
      initcap((${qualities}::text[])[1 + g % 10]) || ' ' || (${subjects}::text[])[1 + (g / 10) % 20] || ' ' || (${forms}::text[])[1 + (g / 200) % 10] || ' ' || g,
      'A ' || (${qualities}::text[])[1 + (g / 7) % 10] || ' service for ' || (${subjects}::text[])[1 + (g / 3) % 20] || ' and ' || (${subjects}::text[])[1 + (g / 11) % 20] || ', delivered with "regional" suppliers.',
      (${instrumentKinds}::text[])[1 + g % 7], null, array['web', 'mobile_app'], array['citizens'], array['en', 'it'],
      (${stages}::text[])[1 + (g / 5) % 6], date '2022-01-01' + (g % 700), g % 10 <> 0
    from generate_series(1, ${count}::int) g
  `.execute(db);
  await sql`
    insert into instrument_services (instrument_id, position, name, description)
    select i.id, s, 'Service ' || s || ' of ' || i.name, case when s = 1 then '' else 'Second-line service.' end
    from instruments i cross join generate_series(1, 3) s
    where s <= 1 + i.id % 3 and not exists (select 1 from instrument_services x where x.instrument_id = i.id)
  `.execute(db);
  await sql`vacuum analyze instruments`.execute(db);
  await sql`vacuum analyze instrument_services`.execute(db);
  console.log(`Loaded ${count} instruments with their services in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Queries of one to three words with filters now and then, reproducible. */
function benchmarkQueries(count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, index) => {
    const words = [subjects[index % 20], index % 3 === 0 ? forms[((index / 3) % 10) | 0] : null, index % 5 === 0 ? qualities[index % 10] : null]
      .filter(Boolean)
      .join(' ');
    const query: Record<string, string> = { q: index % 7 === 6 ? (subjects[index % 20] ?? '').slice(0, 3) : words };
    if (index % 4 === 1) query.kind = instrumentKinds[index % 7] as string;
    if (index % 6 === 2) query.stage = stages[index % 6] as string;
    return query;
  });
}

interface ExportFigures {
  seconds: number;
  megabytes: number;
  peakExtraMb: number;
}

async function timeExport(db: Db, format: CpsvFormat): Promise<ExportFigures> {
  globalThis.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of exportCatalogue(db, format, { publicUrl: 'https://better.example' })) bytes += Buffer.byteLength(chunk);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, megabytes: bytes / 1024 / 1024, peakExtraMb: (peak - before) / 1024 / 1024 };
}

export async function benchInstruments(database: BenchDatabase, port: number, options: InstrumentsBenchOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'instruments');
  try {
    const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
    let searchP95 = Number.NaN;
    const exports: Record<CpsvFormat, ExportFigures> = {} as Record<CpsvFormat, ExportFigures>;
    const queries = benchmarkQueries(300);
    try {
      await migrateToLatest(handle.db);
      await seedDemo(handle.db);
      await loadInstruments(handle.db, options.instruments);
      for (const query of queries.slice(0, 20)) await searchCatalogue(handle.db, anonymous, catalogueQuerySchema.parse(query), 1);
      const samples: number[] = [];
      for (const query of queries) {
        const started = performance.now();
        await searchCatalogue(handle.db, anonymous, catalogueQuerySchema.parse(query), 1);
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      searchP95 = percentile(samples, 0.95);
      console.table([
        {
          database,
          measure: `catalogue search in-process (${samples.length} queries)`,
          'p50 ms': Number(percentile(samples, 0.5).toFixed(1)),
          'p95 ms': Number(searchP95.toFixed(1)),
          'max ms': Number((samples.at(-1) ?? 0).toFixed(1)),
        },
      ]);
      for (const format of ['jsonld', 'ttl'] as const) exports[format] = await timeExport(handle.db, format);
      console.table(
        (['jsonld', 'ttl'] as const).map((format) => ({
          database,
          export: `CPSV-AP ${format === 'jsonld' ? 'JSON-LD' : 'Turtle'} of ${options.instruments} instruments`,
          seconds: Number(exports[format].seconds.toFixed(2)),
          MB: Number(exports[format].megabytes.toFixed(1)),
          'peak extra memory MB': Number(exports[format].peakExtraMb.toFixed(0)),
        })),
      );
    } finally {
      await handle.close();
    }
    const server = await startServer(fresh.env, port, { demo: false });
    try {
      const paths = queries.map((query) => `/instruments?${new URLSearchParams(query).toString()}`);
      const pages = await timeRequests(server.baseUrl, paths.slice(0, 100), 1);
      console.table([
        {
          database,
          measure: `/instruments?q=…, one at a time (${pages.length})`,
          'p50 ms': Number(percentile(pages, 0.5).toFixed(1)),
          'p95 ms': Number(percentile(pages, 0.95).toFixed(1)),
          'max ms': Number((pages.at(-1) ?? 0).toFixed(1)),
        },
      ]);
      const loaded = await load(server.baseUrl, paths, options);
      console.table([
        {
          database,
          path: '/instruments?q=… under autocannon',
          'requests/s': Math.round(loaded.requestsPerSecond),
          'p50 ms': loaded.p50,
          'p99 ms': loaded.p99,
          errors: loaded.errors,
        },
      ]);
      const target = database === 'postgres' ? 50 : 100;
      const exportsMet = Object.values(exports).every((figures) => figures.seconds < 30 && figures.peakExtraMb < 150);
      const met = searchP95 < target && exportsMet;
      console.log(
        `${database}: catalogue search p95 ${searchP95.toFixed(1)} ms (target < ${target} ms), exports ${exportsMet ? 'within' : 'OVER'} 30 s and 150 MB: ${met ? 'target met' : 'TARGET MISSED'}\n`,
      );
      return met;
    } finally {
      await server.stop();
    }
  } finally {
    await fresh.drop();
  }
}
