/**
 * Loads the demo programme (`better seed --demo`, and `npm start` on a new database) in one transaction: every
 * module's demo seed, each after the modules whose records it uses (their manifests say which).
 */
import { recordAudit } from './core/audit/audit.js';
import type { Db, Tx } from './core/db/database.js';
import { installModules, seedOrder, type DemoCounts, type DemoOptions, type DemoRecords, type PlatformModule } from './core/module.js';
import { done, refuse, type Outcome } from './core/outcome.js';
import { systemActor } from './core/policy/actor.js';
import { hasAnyUser } from './modules/accounts/service.js';
import { modules } from './modules/index.js';
import { listProgrammes } from './modules/programmes/service.js';

export type DemoSummary = { programmeId: number } & DemoCounts;

/** Whether nothing has been recorded yet: no programme and no account. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [programmes, anyUser] = await Promise.all([listProgrammes(db), hasAnyUser(db)]);
  return programmes.length === 0 && !anyUser;
}

/**
 * The records of the earlier seeds as one seed may read them: only those of the modules it names in `after`, so a
 * seed that forgot to name one fails at once rather than depending on the order by chance.
 */
function recordsFor(module: PlatformModule, records: Partial<DemoRecords>, producedBy: Map<string, string>): DemoRecords {
  const named = new Set(module.seed?.after ?? []);
  return new Proxy(records, {
    get(target, key) {
      const producer = typeof key === 'string' ? producedBy.get(key) : undefined;
      if (typeof key === 'string' && (!producer || !named.has(producer)))
        throw new Error(`The demo seed of ${module.name} reads ${key} without naming its module in after`);
      return Reflect.get(target, key) as unknown;
    },
  }) as DemoRecords;
}

/** Runs the seeds of the given modules in their order; what each returns is there for the seeds after it. */
export async function runDemoSeeds(
  trx: Tx,
  seeded: readonly PlatformModule[],
  options: DemoOptions,
): Promise<{ records: Partial<DemoRecords>; counts: Partial<DemoCounts> }> {
  const records: Partial<DemoRecords> = {};
  const producedBy = new Map<string, string>();
  let counts: Partial<DemoCounts> = {};
  for (const module of seedOrder(seeded)) {
    const result = await module.seed?.run(trx, recordsFor(module, records, producedBy), options);
    Object.assign(records, result?.records);
    for (const key of Object.keys(result?.records ?? {})) producedBy.set(key, module.name);
    counts = { ...counts, ...result?.counts };
  }
  return { records, counts };
}

export async function seedDemo(db: Db, options: DemoOptions = {}): Promise<Outcome<DemoSummary, 'not_empty'>> {
  installModules(modules);
  if (!(await isDatabaseEmpty(db))) return refuse('not_empty');
  return db.transaction().execute(async (trx) => {
    const { records, counts } = await runDemoSeeds(trx, modules, options);
    if (!records.programme) throw new Error('No module seeded the demo programme');
    // Every count is declared by the module that reports it, and every module with a seed has run.
    const summary = { programmeId: records.programme.id, ...counts } as DemoSummary;
    // One entry for the whole load: the demo records are created together by the platform, not by a person.
    await recordAudit(trx, systemActor('demo seed'), {
      action: 'demo.seed',
      entityType: 'programme',
      entityId: summary.programmeId,
      programmeId: summary.programmeId,
      after: { ...summary },
    });
    return done(summary);
  });
}
