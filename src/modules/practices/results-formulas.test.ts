/**
 * The practices formulas of the results module: practices identified and transfers implemented, on a small hand-built
 * programme (semester boundaries, records before and after the programme, unpublished practices, another programme's),
 * and every figure recounted from its records.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { aPartner } from '../../core/testing/factories.js';
import { aPractice } from '../../core/testing/records.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { semestersOf } from '../programmes/service.js';
import { formulaContext, recount, type Formula, type FormulaContext } from '../results/service.js';
import { practiceFormulas, practicesIdentified, transfersImplemented } from './results-formulas.js';

const fixture = useDatabaseWorld();
let context: FormulaContext;

/** A practice of the partner in this status, published (first) at this UTC time when given. */
async function practice(partnerId: number, status: 'draft' | 'published' | 'returned', publishedAt: string | null): Promise<number> {
  const id = await aPractice(fixture.db, partnerId, `Practice ${Math.random().toString(36).slice(2, 8)}`, {
    status: status === 'draft' ? 'draft' : 'published',
  });
  await sql`update practices set status = ${status}, published_at = ${publishedAt}::timestamptz where id = ${id}`.execute(fixture.db);
  return id;
}

/** A transfer of the practice to the importer with these stages recorded (stage, day). */
async function transfer(practiceId: number, importerPartnerId: number, stages: [string, string][]): Promise<number> {
  const last = stages.at(-1)?.[0] ?? 'interest';
  const row = await sql<{ id: number }>`
    insert into transfers (practice_id, importer_partner_id, stage) values (${practiceId}, ${importerPartnerId}, ${last}) returning id`.execute(fixture.db);
  const id = row.rows[0]!.id;
  for (const [stage, day] of stages)
    await sql`insert into transfer_stages (transfer_id, stage, occurred_on, recorded_by_label) values (${id}, ${stage}, ${day}, 'Test')`.execute(fixture.db);
  return id;
}

beforeAll(async () => {
  const { world } = fixture;
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  context = await formulaContext(fixture.db, world.programme.id, semestersOf(world.programme));
  // Semester 1 is 2019-08-01 to 2020-01-31.
  const p1 = await practice(a, 'published', '2020-01-31T23:30:00Z');
  await practice(a, 'published', '2020-02-01T00:30:00Z');
  const p3 = await practice(b, 'published', '2019-01-01T12:00:00Z');
  await practice(b, 'published', '2024-01-01T12:00:00Z');
  await practice(a, 'draft', null);
  await practice(a, 'returned', '2019-10-01T12:00:00Z');
  const elsewhere = await aPartner(fixture.db, world.otherProgramme.id);
  const elsewhereImporter = await aPartner(fixture.db, world.otherProgramme.id);
  const p7 = await practice(elsewhere.id, 'published', '2020-01-01T12:00:00Z');

  await transfer(p1, b, [
    ['interest', '2019-09-01'],
    ['implemented', '2020-01-31'],
  ]);
  await transfer(p3, a, [
    ['study_visit', '2019-11-01'],
    ['implemented', '2020-02-01'],
  ]);
  await transfer(p1, a, [['adopted', '2019-12-01']]);
  await transfer(p3, b, [['implemented', '2023-08-01']]);
  await transfer(p7, elsewhereImporter.id, [['implemented', '2020-01-01']]);
});

async function firstSemesters(formula: Formula) {
  const points = await formula.series(context);
  const of = (partnerId: number | null) =>
    [1, 2, 3].map((semester) => points.find((point) => point.partnerId === partnerId && point.semester === semester)?.value);
  return { a: of(fixture.world.partnerA.id), b: of(fixture.world.partnerB.id), programme: of(null) };
}

describe('the practices formulas', () => {
  it('count practices published by owner partner, dated by their first publication', async () => {
    expect(await firstSemesters(practicesIdentified)).toEqual({ a: [1, 2, 2], b: [1, 1, 1], programme: [2, 3, 3] });
  });

  it('count transfers implemented once each by importing partner, dated by the implemented stage', async () => {
    expect(await firstSemesters(transfersImplemented)).toEqual({ a: [0, 1, 1], b: [1, 1, 1], programme: [1, 2, 2] });
  });

  it('give every partner and the programme a figure in every semester, recounted from the records', async () => {
    const partnerIds = [fixture.world.partnerA.id, fixture.world.partnerB.id, null];
    for (const formula of practiceFormulas) {
      const points = await formula.series(context);
      expect(points).toHaveLength(partnerIds.length * context.semesters.length);
      for (const partnerId of partnerIds)
        for (const { number } of context.semesters) {
          const records = await formula.records(context, { partnerId, semester: number });
          const figure = points.find((point) => point.partnerId === partnerId && point.semester === number)?.value;
          expect(recount(formula.recount, records), `${formula.key} ${partnerId} ${number}`).toBe(figure);
        }
    }
  });
});
