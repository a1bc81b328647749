import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.js';
import { aPartner } from '../../core/testing/factories.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { semestersOf } from '../programmes/service.js';
import { formulaContext, recount, type Formula, type FormulaContext } from '../results/service.js';
import { adoptedElsewhere, eurSaved, hoursSaved, instrumentFormulas, instrumentsDeveloped, transactions, usersReached } from './results-formulas.js';

const fixture = useDatabaseWorld();

/** An instrument with its stage history, the last stage being its current one. */
async function anInstrument(db: Db, programmeId: number, partnerId: number, published: boolean, stages: [string, string][]): Promise<number> {
  const [stage, since] = stages.at(-1)!;
  const { rows } = await sql<{ id: number }>`insert into instruments (programme_id, partner_id, name, description, kind, stage, stage_since, published)
    values (${programmeId}, ${partnerId}, ${`Instrument ${stage} ${since}`}, '', 'online_service', ${stage}, ${since}::date, ${published})
    returning id`.execute(db);
  const id = rows[0]!.id;
  for (const [name, occurredOn] of stages) {
    await sql`insert into instrument_stages (instrument_id, stage, occurred_on, recorded_by_label) values (${id}, ${name}, ${occurredOn}::date, 'test')`.execute(
      db,
    );
  }
  return id;
}

interface Period {
  start: string;
  end: string;
  users?: number;
  transactions?: number;
  minutes?: [number | null, number | null];
  cost?: [number | null, number | null];
}

async function anImpact(db: Db, instrumentId: number, period: Period): Promise<void> {
  await sql`insert into instrument_impact (instrument_id, period_start, period_end, users, transactions,
      processing_minutes_digital, processing_minutes_former, cost_digital_eur, cost_former_eur)
    values (${instrumentId}, ${period.start}::date, ${period.end}::date, ${period.users ?? null}, ${period.transactions ?? null},
      ${period.minutes?.[0] ?? null}, ${period.minutes?.[1] ?? null}, ${period.cost?.[0] ?? null}, ${period.cost?.[1] ?? null})`.execute(db);
}

let context: FormulaContext;
let partnerA: number;
let partnerB: number;
let partnerC: number;

beforeAll(async () => {
  const { db, world } = fixture;
  const programmeId = world.programme.id;
  partnerA = world.partnerA.id;
  partnerB = world.partnerB.id;
  partnerC = (await aPartner(db, programmeId)).id;
  // Semesters of 2019-08-01 – 2023-07-31: 1 ends 2020-01-31, 2 ends 2020-07-31, 3 ends 2021-01-31, 4 ends 2021-07-31, 8 ends 2023-07-31.
  context = await formulaContext(db, programmeId, semestersOf(world.programme));

  // A's instrument: pilot on the last day of semester 1, scaled in semester 4.
  const first = await anInstrument(db, programmeId, partnerA, true, [
    ['design', '2019-09-01'],
    ['pilot', '2020-01-31'],
    ['live', '2020-05-01'],
    ['scaled', '2021-03-01'],
  ]);
  await anImpact(db, first, { start: '2019-12-01', end: '2020-01-31', users: 100, transactions: 200, minutes: [5, 20], cost: [1, 4] });
  await anImpact(db, first, { start: '2020-02-01', end: '2020-07-31', users: 150, transactions: 300, minutes: [null, 20], cost: [2, 5] });
  // B's instrument: pilot on the first day of semester 2, back to design in semester 3 — it was built and tried, it stays developed.
  const second = await anInstrument(db, programmeId, partnerB, true, [
    ['design', '2019-10-01'],
    ['pilot', '2020-02-01'],
    ['design', '2020-09-01'],
  ]);
  await anImpact(db, second, { start: '2023-07-01', end: '2023-08-15', users: 1000, transactions: 1000, minutes: [1, 2], cost: [1, 2] });
  // B's pilot after the programme's last day; A's unpublished pilot; another programme's published, scaled one: never counted.
  await anInstrument(db, programmeId, partnerB, true, [['pilot', '2023-08-01']]);
  const hidden = await anInstrument(db, programmeId, partnerA, false, [['scaled', '2019-12-01']]);
  await anImpact(db, hidden, { start: '2019-12-01', end: '2019-12-31', users: 7, transactions: 7, minutes: [1, 2], cost: [1, 2] });
  const stranger = await aPartner(db, world.otherProgramme.id);
  const foreign = await anInstrument(db, world.otherProgramme.id, stranger.id, true, [['scaled', '2019-12-01']]);
  await anImpact(db, foreign, { start: '2019-12-01', end: '2019-12-31', users: 9, transactions: 9, minutes: [1, 2], cost: [1, 2] });
});

async function figures(formula: Formula): Promise<Map<string, number>> {
  const points = await formula.series(context);
  return new Map(points.map((point) => [`${point.partnerId ?? 'all'}:${point.semester}`, point.value]));
}

const at = (values: Map<string, number>, who: number | 'all', semesters: number[]) => semesters.map((s) => values.get(`${who}:${s}`));

describe('instruments formulas', () => {
  it('counts an instrument as developed from the day it reached pilot: the last day of semester 1 in 1, the first of 2 in 2', async () => {
    const values = await figures(instrumentsDeveloped);
    expect(at(values, partnerA, [1, 2, 8])).toEqual([1, 1, 1]);
    expect(at(values, partnerB, [1, 2, 3, 8])).toEqual([0, 1, 1, 1]);
    expect(at(values, 'all', [1, 2, 8])).toEqual([1, 2, 2]);
    expect(at(values, partnerC, [8])).toEqual([0]);
    expect(values.size).toBe(8 * 4);
  });

  it('counts an instrument adopted elsewhere from the day it was scaled', async () => {
    const values = await figures(adoptedElsewhere);
    expect(at(values, partnerA, [3, 4, 8])).toEqual([0, 1, 1]);
    expect(at(values, 'all', [1, 3, 4])).toEqual([0, 0, 1]);
  });

  it('sums the impact periods ending up to the semester’s end, savings only where every figure is known', async () => {
    expect(at(await figures(usersReached), partnerA, [1, 2, 8])).toEqual([100, 250, 250]);
    expect(at(await figures(transactions), 'all', [1, 2, 8])).toEqual([200, 500, 500]);
    expect(at(await figures(hoursSaved), partnerA, [1, 2])).toEqual([50, 50]);
    expect(at(await figures(eurSaved), 'all', [1, 2, 8])).toEqual([600, 1500, 1500]);
    expect(at(await figures(usersReached), partnerB, [8])).toEqual([0]);
  });

  it('lists records linked to the instrument’s public page', async () => {
    const [developed] = await instrumentsDeveloped.records(context, { partnerId: partnerA, semester: 1 });
    expect(developed).toMatchObject({ href: `/instruments/${developed?.id}`, date: '2020-01-31', value: 1, partnerId: partnerA });
    const periods = await eurSaved.records(context, { partnerId: null, semester: 2 });
    expect(periods.map((period) => [period.date, period.value])).toEqual([
      ['2020-01-31', 600],
      ['2020-07-31', 900],
    ]);
    expect(periods[0]?.href).toBe(developed?.href);
  });

  it('recounts every partner’s and the programme’s figure in every semester from its records', async () => {
    for (const formula of instrumentFormulas) {
      const points = await formula.series(context);
      for (const point of points) {
        const records = await formula.records(context, { partnerId: point.partnerId, semester: point.semester });
        expect(recount(formula.recount, records), `${formula.key} ${point.partnerId} ${point.semester}`).toBeCloseTo(point.value, 6);
        expect(records.every((record) => point.partnerId === null || record.partnerId === point.partnerId)).toBe(true);
      }
    }
  });
});
