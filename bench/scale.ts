/**
 * Programme scale: an installation holding a whole Interreg Europe 2014–2020 generation — 260 programmes, 2,000
 * partners (about 8 each), 5,800 published practices, 16,000 events (past and future) with 400,000 registrations,
 * 1,700 endorsed action plans and 1,300 instruments — loaded on top of the demo, then every public page requested one
 * at a time by a visitor who is not signed in, over many different programmes, partners, practices, events, plans and
 * instruments so each request is a real render. The server runs with PAGE_CACHE=false: renders are measured, not a
 * cache. Target (issue #13): every public page's p95 under 50 ms on PostgreSQL; PGlite is reported for information.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Db } from '../src/core/db/database.js';
import { socketDirectory, socketUrl } from '../src/core/db/embedded-socket.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { generatorVocabulary, insertGeneratedPractices } from '../src/core/testing/practice-generator.js';
import { seedDemo } from '../src/seed.js';
import { insertGeneratedParticipation } from './events.js';
import { insertGeneratedPlans } from './plans.js';
import { insertGeneratedInstruments } from './results.js';
import { freshDatabase, latencyRow, percentile, startServer, timeRequests, type BenchDatabase, type FreshDatabase } from './support.js';

export interface ScaleBenchOptions {
  programmes: number;
  partners: number;
  practices: number;
  events: number;
  registrations: number;
  plans: number;
  instruments: number;
  /** How many different ids (or queries) each page is requested with. */
  samples: number;
  /** How many times each page's addresses are requested in turn. */
  rounds: number;
}

/** The Interreg Europe 2014–2020 generation times the factor given (1: all of it), each page over 50 records twice. */
export function interregScale(factor: number): ScaleBenchOptions {
  const times = (count: number) => Math.max(1, Math.round(count * factor));
  return {
    programmes: times(260),
    partners: times(2_000),
    practices: times(5_800),
    events: times(16_000),
    registrations: times(400_000),
    plans: times(1_700),
    instruments: times(1_300),
    samples: 50,
    rounds: 2,
  };
}

const countries = ['IT', 'EE', 'HU', 'SE', 'PT', 'BE', 'FR', 'PL', 'DK', 'ES', 'DE', 'NL', 'AT', 'SI', 'GR', 'RO', 'FI', 'IE', 'LT', 'CZ'];
const target = 50;

/** Programmes (with four phases each) and their partners, about eight a programme, the first of each its lead partner. */
async function insertProgrammesAndPartners(db: Db, options: ScaleData): Promise<void> {
  const existing = await db
    .selectFrom('programmes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  await sql`
    insert into programmes (slug, acronym, title, summary, starts_on, ends_on)
    select 'generated-' || g, 'GEN' || g, 'Generated interregional cooperation project ' || g,
      'Regions sharing how public authorities deliver services digitally, project ' || g || '.',
      date '2016-04-01' + (g % 4) * interval '6 months', date '2020-03-31' + (g % 4) * interval '6 months' + interval '3 years'
    from generate_series(1, ${Math.max(0, options.programmes - Number(existing.count))}::int) g
  `.execute(db);
  await sql`
    insert into programme_phases (programme_id, number, name, description, starts_on, ends_on)
    select p.id, n, 'Phase ' || n, 'Phase ' || n || ' of the project.', p.starts_on + (n - 1) * interval '1 year', p.starts_on + n * interval '1 year' - interval '1 day'
    from programmes p cross join generate_series(1, 4) n where p.slug like 'generated-%'
  `.execute(db);
  const partnersNow = await db
    .selectFrom('partners')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  // Partner g joins generated programme g mod n: the first round are the lead partners.
  await sql`
    with generated as (select id, row_number() over (order by id) - 1 as n, count(*) over () as total from programmes where slug like 'generated-%')
    insert into partners (programme_id, name, short_name, country_code, nuts_code, nuts_name, role)
    select p.id, 'Generated region ' || g, 'Region ' || g, (${countries}::text[])[1 + g % ${countries.length}], (${countries}::text[])[1 + g % ${countries.length}] || '0' || (g % 10),
      'Region ' || g, case when g < p.total then 'lead_partner' else 'partner' end
    from generate_series(0, ${Math.max(0, options.partners - Number(partnersNow.count) - 1)}::int) g join generated p on p.n = g % p.total
  `.execute(db);
}

/** What loadScale generates: every count of ScaleBenchOptions, without how pages are then requested. */
export type ScaleData = Omit<ScaleBenchOptions, 'samples' | 'rounds'>;

/** The generated installation on top of the demo (migrated and seeded first), with fresh planner statistics. */
export async function loadScale(db: Db, options: ScaleData): Promise<void> {
  await insertProgrammesAndPartners(db, options);
  const partners = await db.selectFrom('partners').select(['id', 'programme_id']).orderBy('id').execute();
  const partnerIds = partners.map((row) => row.id);
  const first = await db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
  await insertGeneratedPractices(db, {
    programmeId: first.id,
    ownerPartnerIds: partnerIds,
    programmeOf: new Map(partners.map((row) => [row.id, row.programme_id])),
    count: options.practices,
    seed: 2014,
  });
  // Eleven years of events from 2016, so about a sixth are still to come.
  await insertGeneratedParticipation(db, partnerIds, { events: options.events, registrations: options.registrations, firstDay: '2016-03-01', days: 4000 });
  const withoutPlan = await db
    .selectFrom('partners')
    .select('id')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('plans').select('plans.id').whereRef('plans.partner_id', '=', 'partners.id'))))
    .orderBy('id')
    .execute();
  const planned = await db
    .selectFrom('plans')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const newPlans = withoutPlan.slice(0, Math.max(0, options.plans - Number(planned.count))).map((row) => row.id);
  await insertGeneratedPlans(db, newPlans, { actions: 6, semesters: 6 });
  await insertGeneratedInstruments(db, partnerIds, options.instruments);
  await sql`vacuum analyze`.execute(db);
}

/** `count` ids spread evenly over the rows the query answers, so pages are rendered for many different records. */
function spread<T>(rows: T[], count: number): T[] {
  if (rows.length <= count) return rows;
  return Array.from({ length: count }, (_, index) => rows[Math.floor((index * rows.length) / count)] as T);
}

async function pagesOf(db: Db, samples: number): Promise<{ page: string; paths: string[] }[]> {
  const ids = async (rows: Promise<{ id: number }[]>) =>
    spread(
      (await rows).map((row) => row.id),
      samples,
    );
  const programmes = await ids(db.selectFrom('programmes').select('id').orderBy('id').execute());
  const partners = await ids(db.selectFrom('partners').select('id').orderBy('id').execute());
  const practices = await ids(db.selectFrom('practices').select('id').where('status', '=', 'published').orderBy('id').execute());
  const events = await ids(db.selectFrom('events').select('id').orderBy('id').execute());
  const plans = await ids(
    db
      .selectFrom('plans')
      .select('id')
      .where((eb) =>
        eb.exists(
          eb.selectFrom('plan_versions').select('plan_versions.id').whereRef('plan_versions.plan_id', '=', 'plans.id').where('status', '=', 'endorsed'),
        ),
      )
      .orderBy('id')
      .execute(),
  );
  const instruments = await ids(db.selectFrom('instruments').select('id').where('published', '=', true).orderBy('id').execute());
  const { services, approaches } = generatorVocabulary;
  const queries = Array.from({ length: samples }, (_, index) =>
    encodeURIComponent(
      index % 2 ? (services[index % services.length] as string) : `${approaches[index % approaches.length]} ${services[(index * 7) % services.length]}`,
    ),
  );
  return [
    { page: '/', paths: ['/'] },
    { page: '/programmes', paths: ['/programmes'] },
    { page: 'a programme', paths: programmes.map((id) => `/programmes/${id}`) },
    { page: '/partners', paths: ['/partners'] },
    { page: 'a partner', paths: partners.map((id) => `/partners/${id}`) },
    { page: '/practices', paths: ['/practices'] },
    { page: '/practices?q=…', paths: queries.map((q) => `/practices?q=${q}`) },
    { page: 'a practice', paths: practices.map((id) => `/practices/${id}`) },
    { page: '/events', paths: ['/events'] },
    { page: 'an event', paths: events.map((id) => `/events/${id}`) },
    { page: '/plans', paths: ['/plans'] },
    { page: 'a plan', paths: plans.map((id) => `/plans/${id}`) },
    { page: '/plans/overview', paths: ['/plans/overview'] },
    { page: '/instruments', paths: ['/instruments'] },
    { page: 'an instrument', paths: instruments.map((id) => `/instruments/${id}`) },
    { page: '/results', paths: ['/results'] },
  ];
}

/**
 * Waits until the data version has held still for 8 seconds: the generated plans' reminders all fall due at the
 * server's start, and its worker sends them (about 1,700 transactions, 20–60 s), raising the version each time. Pages
 * are measured after that one-off backlog, as a running installation serves them, not while every write empties the
 * figures and facet counts kept per version. On PGlite the running server holds the data folder, so the version is
 * read through the folder's socket, as `better` commands beside a server read it.
 */
export async function untilWorkerIdle(database: FreshDatabase, quietSeconds = 8, mostSeconds = 180): Promise<number> {
  // Longer than the worker's pause between rounds (WORKER_POLL_SECONDS, 5 s), which also comes before its first.
  const client = new pg.Client({ connectionString: database.url ?? socketUrl(socketDirectory(database.dataDir as string)) });
  await client.connect();
  try {
    const started = performance.now();
    let last = '';
    let stillSince = performance.now();
    while (performance.now() - started < mostSeconds * 1000) {
      const { rows } = await client.query<{ version: string }>('select version from data_version');
      const version = String(rows[0]?.version);
      if (version !== last) [last, stillSince] = [version, performance.now()];
      else if (performance.now() - stillSince >= quietSeconds * 1000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

export async function benchScale(database: BenchDatabase, port: number, options: ScaleBenchOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'scale');
  try {
    const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
    let pages: { page: string; paths: string[] }[];
    try {
      await migrateToLatest(handle.db);
      await seedDemo(handle.db);
      const started = performance.now();
      await loadScale(handle.db, options);
      const counts = await sql<Record<string, string>>`
        select (select count(*) from programmes) as programmes, (select count(*) from partners) as partners, (select count(*) from practices) as practices,
          (select count(*) from events) as events, (select count(*) from registrations) as registrations, (select count(*) from plans) as plans,
          (select count(*) from instruments) as instruments
      `.execute(handle.db);
      const loaded = Object.entries(counts.rows[0] ?? {})
        .map(([table, count]) => `${count} ${table}`)
        .join(', ');
      console.log(`Loaded ${loaded} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      pages = await pagesOf(handle.db, options.samples);
    } finally {
      await handle.close();
    }
    const server = await startServer({ ...fresh.env, PAGE_CACHE: 'false' }, port, { demo: false });
    console.log(`The worker's start-up backlog (reminders due) sent in ${(await untilWorkerIdle(fresh)).toFixed(1)} s; measuring`);
    const rows = [];
    const missed: string[] = [];
    try {
      for (const { page, paths } of pages) {
        // A listing has one address: it is requested as many times as a record page's addresses in all.
        const samples = await timeRequests(server.baseUrl, paths, Math.max(options.rounds, Math.ceil((options.samples * options.rounds) / paths.length / 2)));
        const p95 = percentile(samples, 0.95);
        if (p95 >= target) missed.push(page);
        rows.push({
          ...latencyRow(database, `${page} (${paths.length} addresses, ${samples.length} requests)`, samples),
          target: p95 < target ? 'met' : 'MISSED',
        });
      }
    } finally {
      await server.stop();
    }
    console.table(rows);
    const met = database === 'pglite' || missed.length === 0;
    console.log(
      missed.length
        ? `${database}: p95 of ${target} ms missed for ${missed.join(', ')}${database === 'pglite' ? ' (for information only on PGlite)' : ''}\n`
        : `${database}: every public page's p95 under ${target} ms\n`,
    );
    return met;
  } finally {
    await fresh.drop();
  }
}
