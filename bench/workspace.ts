/**
 * My work and the public feeds at scale: the demo programme grown to 50 partners with endorsed plans (30 actions,
 * reports over 8 semesters, an open draft with comments each), 10,000 practices (a share of them submitted, in draft
 * or proposed), 2,000 events with their registrations and one event of the editor's partner today; then /me for the
 * coordinator and for an editor, and two feeds, requested one at a time and under autocannon, with bare Fastify
 * measured in the same run. Target: /me p95 under 100 ms on PostgreSQL, 200 ms on PGlite.
 *
 *   npm run bench -- --only workspace                                        # full size
 *   npm run bench -- --only workspace --practices 2000 --registrations 20000 --duration 5   # quick
 */
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/core/db/database.js';
import { migrateToLatest } from '../src/core/db/migrate.js';
import { insertGeneratedPractices } from '../src/core/testing/practice-generator.js';
import { seedDemo } from '../src/seed.js';
import { insertGeneratedParticipation } from './events.js';
import { loadPlans, type PlansBenchOptions } from './plans.js';
import { freshDatabase, latencyRow, load, loadRow, percentile, startBareFastify, signIn, startServer, type BenchDatabase } from './support.js';

export interface WorkspaceBenchOptions extends PlansBenchOptions {
  practices: number;
  events: number;
  registrations: number;
}

const coordinatorEmail = 'coordinator@better.example';
const editorEmail = 'editor.gavle@better.example';

/** Work waiting everywhere: practices in every state, open plan drafts with peers' comments, an event today. */
async function loadWork(db: Db, options: WorkspaceBenchOptions): Promise<{ programmeId: number; editorPartnerId: number }> {
  const programme = await db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
  await loadPlans(db, options);
  const partners = (await db.selectFrom('partners').select('id').where('programme_id', '=', programme.id).orderBy('id').execute()).map((row) => row.id);
  await insertGeneratedPractices(db, { programmeId: programme.id, ownerPartnerIds: partners, count: options.practices, seed: 2026 });
  await sql`
    update practices set status = case when id % 10 = 0 then 'submitted' when id % 13 = 0 then 'draft' when id % 29 = 0 then 'proposed' else status end,
      submitted_at = case when id % 10 = 0 then now() else submitted_at end
    where programme_id = ${programme.id}
  `.execute(db);
  // An open draft on every plan, with a peer's comments written after it was last saved.
  await sql`
    insert into plan_versions (plan_id, number, status, content, updated_at)
    select v.plan_id, v.number + 1, 'draft', v.content, now() - interval '1 day' from plan_versions v
    where v.status = 'endorsed' and v.number = (select max(number) from plan_versions w where w.plan_id = v.plan_id)
  `.execute(db);
  await sql`
    insert into plan_comments (plan_id, version_number, target, body, author_label)
    select v.plan_id, v.number, 'part1', 'Comment ' || g, 'Peer reviewer' from plan_versions v cross join generate_series(1, 5) g where v.status = 'draft'
  `.execute(db);
  await insertGeneratedParticipation(db, partners, options);
  const editor = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.partner_id')
    .where('users.email', '=', editorEmail)
    .executeTakeFirstOrThrow();
  const editorPartnerId = editor.partner_id as number;
  await sql`
    update events set starts_at = now() - interval '1 hour', ends_at = now() + interval '2 hours', time_zone = 'UTC'
    where id = (select min(id) from events where host_partner_id = ${editorPartnerId} and title like 'Generated event %')
  `.execute(db);
  for (const table of ['practices', 'plan_versions', 'plan_comments', 'events', 'registrations']) await sql`vacuum analyze ${sql.table(table)}`.execute(db);
  return { programmeId: programme.id, editorPartnerId };
}

/** One request at a time, with the session's cookie, so the figure is the page's own latency. */
async function timed(baseUrl: string, path: string, cookie: string, rounds: number): Promise<number[]> {
  const get = async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    await response.text();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  };
  await get();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    await get();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

export async function benchWorkspace(database: BenchDatabase, port: number, options: WorkspaceBenchOptions): Promise<boolean> {
  const fresh = await freshDatabase(database, 'workspace');
  try {
    const handle = await openDatabase({ url: fresh.url, dataDir: fresh.dataDir });
    let scope: { programmeId: number; editorPartnerId: number };
    try {
      await migrateToLatest(handle.db);
      await seedDemo(handle.db);
      const started = performance.now();
      scope = await loadWork(handle.db, options);
      console.log(
        `Loaded ${options.partners} partners' plans (${options.actions} actions × ${options.semesters} semesters, an open draft with comments each), ${options.practices} practices, ` +
          `${options.events} events with ${options.registrations} registrations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    } finally {
      await handle.close();
    }
    const server = await startServer(fresh.env, port, { demo: false });
    try {
      const coordinator = await signIn(server.baseUrl, coordinatorEmail);
      const editor = await signIn(server.baseUrl, editorEmail);
      const measures = [
        { measure: '/me, the coordinator', path: '/me', cookie: coordinator, rounds: 200 },
        { measure: '/me, an editor', path: '/me', cookie: editor, rounds: 200 },
        { measure: "the programme's practices feed (Atom)", path: `/programmes/${scope.programmeId}/feeds/practices.atom`, cookie: '', rounds: 200 },
        { measure: "a partner's events feed (RSS)", path: `/partners/${scope.editorPartnerId}/feeds/events.rss`, cookie: '', rounds: 200 },
      ];
      const rows = [];
      let meP95 = 0;
      for (const { measure, path, cookie, rounds } of measures) {
        const samples = await timed(server.baseUrl, path, cookie, rounds);
        if (path === '/me') meP95 = Math.max(meP95, percentile(samples, 0.95));
        rows.push(latencyRow(database, `${measure}, one at a time (${samples.length})`, samples));
      }
      console.table(rows);
      const bareServer = await startBareFastify(port + 1);
      const bare = await load(bareServer.baseUrl, ['/'], options).finally(() => bareServer.stop());
      const loaded = [
        { path: 'bare Fastify {"hello":"world"}', ...bare },
        { path: '/me (coordinator) under autocannon', ...(await load(server.baseUrl, ['/me'], options, { cookie: coordinator })) },
        { path: '/me (editor) under autocannon', ...(await load(server.baseUrl, ['/me'], options, { cookie: editor })) },
        { path: 'practices feed under autocannon', ...(await load(server.baseUrl, [`/programmes/${scope.programmeId}/feeds/practices.atom`], options)) },
      ];
      console.table(loaded.map((result) => loadRow(database, bare, result)));
      const target = database === 'postgres' ? 100 : 200;
      // PGlite serves one query at a time in the process, so errors under load count on PostgreSQL only (as for the plans bench).
      const met = meP95 < target && (database === 'pglite' || loaded.every((result) => result.errors === 0));
      console.log(`${database}: /me p95 ${meP95.toFixed(1)} ms (target < ${target} ms): ${met ? 'target met' : 'TARGET MISSED'}\n`);
      return met;
    } finally {
      await server.stop();
    }
  } finally {
    await fresh.drop();
  }
}
