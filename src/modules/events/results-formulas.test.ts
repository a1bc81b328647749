/**
 * The events formulas of the results module: the figures of a small hand-built programme (semester boundaries in the
 * event's zone, events before the programme and after it, events not yet held, another programme's), every figure
 * recounted from its records, and the per-event summaries equal to a recount from the raw rows after every kind of
 * change.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { aPartner } from '../../core/testing/factories.js';
import { anEvent } from '../../core/testing/records.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { semestersOf } from '../programmes/service.js';
import { formulaContext, recount, type Formula, type FormulaContext } from '../results/service.js';
import { eventFormulas, eventDecisionMakers, eventParticipants, eventsHeld, organisationsAcrossBorders, peopleWithCapacity } from './results-formulas.js';

const fixture = useDatabaseWorld();
let context: FormulaContext;
const ids: Record<string, number> = {};

/** An event of the host ending at this wall-clock time in Rome (it started two hours earlier). */
async function eventEnding(hostPartnerId: number, endsAtRome: string): Promise<number> {
  const id = await anEvent(fixture.db, hostPartnerId);
  await sql`update events set starts_at = (${endsAtRome}::timestamp at time zone 'Europe/Rome') - interval '2 hours',
    ends_at = ${endsAtRome}::timestamp at time zone 'Europe/Rome', registration_deadline = null where id = ${id}`.execute(fixture.db);
  return id;
}

interface Person {
  attended?: boolean;
  role?: string;
  partnerId?: number | null;
  organisationId?: number | null;
  organisationName?: string | null;
  capacity?: boolean;
}

let people = 0;
async function registration(eventId: number, person: Person): Promise<number> {
  people += 1;
  const row = await sql<{ id: number }>`
    insert into registrations (event_id, status, name, email, organisation_id, organisation_name, helix, role, partner_id, locale, consent_at, token_hash, attended_at)
    values (${eventId}, 'registered', ${`Person ${people}`}, ${`person${people}@example.org`}, ${person.organisationId ?? null}, ${person.organisationName ?? null},
      'public_authority', ${person.role ?? 'citizen'}, ${person.partnerId ?? null}, 'en', now(), ${`formula-token-${people}`}, ${person.attended === false ? null : new Date()})
    returning id`.execute(fixture.db);
  const id = row.rows[0]!.id;
  if (person.capacity !== undefined)
    await sql`insert into feedback (registration_id, satisfaction, usefulness, capacity_increased) values (${id}, 4, 4, ${person.capacity})`.execute(
      fixture.db,
    );
  return id;
}

beforeAll(async () => {
  const { world } = fixture;
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  context = await formulaContext(fixture.db, world.programme.id, semestersOf(world.programme));
  // Semester 1 is 2019-08-01 to 2020-01-31. 23:30 in Rome on 31 January is still semester 1; 00:30 on 1 February is not.
  ids.lastDayOfFirst = await eventEnding(a, '2020-01-31 23:30');
  ids.firstDayOfSecond = await eventEnding(a, '2020-02-01 00:30');
  ids.beforeProgramme = await eventEnding(b, '2019-05-01 12:00');
  ids.afterProgramme = await eventEnding(b, '2023-09-01 12:00');
  ids.notYetHeld = await anEvent(fixture.db, a);
  const elsewhere = await aPartner(fixture.db, world.otherProgramme.id);
  ids.otherProgramme = await eventEnding(elsewhere.id, '2020-01-01 12:00');

  ids.r1 = await registration(ids.lastDayOfFirst, { role: 'decision_maker', partnerId: b, organisationId: world.organisationB.id, capacity: true });
  ids.r2 = await registration(ids.lastDayOfFirst, { role: 'civil_servant', partnerId: b, organisationName: '  Acme   Ltd ', capacity: false });
  ids.r3 = await registration(ids.lastDayOfFirst, { role: 'decision_maker', partnerId: b, organisationName: 'Absent Org', attended: false });
  ids.r4 = await registration(ids.lastDayOfFirst, { role: 'managing_authority', partnerId: a, organisationName: 'Acme ltd' });
  ids.r5 = await registration(ids.lastDayOfFirst, { partnerId: null, organisationName: 'Solo' });
  ids.r6 = await registration(ids.firstDayOfSecond, { partnerId: b, organisationName: 'ACME LTD', capacity: true });
  ids.r7 = await registration(ids.firstDayOfSecond, { role: 'decision_maker', partnerId: a, organisationId: world.organisationA.id });
  ids.r8 = await registration(ids.beforeProgramme, { partnerId: a, organisationName: 'acme ltd', capacity: true });
  ids.r9 = await registration(ids.beforeProgramme, { partnerId: a, organisationId: world.organisationA.id });
  ids.r10 = await registration(ids.afterProgramme, { role: 'decision_maker', partnerId: a, organisationName: 'Late Org', capacity: true });
  ids.r11 = await registration(ids.notYetHeld, { role: 'decision_maker', partnerId: b, organisationName: 'Early Org', capacity: true });
  ids.r12 = await registration(ids.otherProgramme, { role: 'decision_maker', partnerId: null, organisationName: 'Elsewhere', capacity: true });
});

/** The figures of semesters 1 to 3 for partner A, partner B and the programme. */
async function firstSemesters(formula: Formula) {
  const points = await formula.series(context);
  const of = (partnerId: number | null) =>
    [1, 2, 3].map((semester) => points.find((point) => point.partnerId === partnerId && point.semester === semester)?.value);
  return { a: of(fixture.world.partnerA.id), b: of(fixture.world.partnerB.id), programme: of(null) };
}

describe('the events formulas', () => {
  it('count events held by host partner, a semester ending on its last day in the event’s zone', async () => {
    expect(await firstSemesters(eventsHeld)).toEqual({ a: [1, 2, 2], b: [1, 1, 1], programme: [2, 3, 3] });
  });

  it('count attendances, those of decision makers and the people whose capacity increased at the events held', async () => {
    expect(await firstSemesters(eventParticipants)).toEqual({ a: [4, 6, 6], b: [2, 2, 2], programme: [6, 8, 8] });
    expect(await firstSemesters(eventDecisionMakers)).toEqual({ a: [2, 3, 3], b: [0, 0, 0], programme: [2, 3, 3] });
    expect(await firstSemesters(peopleWithCapacity)).toEqual({ a: [1, 2, 2], b: [1, 1, 1], programme: [2, 3, 3] });
  });

  it('count organisations attending another partner’s event once each, the programme over all partners', async () => {
    // A hosts organisation B and Acme (typed three ways); B hosts Acme and organisation A: three organisations in all.
    expect(await firstSemesters(organisationsAcrossBorders)).toEqual({ a: [2, 2, 2], b: [2, 2, 2], programme: [3, 3, 3] });
    // One record per organisation and host, labelled by the organisation's name (the typed one with its spaces collapsed).
    const records = await organisationsAcrossBorders.records(context, { partnerId: null, semester: 1 });
    expect(records.map((record) => record.label).sort()).toEqual(
      ['Acme Ltd', 'Acme Ltd', fixture.world.organisationA.name, fixture.world.organisationB.name].sort(),
    );
  });

  it('give every partner and the programme a figure in every semester, recounted from the records, which name no person', async () => {
    const partnerIds = [fixture.world.partnerA.id, fixture.world.partnerB.id, null];
    for (const formula of eventFormulas) {
      const points = await formula.series(context);
      expect(points).toHaveLength(partnerIds.length * context.semesters.length);
      for (const partnerId of partnerIds)
        for (const { number } of context.semesters) {
          const records = await formula.records(context, { partnerId, semester: number });
          const figure = points.find((point) => point.partnerId === partnerId && point.semester === number)?.value;
          expect(recount(formula.recount, records), `${formula.key} ${partnerId} ${number}`).toBe(figure);
          for (const record of records) expect(record.label).not.toMatch(/Person|@/);
        }
    }
  });
});

describe('the per-event summaries', () => {
  async function kept() {
    const participation = await fixture.db.selectFrom('event_participation').selectAll().orderBy('event_id').execute();
    const organisations = await fixture.db
      .selectFrom('event_organisations')
      .selectAll()
      .orderBy('event_id')
      .orderBy('organisation_key')
      .orderBy('partner_id')
      .execute();
    return { participation: participation.filter((row) => row.attended || row.decision_makers || row.capacity_increased), organisations };
  }

  async function rebuilt() {
    for (const programme of [fixture.world.programme.id, fixture.world.otherProgramme.id])
      await sql`select rebuild_event_participation(${programme})`.execute(fixture.db);
    return kept();
  }

  it('stay equal to a recount from the raw rows after check-ins, feedback, cancellations, anonymisation and deletion', async () => {
    const db = fixture.db;
    await db.updateTable('registrations').set({ attended_at: null }).where('id', '=', ids.r1!).execute();
    await db.updateTable('registrations').set({ attended_at: new Date() }).where('id', '=', ids.r3!).execute();
    await db.updateTable('registrations').set({ status: 'cancelled', cancelled_at: new Date(), attended_at: null }).where('id', '=', ids.r2!).execute();
    await db.updateTable('feedback').set({ capacity_increased: true }).where('registration_id', '=', ids.r2!).execute();
    await db.deleteFrom('feedback').where('registration_id', '=', ids.r8!).execute();
    await db.updateTable('registrations').set({ role: 'decision_maker', partner_id: fixture.world.partnerB.id }).where('id', '=', ids.r9!).execute();
    await db
      .updateTable('registrations')
      .set({ name: null, email: null, organisation_name: null, anonymised_at: new Date() })
      .where('id', 'in', [ids.r6!, ids.r4!])
      .execute();
    await registration(ids.firstDayOfSecond!, {
      role: 'managing_authority',
      partnerId: fixture.world.partnerB.id,
      organisationName: 'New Org',
      capacity: true,
    });
    await db.deleteFrom('registrations').where('id', '=', ids.r5!).execute();

    const before = await kept();
    expect(before.participation.length).toBeGreaterThan(0);
    expect(before.organisations.map((row) => row.organisation_key)).toContain('nnew org');
    expect(before.organisations.every((row) => row.attended > 0)).toBe(true);
    expect(await rebuilt()).toEqual(before);
    // The figures follow: organisation B no longer attended (unchecked), Acme is now known only from event B's row.
    expect((await firstSemesters(organisationsAcrossBorders)).a).toEqual([1, 2, 2]);
  });
});
