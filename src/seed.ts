/** Loads the demo programme (`better seed --demo`, and `npm start` on a new database) in one transaction. */
import { recordAudit } from './core/audit/audit.js';
import type { Db } from './core/db/database.js';
import { done, refuse, type Outcome } from './core/outcome.js';
import { systemActor } from './core/policy/actor.js';
import { seedDemoAccounts } from './modules/accounts/seed.js';
import { seedDemoEvents } from './modules/events/seed.js';
import { seedDemoInstruments } from './modules/instruments/seed.js';
import { hasAnyUser } from './modules/accounts/service.js';
import { seedDemoPartners } from './modules/partners/seed.js';
import { seedDemoPlans } from './modules/plans/seed.js';
import { seedDemoPractices } from './modules/practices/seed.js';
import { seedDemoProgramme } from './modules/programmes/seed.js';
import { listProgrammes } from './modules/programmes/service.js';

export interface DemoSummary {
  programmeId: number;
  partners: number;
  organisations: number;
  accounts: number;
  practices: number;
  transfers: number;
  events: number;
  registrations: number;
  plans: number;
  instruments: number;
}

/** Whether nothing has been recorded yet: no programme and no account. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [programmes, anyUser] = await Promise.all([listProgrammes(db), hasAnyUser(db)]);
  return programmes.length === 0 && !anyUser;
}

export async function seedDemo(db: Db, options: { passwordHash?: string } = {}): Promise<Outcome<DemoSummary, 'not_empty'>> {
  if (!(await isDatabaseEmpty(db))) return refuse('not_empty');
  return db.transaction().execute(async (trx) => {
    const programme = await seedDemoProgramme(trx);
    const partners = await seedDemoPartners(trx, programme.id);
    const accounts = await seedDemoAccounts(trx, programme.id, partners, options.passwordHash);
    const { practiceIds, transferIds, ...library } = await seedDemoPractices(trx, programme.id, partners, accounts.get('stakeholder') ?? null);
    const { eventIds, ...events } = await seedDemoEvents(trx, programme.id, partners, practiceIds);
    const plans = await seedDemoPlans(trx, programme.id, partners, { practiceIds, transferIds, eventIds, coordinatorId: accounts.get('coordinator') ?? null });
    const instruments = await seedDemoInstruments(trx, programme.id, partners, { practiceIds, eventIds });
    const summary: DemoSummary = {
      programmeId: programme.id,
      partners: Object.keys(partners.partnerIds).length,
      organisations: Object.keys(partners.organisationIds).length,
      accounts: accounts.size,
      ...library,
      ...events,
      plans,
      instruments,
    };
    // One entry for the whole load: the demo records are created together by the platform, not by a person.
    await recordAudit(trx, systemActor('demo seed'), { action: 'demo.seed', entityType: 'programme', entityId: programme.id, programmeId: programme.id, after: { ...summary } });
    return done(summary);
  });
}
