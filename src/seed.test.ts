/** The demo programme: the real BETTER partnership, loaded only into an empty database. */
import { describe, expect, it } from 'vitest';
import { anonymous } from './core/policy/actor.js';
import { demoAccounts } from './modules/accounts/service.js';
import { feedbackSummaryOf } from './modules/events/service.js';
import { listPartners } from './modules/partners/service.js';
import { countStakeholdersByHelix } from './modules/partners/service.js';
import { listPhases, listProgrammes } from './modules/programmes/service.js';
import type { PlatformModule } from './core/module.js';
import { runDemoSeeds, seedDemo } from './seed.js';
import { useTestDatabase } from './core/testing/world.js';

const database = useTestDatabase();

describe('the demo', () => {
  it('loads BETTER (August 2019 to July 2023), its two phases, five partners and every helix type', async () => {
    const outcome = await seedDemo(database.db);
    expect(outcome).toMatchObject({ ok: true, value: { partners: 5, accounts: demoAccounts.length, follows: 2 } });
    const [programme] = await listProgrammes(database.db);
    expect(programme).toMatchObject({ acronym: 'BETTER', startsOn: '2019-08-01', endsOn: '2023-07-31' });
    const phases = await listPhases(database.db, programme?.id ?? 0);
    expect(phases.map((phase) => [phase.name, phase.endsOn])).toEqual([
      ['Interregional learning', '2022-07-31'],
      ['Implementation monitoring', '2023-07-31'],
    ]);
    const partners = await listPartners(database.db, anonymous, programme?.id ?? 0);
    expect(partners.map((partner) => [partner.shortName, partner.countryCode, partner.nutsCode, partner.role])).toEqual([
      ['Genoa', 'IT', 'ITC3', 'lead_partner'],
      ['Birmingham', 'GB', 'UKG3', 'partner'],
      ['Gävle', 'SE', 'SE31', 'partner'],
      ['Nyíregyháza', 'HU', 'HU32', 'partner'],
      ['Tartu', 'EE', 'EE00', 'partner'],
    ]);
    expect(partners.every((partner) => partner.organisationCount >= 4)).toBe(true);
    const helix = await countStakeholdersByHelix(database.db, programme?.id ?? 0);
    expect(Object.values(helix).every((count) => count >= 4)).toBe(true);
  });

  it('gives the past events feedback naming the practices presented, which the host sees summed up', async () => {
    const event = await database.db
      .selectFrom('events')
      .select('id')
      .where('title', '=', 'Study visit: the internal innovation group in Gävle')
      .executeTakeFirstOrThrow();
    const summary = await feedbackSummaryOf(database.db, event.id);
    expect(summary.responses).toBeGreaterThan(0);
    expect(summary.practicesOfInterest.map((practice) => practice.title)).toEqual(['Internal innovation group']);
    expect(summary.practicesOfInterest[0]?.people).toBeGreaterThan(0);
    expect(summary.practicesOfInterest[0]?.people).toBeLessThanOrEqual(summary.responses);
  });

  it('tells the demo accounts of steps the demo records went through, some read and some not, with follows and a digest choice', async () => {
    const rows = await database.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['users.email', 'notifications.kind', 'notifications.read_at', 'notifications.delivery'])
      .orderBy('notifications.id')
      .execute();
    const unread = (email: string) => rows.filter((row) => row.email === email && row.read_at === null).map((row) => row.kind);
    expect(unread('editor.tartu@better.example')).toEqual(['practices.transfer_stage', 'practices.proposed']);
    expect(unread('coordinator@better.example')).toEqual(['practices.submitted']);
    expect(rows.filter((row) => row.email === 'coordinator@better.example' && row.kind === 'plans.endorsed')).toHaveLength(5);
    expect(rows.filter((row) => row.email === 'editor.gavle@better.example' && row.read_at !== null).length).toBeGreaterThanOrEqual(2);
    // The stakeholder proposed: nobody is told of their own step.
    expect(rows.filter((row) => row.email === 'stakeholder@better.example')).toEqual([]);
    // Past steps were emailed at the time; loading the demo emails only the two steps that wait now.
    expect(rows.filter((row) => row.delivery === 'pending_email').map((row) => row.kind)).toEqual(['practices.proposed', 'practices.submitted']);
    expect(await database.db.selectFrom('follows').select('target_type').execute()).toHaveLength(2);
    expect(await database.db.selectFrom('notification_preferences').select(['kind', 'cadence']).execute()).toEqual([
      { kind: 'plans.report_filed', cadence: 'weekly' },
    ]);
  });

  it('is never loaded into a database that already has data', async () => {
    expect(await seedDemo(database.db)).toEqual({ ok: false, reason: 'not_empty' });
  });
});

describe('the demo seeds', () => {
  const module = (name: string, after: string[], run: NonNullable<PlatformModule['seed']>['run']): PlatformModule => ({
    name,
    routes: () => Promise.resolve(),
    seed: { after, run },
  });
  const programmes = module('programmes', [], () => Promise.resolve({ records: { programme: { id: 7 } } }));

  it('give each seed the records of the modules it names', async () => {
    const partners = module('partners', ['programmes'], (_trx, { programme }) => Promise.resolve({ counts: { partners: programme.id } }));
    const { counts } = await database.db.transaction().execute((trx) => runDemoSeeds(trx, [partners, programmes], {}));
    expect(counts).toEqual({ partners: 7 });
  });

  it('stop a seed reading the records of a module it did not name, even one that ran before it', async () => {
    const careless = module('partners', [], (_trx, { programme }) => Promise.resolve({ counts: { partners: programme.id } }));
    const run = database.db.transaction().execute((trx) => runDemoSeeds(trx, [programmes, careless], {}));
    await expect(run).rejects.toThrow('The demo seed of partners reads programme without naming its module in after');
  });
});
