/**
 * Participation statistics at scale: 2,000 events and 1,000,000 registrations (most attended, half with feedback)
 * loaded on top of the demo through the same tables and triggers as every write, then the statistics page requested
 * one at a time (for the programme and for each partner) to measure its latency, and under autocannon. Also the
 * host's summaries of one event (its mix and its feedback with the practices named), for 100 events in turn.
 * Target: p95 under 100 ms on PostgreSQL and under 200 ms on PGlite.
 */
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { feedbackSummaryOf, participationMixOf } from '../src/modules/events/service.js';
import { seedDemo } from '../src/seed.js';
import { freshDatabase, load, percentile, startServer, timeRequests, type BenchDatabase, type LoadOptions } from './support.js';

export interface EventsBenchOptions extends LoadOptions {
  events: number;
  registrations: number;
}

const types = ['thematic_event', 'study_visit', 'import_workshop', 'regional_event', 'steering_meeting', 'other'];
const helixes = ['public_authority', 'business', 'research_education', 'civil_society'];
const roles = ['decision_maker', 'civil_servant', 'managing_authority', 'business', 'researcher', 'citizen', 'other'];

/**
 * Generated events spread over the programme's four years (or the days given from the day given), hosted in turn by
 * each partner in its programme, and their registrations (most attended, half of those with feedback), through the
 * same tables and triggers as every write. The results and scale benchmarks load the same participation.
 */
export async function insertGeneratedParticipation(
  db: Db,
  partners: number[],
  options: { events: number; registrations: number; firstDay?: string; days?: number },
): Promise<void> {
  const firstDay = options.firstDay ?? '2019-09-01';
  await sql`
    insert into events (programme_id, host_partner_id, type, title, format, time_zone, starts_at, ends_at, feedback_invited_at)
    select p.programme_id, p.id, (${types}::text[])[1 + g % ${types.length}], 'Generated event ' || g, 'online', 'Europe/Rome',
      ${firstDay}::timestamptz + interval '9 hours' + (g % ${options.days ?? 1400}) * interval '1 day',
      ${firstDay}::timestamptz + interval '12 hours' + (g % ${options.days ?? 1400}) * interval '1 day', now()
    from generate_series(1, ${options.events}::int) g join partners p on p.id = (${partners}::int[])[1 + g % ${partners.length}]
  `.execute(db);
  const first = (
    await db
      .selectFrom('events')
      .select((eb) => eb.fn.min<number>('id').as('id'))
      .where('title', 'like', 'Generated event %')
      .executeTakeFirstOrThrow()
  ).id;
  const chunk = 100_000;
  for (let start = 0; start < options.registrations; start += chunk) {
    const end = Math.min(options.registrations, start + chunk);
    // One statement per chunk: the statement triggers fold each chunk into the summary at once. Everyone counts as
    // reminded already: otherwise the server's worker would email the next days' thousands during the measurement.
    await sql`
      insert into registrations (event_id, status, name, email, helix, role, partner_id, locale, consent_at, token_hash, attended_at, reminded_at)
      select ${first} + g % ${options.events}, case when g % 20 = 0 then 'waiting' else 'registered' end, 'Person ' || g, 'person' || g || '@example.org',
        (${helixes}::text[])[1 + (g / 7) % 4], (${roles}::text[])[1 + (g / 3) % 7], case when g % 11 = 0 then null else (${partners}::int[])[1 + (g / 5) % ${partners.length}] end,
        'en', now(), 'bench-' || g, case when g % 20 <> 0 and g % 6 <> 0 then now() end, now()
      from generate_series(${start + 1}::int, ${end}::int) g
    `.execute(db);
    await sql`
      insert into feedback (registration_id, satisfaction, usefulness, capacity_increased)
      select r.id, 1 + r.id % 5, 1 + (r.id / 3) % 5, r.id % 3 <> 0
      from registrations r where r.token_hash like 'bench-%' and r.attended_at is not null and r.id % 2 = 0
        and r.id > (select coalesce(max(registration_id), 0) from feedback)
    `.execute(db);
  }
}

async function loadParticipation(
  fresh: { url: string | undefined; dataDir: string | undefined },
  options: EventsBenchOptions,
): Promise<{ partners: number[]; hostSummaries: number[] }> {
  const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db);
    const programme = await handle.db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
    const partners = (await handle.db.selectFrom('partners').select('id').where('programme_id', '=', programme.id).orderBy('id').execute()).map(
      (row) => row.id,
    );
    const started = performance.now();
    await insertGeneratedParticipation(handle.db, partners, options);
    // A quarter of the generated answers name one practice of the demo library, a sixth another.
    const [likedMost, likedLess] = (
      await handle.db.selectFrom('practices').select('id').where('status', '=', 'published').orderBy('id').limit(2).execute()
    ).map((row) => row.id);
    await sql`
      with generated as (select f.registration_id as id from feedback f join registrations r on r.id = f.registration_id where r.token_hash like 'bench-%')
      insert into feedback_practices (registration_id, practice_id)
      select id, ${likedMost}::int from generated where id % 4 = 0
      union all select id, ${likedLess}::int from generated where id % 6 = 0
    `.execute(handle.db);
    await sql`vacuum analyze feedback_practices`.execute(handle.db);
    await sql`vacuum analyze registrations`.execute(handle.db);
    await sql`vacuum analyze participation_totals`.execute(handle.db);
    const totals = await handle.db
      .selectFrom('participation_totals')
      .select((eb) => eb.fn.countAll<number>().as('rows'))
      .executeTakeFirstOrThrow();
    console.log(
      `Loaded ${options.events} events and ${options.registrations} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s; the summary holds ${totals.rows} rows`,
    );
    // In-process, before the server opens the database (PGlite takes one process at a time).
    const hostSummaries: number[] = [];
    for (const event of await handle.db.selectFrom('events').select('id').where('title', 'like', 'Generated event %').orderBy('id').limit(100).execute()) {
      const begun = performance.now();
      await Promise.all([participationMixOf(handle.db, event.id), feedbackSummaryOf(handle.db, event.id)]);
      hostSummaries.push(performance.now() - begun);
    }
    return { partners, hostSummaries: hostSummaries.sort((a, b) => a - b) };
  } finally {
    await handle.close();
  }
}

export async function benchEvents(database: BenchDatabase, port: number, options: EventsBenchOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'events');
  try {
    const { partners, hostSummaries } = await loadParticipation(fresh, options);
    const server = await startServer(fresh.env, port, { demo: false });
    try {
      const paths = ['/events/statistics', ...partners.map((id) => `/events/statistics?partner=${id}`)];
      const samples = await timeRequests(server.baseUrl, paths, Math.ceil(300 / paths.length));
      const charts = await timeRequests(server.baseUrl, ['/events/statistics/roles.svg', '/events/statistics/events-held.svg'], 50);
      const loaded = await load(server.baseUrl, paths, options);
      const p95 = percentile(samples, 0.95);
      console.table([
        {
          database,
          measure: `/events/statistics, one at a time (${samples.length} requests)`,
          'p50 ms': Number(percentile(samples, 0.5).toFixed(1)),
          'p95 ms': Number(p95.toFixed(1)),
          'max ms': Number((samples.at(-1) ?? 0).toFixed(1)),
        },
        {
          database,
          measure: `a chart (SVG), one at a time (${charts.length} requests)`,
          'p50 ms': Number(percentile(charts, 0.5).toFixed(1)),
          'p95 ms': Number(percentile(charts, 0.95).toFixed(1)),
          'max ms': Number((charts.at(-1) ?? 0).toFixed(1)),
        },
        {
          database,
          measure: `an event's mix and feedback for its host, in-process (${hostSummaries.length} events of ~${Math.round(options.registrations / options.events)})`,
          'p50 ms': Number(percentile(hostSummaries, 0.5).toFixed(1)),
          'p95 ms': Number(percentile(hostSummaries, 0.95).toFixed(1)),
          'max ms': Number((hostSummaries.at(-1) ?? 0).toFixed(1)),
        },
      ]);
      console.table([
        {
          database,
          path: '/events/statistics under autocannon',
          'requests/s': Math.round(loaded.requestsPerSecond),
          'p50 ms': loaded.p50,
          'p99 ms': loaded.p99,
          errors: loaded.errors,
        },
      ]);
      const target = database === 'postgres' ? 100 : 200;
      const met = p95 < target && loaded.errors === 0;
      console.log(
        `${database}: statistics page p95 ${p95.toFixed(1)} ms at ${options.registrations} registrations (target < ${target} ms): ${met ? 'target met' : 'TARGET MISSED'}\n`,
      );
      return met;
    } finally {
      await server.stop();
    }
  } finally {
    await fresh.drop();
  }
}
