/**
 * npm run bench — each capability's benchmark against a real server on loopback, on the embedded PGlite database
 * and, when DATABASE_URL is set, on PostgreSQL too. Prints the figures and whether each target was met.
 *
 *   npm run bench                                    # everything, PGlite (and PostgreSQL if DATABASE_URL is set)
 *   npm run bench -- --only search --database postgres --practices 10000 --events 2000 --plans 1500 --instruments 10000   # 10 connections unless --connections
 *   npm run bench -- --only events --events 2000 --registrations 1000000
 *   npm run bench -- --only plans --partners 50 --actions 30 --semesters 8
 *   npm run bench -- --only instruments --instruments 10000
 *   npm run bench -- --only results --registrations 10000     # the results dashboard over every module's data
 *   npm run bench -- --only uploads --uploads 3
 *   npm run bench -- --only workspace --practices 10000 --events 2000 --registrations 100000   # /me and the feeds
 *   npm run bench -- --only backup --registrations 1000000 --files 100
 *   npm run bench -- --only scale --database postgres --scale 1   # every public page over a whole Interreg generation (0.1: a tenth of it)
 *   npm run bench -- --duration 5 --connections 20
 *   npm run bench -- --only soak --minutes 10 --warmup 2 --people 20     # PostgreSQL when DATABASE_URL is set
 *   npm run bench -- --only start --restarts 3       # seconds to /readyz: first start with the demo, then restarts (PGlite)
 *   npm run bench -- --port 4700                     # first port of the servers started (two per run: the platform and bare Fastify)
 */
import { parseArgs } from 'node:util';
import { installModules } from '../src/core/module.js';
import { modules } from '../src/modules/index.js';
import { benchBackup } from './backup.js';
import { benchEvents } from './events.js';
import { benchInstruments } from './instruments.js';
import { benchPages } from './pages.js';
import { benchPlans } from './plans.js';
import { benchResults } from './results.js';
import { benchScale, interregScale } from './scale.js';
import { benchSearch } from './search.js';
import { benchSoak } from './soak.js';
import { benchStart } from './start.js';
import { benchUploads } from './uploads.js';
import { benchWorkspace } from './workspace.js';
import type { BenchDatabase } from './support.js';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string' },
    database: { type: 'string' },
    only: { type: 'string' },
    practices: { type: 'string', default: '10000' },
    events: { type: 'string', default: '2000' },
    registrations: { type: 'string', default: '1000000' },
    partners: { type: 'string', default: '50' },
    plans: { type: 'string', default: '1500' },
    actions: { type: 'string', default: '30' },
    semesters: { type: 'string', default: '8' },
    instruments: { type: 'string', default: '10000' },
    minutes: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    people: { type: 'string', default: '20' },
    uploads: { type: 'string', default: '3' },
    port: { type: 'string', default: '3900' },
    files: { type: 'string', default: '100' },
    restarts: { type: 'string', default: '3' },
    scale: { type: 'string', default: '1' },
  },
});
installModules(modules);
const load = { duration: Number(options.duration), connections: Number(options.connections ?? 50) };
/** Issue #15 sets the search's speed at 10 connections. */
const searchLoad = { ...load, connections: Number(options.connections ?? 10) };
const benchmarks = {
  pages: (database: BenchDatabase, port: number) => benchPages(database, port, load),
  search: (database: BenchDatabase, port: number) =>
    benchSearch(database, port, {
      ...searchLoad,
      practices: Number(options.practices),
      events: Number(options.events),
      plans: Number(options.plans),
      instruments: Number(options.instruments),
    }),
  events: (database: BenchDatabase, port: number) =>
    benchEvents(database, port, { ...load, events: Number(options.events), registrations: Number(options.registrations) }),
  plans: (database: BenchDatabase, port: number) =>
    benchPlans(database, port, { ...load, partners: Number(options.partners), actions: Number(options.actions), semesters: Number(options.semesters) }),
  instruments: (database: BenchDatabase, port: number) => benchInstruments(database, port, { ...load, instruments: Number(options.instruments) }),
  results: (database: BenchDatabase, port: number) =>
    benchResults(database, port, {
      ...load,
      partners: Number(options.partners),
      actions: Number(options.actions),
      semesters: Number(options.semesters),
      practices: Number(options.practices),
      events: Number(options.events),
      registrations: Number(options.registrations),
      instruments: Number(options.instruments),
    }),
  soak: (database: BenchDatabase, port: number) =>
    benchSoak(database, port, { minutes: Number(options.minutes), warmupMinutes: Number(options.warmup), connections: Number(options.people) }),
  uploads: (database: BenchDatabase, port: number) => benchUploads(database, port, { rounds: Number(options.uploads) }),
  workspace: (database: BenchDatabase, port: number) =>
    benchWorkspace(database, port, {
      ...load,
      partners: Number(options.partners),
      actions: Number(options.actions),
      semesters: Number(options.semesters),
      practices: Number(options.practices),
      events: Number(options.events),
      registrations: Number(options.registrations),
    }),
  scale: (database: BenchDatabase, port: number) => benchScale(database, port, interregScale(Number(options.scale))),
  backup: (database: BenchDatabase, port: number) =>
    benchBackup(database, port, { registrations: Number(options.registrations), files: Number(options.files) }),
  start: (database: BenchDatabase, port: number) => benchStart(database, port, { restarts: Number(options.restarts) }),
};
type Benchmark = keyof typeof benchmarks;

const selected = (options.only ? options.only.split(',') : Object.keys(benchmarks)) as Benchmark[];
const unknown = selected.filter((name) => !(name in benchmarks));
if (unknown.length) throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(benchmarks).join(', ')}`);
const databases: BenchDatabase[] = options.database ? [options.database as BenchDatabase] : process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
/** The soak is about a production node's memory: it runs on PostgreSQL when there is one, unless --database says otherwise. */
const databasesOf = (name: Benchmark): BenchDatabase[] => (name === 'soak' && !options.database && process.env.DATABASE_URL ? ['postgres'] : databases);

console.log(
  `BETTER benchmarks (${selected.join(', ')}): ${load.duration} s per URL, ${options.connections ?? '50 (search: 10)'} connections, Node ${process.version}\n`,
);
let failed = false;
let port = Number(options.port);
for (const name of selected) {
  for (const database of databasesOf(name)) {
    console.log(`— ${name} on ${database}`);
    failed = !(await benchmarks[name](database, port)) || failed;
    port += 2;
  }
}
process.exitCode = failed ? 1 : 0;
