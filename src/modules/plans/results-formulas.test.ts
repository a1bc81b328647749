import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.js';
import { aPartner } from '../../core/testing/factories.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { semestersOf } from '../programmes/service.js';
import { formulaContext, recount, type Formula, type FormulaContext } from '../results/service.js';
import { actionsCompleted, actionsInProgress, planFormulas, plansEndorsed, plansImplementation, policyInstrumentsImproved } from './results-formulas.js';

const fixture = useDatabaseWorld();

interface ActionSpec {
  key: string;
  costsEur: number | null;
}

function content(actions: ActionSpec[]): string {
  return JSON.stringify({
    contact: { name: 'Office', email: null },
    instruments: [{ key: 'pi1', name: 'Smart city strategy', kind: 'other_regional', managingBody: 'City', improvement: '' }],
    actions: actions.map((action) => ({
      key: action.key,
      title: `Action ${action.key}`,
      background: '',
      practiceIds: [],
      eventIds: [],
      transferIds: [],
      description: '',
      players: [],
      startsOn: null,
      endsOn: null,
      milestones: [],
      costsEur: action.costsEur,
      funding: [],
      improvementType: 'new_project',
      instrumentsText: '',
    })),
  });
}

async function aPlan(db: Db, programmeId: number, partnerId: number): Promise<number> {
  const { rows } = await sql<{ id: number }>`insert into plans (programme_id, partner_id) values (${programmeId}, ${partnerId}) returning id`.execute(db);
  return rows[0]!.id;
}

async function aVersion(db: Db, planId: number, number: number, endorsedOn: string | null, actions: ActionSpec[]): Promise<void> {
  await sql`insert into plan_versions (plan_id, number, status, content, endorsed_on)
    values (${planId}, ${number}, ${endorsedOn === null ? 'submitted' : 'endorsed'}, ${content(actions)}::jsonb, ${endorsedOn}::date)`.execute(db);
}

interface ReportSpec {
  action: string;
  semester: number;
  status: string;
  percent: number;
  improved?: 'new_project' | 'management_change' | 'structural_change';
  evidence?: boolean;
  current?: boolean;
}

async function aReport(db: Db, planId: number, report: ReportSpec): Promise<void> {
  const { rows } = await sql<{ id: number }>`insert into progress_reports
      (plan_id, action_key, semester, status, percent_complete, spent_eur, instrument_improved, improvement_type, current, submitted_by_label)
    values (${planId}, ${report.action}, ${report.semester}, ${report.status}, ${report.percent}, 0, ${report.improved !== undefined},
      ${report.improved ?? null}, ${report.current ?? true}, 'test')
    returning id`.execute(db);
  if (report.evidence)
    await sql`insert into progress_report_evidence (report_id, position, url) values (${rows[0]!.id}, 1, 'https://example.org/decision')`.execute(db);
}

let context: FormulaContext;
let partnerA: number;
let partnerB: number;
let partnerC: number;

beforeAll(async () => {
  const { db, world } = fixture;
  partnerA = world.partnerA.id;
  partnerB = world.partnerB.id;
  partnerC = (await aPartner(db, world.programme.id)).id;
  // Semesters of 2019-08-01 – 2023-07-31: 1 ends 2020-01-31, 2 ends 2020-07-31, 3 ends 2021-01-31, 4 ends 2021-07-31.
  context = await formulaContext(db, world.programme.id, semestersOf(world.programme));

  // A: endorsed on the last day of semester 1; a3 has no cost and weighs the median of 1,000 and 3,000. Version 2 is a draft.
  const planA = await aPlan(db, world.programme.id, partnerA);
  await aVersion(db, planA, 1, '2020-01-31', [
    { key: 'a1', costsEur: 1000 },
    { key: 'a2', costsEur: 3000 },
    { key: 'a3', costsEur: null },
  ]);
  await aVersion(db, planA, 2, null, [{ key: 'a9', costsEur: 99 }]);
  await aReport(db, planA, { action: 'a1', semester: 1, status: 'on_track', percent: 50 });
  await aReport(db, planA, { action: 'a2', semester: 1, status: 'on_track', percent: 90, current: false });
  await aReport(db, planA, { action: 'a3', semester: 1, status: 'not_started', percent: 0 });
  await aReport(db, planA, { action: 'a1', semester: 2, status: 'completed', percent: 100 });
  await aReport(db, planA, { action: 'a2', semester: 2, status: 'delayed', percent: 20, improved: 'new_project' });
  await aReport(db, planA, { action: 'a3', semester: 3, status: 'cancelled', percent: 0 });
  await aReport(db, planA, { action: 'a1', semester: 4, status: 'completed', percent: 100, improved: 'management_change', evidence: true });

  // B: endorsed on the first day of semester 2; its only action has no cost and the version none either (weight 1).
  const planB = await aPlan(db, world.programme.id, partnerB);
  await aVersion(db, planB, 1, '2020-02-01', [{ key: 'b1', costsEur: null }]);
  await aReport(db, planB, { action: 'b1', semester: 2, status: 'on_track', percent: 40, improved: 'new_project', evidence: true });
  await aReport(db, planB, { action: 'b1', semester: 3, status: 'on_track', percent: 60, improved: 'structural_change', evidence: true });

  // C: submitted, never endorsed. Another programme's partner: endorsed, reported, improved — never counted here.
  const planC = await aPlan(db, world.programme.id, partnerC);
  await aVersion(db, planC, 1, null, [{ key: 'c1', costsEur: 10 }]);
  const stranger = await aPartner(db, world.otherProgramme.id);
  const planX = await aPlan(db, world.otherProgramme.id, stranger.id);
  await aVersion(db, planX, 1, '2019-09-01', [{ key: 'x1', costsEur: 10 }]);
  await aReport(db, planX, { action: 'x1', semester: 1, status: 'completed', percent: 100, improved: 'new_project', evidence: true });
});

async function figures(formula: Formula): Promise<Map<string, number>> {
  const points = await formula.series(context);
  return new Map(points.map((point) => [`${point.partnerId ?? 'all'}:${point.semester}`, point.value]));
}

describe('plans formulas', () => {
  it('counts a plan from the semester of its first endorsement: the last day of semester 1 counts in 1, the first of 2 in 2', async () => {
    const values = await figures(plansEndorsed);
    expect([1, 2, 3, 8].map((s) => values.get(`${partnerA}:${s}`))).toEqual([1, 1, 1, 1]);
    expect([1, 2, 3, 8].map((s) => values.get(`${partnerB}:${s}`))).toEqual([0, 1, 1, 1]);
    expect([1, 2, 8].map((s) => values.get(`all:${s}`))).toEqual([1, 2, 2]);
    expect(values.get(`${partnerC}:8`)).toBe(0);
    expect(values.size).toBe(8 * 4);
  });

  it('weighs each action’s latest percent complete by its cost, a cost missing weighing the median, a cancelled action left out', async () => {
    const values = await figures(plansImplementation);
    expect(values.get(`${partnerA}:1`)).toBeCloseTo((50 * 1000) / 6000, 6);
    expect(values.get(`${partnerA}:2`)).toBeCloseTo((100 * 1000 + 20 * 3000) / 6000, 6);
    expect(values.get(`${partnerA}:3`)).toBeCloseTo((100 * 1000 + 20 * 3000) / 4000, 6);
    expect(values.get(`${partnerB}:1`)).toBe(0);
    expect(values.get(`${partnerB}:2`)).toBeCloseTo(40, 6);
    expect(values.get(`${partnerB}:3`)).toBeCloseTo(60, 6);
    expect(values.get(`all:2`)).toBeCloseTo((100 * 1000 + 20 * 3000 + 40) / 6001, 6);
    expect(values.get(`${partnerC}:8`)).toBe(0);
  });

  it('counts actions completed and in progress by their latest report up to the semester', async () => {
    const completed = await figures(actionsCompleted);
    const inProgress = await figures(actionsInProgress);
    expect([1, 2, 3].map((s) => completed.get(`${partnerA}:${s}`))).toEqual([0, 1, 1]);
    expect([1, 2, 3].map((s) => inProgress.get(`${partnerA}:${s}`))).toEqual([1, 1, 1]);
    expect([1, 2, 3].map((s) => inProgress.get(`${partnerB}:${s}`))).toEqual([0, 1, 1]);
    expect(completed.get('all:8')).toBe(1);
    expect(inProgress.get('all:2')).toBe(2);
  });

  it('counts a plan’s improved policy instrument once, from its first report of an improvement with evidence', async () => {
    const values = await figures(policyInstrumentsImproved);
    expect([1, 2, 3, 4].map((s) => values.get(`${partnerB}:${s}`))).toEqual([0, 1, 1, 1]);
    expect([2, 3, 4].map((s) => values.get(`${partnerA}:${s}`))).toEqual([0, 0, 1]);
    expect([1, 2, 4, 8].map((s) => values.get(`all:${s}`))).toEqual([0, 1, 2, 2]);
    const records = await policyInstrumentsImproved.records(context, { partnerId: partnerB, semester: 3 });
    expect(records).toHaveLength(2);
    expect(recount('distinct', records)).toBe(1);
  });

  it('lists records linked to the plan’s public pages, dated in the semester', async () => {
    const [plan] = await plansEndorsed.records(context, { partnerId: partnerA, semester: 1 });
    expect(plan?.href).toMatch(/^\/plans\/\d+$/);
    expect(plan).toMatchObject({ date: '2020-01-31', value: 1, partnerId: partnerA });
    expect(plan?.label).toContain('Smart city strategy');
    const actions = await plansImplementation.records(context, { partnerId: partnerA, semester: 2 });
    expect(actions.map((action) => [action.label, action.value, action.weight])).toEqual([
      ['Action a1', 100, 1000],
      ['Action a2', 20, 3000],
      ['Action a3', 0, 2000],
    ]);
  });

  it('recounts every partner’s and the programme’s figure in every semester from its records', async () => {
    for (const formula of planFormulas) {
      const points = await formula.series(context);
      for (const point of points) {
        const records = await formula.records(context, { partnerId: point.partnerId, semester: point.semester });
        expect(recount(formula.recount, records), `${formula.key} ${point.partnerId} ${point.semester}`).toBeCloseTo(point.value, 6);
        expect(records.every((record) => point.partnerId === null || record.partnerId === point.partnerId)).toBe(true);
      }
    }
  });
});
