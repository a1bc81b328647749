/**
 * The results dashboard at the scale of the other benchmarks: the demo grown to 50 partners with endorsed plans of 30
 * actions reported over 8 semesters (the plans bench's generator), 10,000 practices (the search bench's generator),
 * 2,000 events with 1,000,000 registrations and 10,000 instruments (the same statements as the events and instruments
 * benches), then an indicator for every formula the measures and the built-in set name (computed ones) and six
 * reported indicators with a report per partner and semester (a tenth awaiting validation, with evidence). Measured:
 * /results (the programme and each partner, cycling through semesters), one trend SVG, the CSV and a records page,
 * one request at a time, then /results under autocannon beside /healthz (bare Fastify) for its share.
 * Target: /results p95 under 100 ms on PostgreSQL, 200 ms on PGlite.
 *
 * A computed indicator whose formula no installed module offers is left out of the figures, so before the modules'
 * formulas are merged the page measures reported indicators only; the bench prints how many of each it measured.
 */
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { insertGeneratedPractices } from '../src/core/testing/practice-generator.js';
import { instrumentKinds, stages } from '../src/modules/instruments/service.js';
import { seedDemo } from '../src/seed.js';
import { insertGeneratedParticipation } from './events.js';
import { loadPlans } from './plans.js';
import {
  freshDatabase,
  latencyRow,
  loadRow,
  load,
  percentile,
  startBareFastify,
  startServer,
  timeRequests,
  type BenchDatabase,
  type LoadOptions,
} from './support.js';

export interface ResultsBenchOptions extends LoadOptions {
  partners: number;
  actions: number;
  semesters: number;
  practices: number;
  events: number;
  registrations: number;
  instruments: number;
}

/** The formulas the success measures and the built-in indicators name, each given a computed indicator. */
const computedFormulas =
  'instruments.developed maturity.improvement plans.policy_instruments_improved instruments.users_reached instruments.transactions instruments.hours_saved instruments.eur_saved plans.implementation plans.actions_completed plans.actions_in_progress events.held events.participants events.decision_makers events.people_capacity practices.identified transfers.implemented events.organisations_across_borders plans.endorsed instruments.adopted_elsewhere'.split(
    ' ',
  );
const reportedIndicators = 6;

async function loadParticipation(db: Db, partners: number[], options: ResultsBenchOptions): Promise<void> {
  await insertGeneratedParticipation(db, partners, options);
  await sql`vacuum analyze registrations`.execute(db);
  await sql`vacuum analyze participation_totals`.execute(db);
}

/** Instruments owned in turn by each partner, in its programme; nine in ten published. The scale benchmark loads them too. */
export async function insertGeneratedInstruments(db: Db, partners: number[], count: number): Promise<void> {
  await sql`
    insert into instruments (programme_id, partner_id, name, description, kind, theme_code, channels, audiences, languages, stage, stage_since, published)
    select p.programme_id, p.id, 'Generated instrument ' || g, 'A digital service delivered with regional suppliers.',
      (${instrumentKinds}::text[])[1 + g % ${instrumentKinds.length}], null, array['web'], array['citizens'], array['en'],
      (${stages}::text[])[1 + (g / 5) % ${stages.length}], date '2020-01-01' + (g % 1300), g % 10 <> 0
    from generate_series(1, ${count}::int) g join partners p on p.id = (${partners}::int[])[1 + g % ${partners.length}]
  `.execute(db);
  await sql`vacuum analyze instruments`.execute(db);
}

/** The indicators (computed for every formula named, plus reported ones) and a report per reported indicator, partner and semester. */
async function loadIndicators(db: Db, programmeId: number, partners: number[], options: ResultsBenchOptions): Promise<number[]> {
  await sql`
    insert into indicators (programme_id, code, names, definitions, kind, unit, method, formula, programme_target, position)
    select ${programmeId}, 'B-C' || f.n, jsonb_build_object('en', 'Computed: ' || f.key), jsonb_build_object('en', 'From the formula ' || f.key), 'output', 'count',
      'computed', f.key, 100 * f.n, 100 + f.n
    from unnest(${computedFormulas}::text[]) with ordinality as f(key, n)
  `.execute(db);
  await sql`
    insert into indicators (programme_id, code, names, definitions, kind, unit, method, programme_target, position)
    select ${programmeId}, 'B-R' || g, jsonb_build_object('en', 'Reported value ' || g, 'it', 'Valore dichiarato ' || g), jsonb_build_object('en', 'Reported by the partners with evidence.'),
      case when g % 2 = 0 then 'result' else 'output' end, case when g % 3 = 0 then 'eur' else 'people' end, 'reported', 5000 * g, 200 + g
    from generate_series(1, ${reportedIndicators}::int) g
  `.execute(db);
  const reported = (
    await db.selectFrom('indicators').select('id').where('programme_id', '=', programmeId).where('code', 'like', 'B-R%').orderBy('id').execute()
  ).map((row) => row.id);
  await sql`
    insert into indicator_targets (indicator_id, partner_id, target)
    select i, p, 100 + (i + p) % 50 from unnest(${reported}::int[]) i cross join unnest(${partners}::int[]) p
  `.execute(db);
  await sql`
    insert into indicator_reports (indicator_id, partner_id, semester, value, explanation, status, reported_by_label)
    select i, p, s, 1 + (i * 7 + p * 3 + s) % 40 + ((p + s) % 100) / 100.0, 'Reported for semester ' || s,
      case when (i + p + s) % 10 = 0 then 'submitted' else 'validated' end, 'Bench editor'
    from unnest(${reported}::int[]) i cross join unnest(${partners}::int[]) p cross join generate_series(1, ${options.semesters}::int) s
  `.execute(db);
  await sql`
    insert into indicator_report_evidence (report_id, position, url)
    select r.id, e, 'https://evidence.example/' || r.id || '/' || e from indicator_reports r cross join generate_series(0, 1) e
    where e <= r.id % 2 and r.indicator_id = any(${reported}::int[])
  `.execute(db);
  for (const table of ['indicators', 'indicator_targets', 'indicator_reports', 'indicator_report_evidence'])
    await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  return reported;
}

export async function benchResults(database: BenchDatabase, port: number, options: ResultsBenchOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'results');
  try {
    const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
    let partners: number[];
    let reported: number[];
    let enabledIndicators = 0;
    try {
      await migrateToLatest(handle.db);
      await seedDemo(handle.db);
      const started = performance.now();
      await loadPlans(handle.db, options);
      const programme = await handle.db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
      partners = (await handle.db.selectFrom('partners').select('id').where('programme_id', '=', programme.id).orderBy('id').execute()).map((row) => row.id);
      await insertGeneratedPractices(handle.db, { programmeId: programme.id, ownerPartnerIds: partners, count: options.practices, seed: 2026 });
      await loadParticipation(handle.db, partners, options);
      await insertGeneratedInstruments(handle.db, partners, options.instruments);
      reported = await loadIndicators(handle.db, programme.id, partners, options);
      enabledIndicators = (await handle.db.selectFrom('indicators').select('id').where('programme_id', '=', programme.id).where('enabled', '=', true).execute())
        .length;
      console.log(
        `Loaded ${partners.length} partners, ${options.actions} actions × ${options.semesters} semesters per plan, ${options.practices} practices, ${options.events} events with ${options.registrations} registrations, ` +
          `${options.instruments} instruments, ${computedFormulas.length} computed and ${reportedIndicators} reported indicators in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await handle.close();
    }
    const server = await startServer(fresh.env, port, { demo: false });
    try {
      const page = await (await fetch(`${server.baseUrl}/results`)).text();
      const shown = [...page.matchAll(/id="indicator-\d+"/g)].length;
      // A computed indicator whose formula no installed module offers is left out; every one should be there.
      console.log(`/results shows ${shown} of the ${enabledIndicators} enabled indicators`);
      const dashboards = [
        '/results',
        ...partners.slice(0, 20).map((id, index) => `/results?partner=${id}&semester=${1 + (index % options.semesters)}`),
        ...Array.from({ length: options.semesters }, (_, index) => `/results?semester=${index + 1}`),
      ];
      const indicatorId = reported[0] as number;
      const measures = [
        { measure: '/results (programme and partners, cycling semesters)', paths: dashboards, rounds: Math.ceil(300 / dashboards.length) },
        { measure: 'a trend chart (SVG)', paths: [`/results/indicators/${indicatorId}/trend.svg`], rounds: 100 },
        { measure: 'the figures CSV', paths: ['/results/indicators.csv'], rounds: 30 },
        { measure: 'a records page', paths: [`/results/indicators/${indicatorId}/records`], rounds: 100 },
      ];
      const rows = [];
      let dashboardP95 = Number.NaN;
      for (const { measure, paths, rounds } of measures) {
        const samples = await timeRequests(server.baseUrl, paths, rounds);
        if (measure.startsWith('/results ')) dashboardP95 = percentile(samples, 0.95);
        rows.push(latencyRow(database, `${measure}, one at a time (${samples.length})`, samples));
      }
      console.table(rows);
      const bareServer = await startBareFastify(port + 1);
      const bare = await load(bareServer.baseUrl, ['/'], options).finally(() => bareServer.stop());
      const health = await load(server.baseUrl, ['/healthz'], options);
      const loaded = await load(server.baseUrl, dashboards, options);
      console.table(
        [
          { path: 'bare Fastify {"hello":"world"}', ...bare },
          { path: '/healthz', ...health },
          { path: '/results under autocannon', ...loaded },
        ].map((result) => loadRow(database, bare, result)),
      );
      const target = database === 'postgres' ? 100 : 200;
      // As for the plans bench: PGlite serves one query at a time in the process, so errors under load count on PostgreSQL only.
      const met = dashboardP95 < target && (database === 'pglite' || loaded.errors === 0);
      console.log(
        `${database}: /results p95 ${dashboardP95.toFixed(1)} ms (target < ${target} ms), ${((loaded.requestsPerSecond / bare.requestsPerSecond) * 100).toFixed(1)}% of bare Fastify's requests/s: ${met ? 'target met' : 'TARGET MISSED'}\n`,
      );
      return met;
    } finally {
      await server.stop();
    }
  } finally {
    await fresh.drop();
  }
}
