/** The figures engine with small test formulas passed in: series, reported sums, who sees what, and traces that recount. */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from '../../../core/policy/actor.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { recount } from '../formulas.js';
import { indicatorRecords, indicatorSeries, resultsFigures } from './service.js';
import { aReport, aTarget, anIndicator, memoryFormula } from './test-support.js';

const fixture = useDatabaseWorld();
// Semesters of the world's programme: 1 ends 2020-01-31, 2 ends 2020-07-31, 3 ends 2021-01-31, 4 ends 2021-07-31.
let counted: ReturnType<typeof memoryFormula>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const { db, world } = fixture;
  const a = world.partnerA.id;
  const b = world.partnerB.id;
  // Programmes start with the built-in set; these tests count only the indicators they make.
  await db.updateTable('indicators').set({ enabled: false }).where('builtin_key', 'is not', null).execute();
  counted = memoryFormula('test.counted', [
    { id: 1, partnerId: a, date: '2019-09-10' },
    { id: 2, partnerId: a, date: '2020-03-01' },
    { id: 3, partnerId: b, date: '2020-05-05' },
    { id: 4, partnerId: b, date: '2021-06-30' },
    { id: 5, partnerId: a, date: '2025-01-01' },
  ]);
  ids.computed = await anIndicator(db, world.programme.id, { method: 'computed', formula: 'test.counted', programme_target: 10 });
  await aTarget(db, ids.computed, a, 4);
  ids.reported = await anIndicator(db, world.programme.id, { unit: 'eur', programme_target: 1000 });
  await aReport(db, { indicatorId: ids.reported, partnerId: a, semester: 1, value: 100.1, evidence: 2 });
  await aReport(db, { indicatorId: ids.reported, partnerId: a, semester: 2, value: 0.2 });
  await aReport(db, { indicatorId: ids.reported, partnerId: b, semester: 2, value: 50, status: 'submitted', evidence: 1 });
  await aReport(db, { indicatorId: ids.reported, partnerId: b, semester: 3, value: 70, status: 'returned' });
  await aReport(db, { indicatorId: ids.reported, partnerId: b, semester: 1, value: 999, current: false });
  ids.hidden = await anIndicator(db, world.programme.id, { public: false });
  await aReport(db, { indicatorId: ids.hidden, partnerId: a, semester: 1, value: 5 });
  ids.disabled = await anIndicator(db, world.programme.id, { enabled: false });
  ids.elsewhere = await anIndicator(db, world.otherProgramme.id);
});

const options = () => ({ formulas: [counted] });

describe('the figures engine', () => {
  it('gives a computed indicator its formula’s figures per partner and for the programme, as at each semester’s end', async () => {
    const series = await indicatorSeries(fixture.db, anonymous, fixture.world.programme.id, options());
    const computed = series.find((entry) => entry.indicator.id === ids.computed);
    expect(computed?.programme.map((point) => point.value)).toEqual([1, 3, 3, 4, 4, 4, 4, 4]);
    const partnerA = computed?.partners.find((partner) => partner.partnerId === fixture.world.partnerA.id);
    expect(partnerA?.values.map((point) => point.value)).toEqual([1, 2, 2, 2, 2, 2, 2, 2]);
    expect(partnerA?.target).toBe(4);
    expect(computed?.partners.find((partner) => partner.partnerId === fixture.world.partnerB.id)?.target).toBeNull();
    expect(computed?.indicator.programmeTarget).toBe(10);
    expect(computed?.programme.every((point) => point.unvalidated === null)).toBe(true);
  });

  it('adds up only the validated current reports to each semester, exactly to the cent', async () => {
    const series = await indicatorSeries(fixture.db, anonymous, fixture.world.programme.id, options());
    const reported = series.find((entry) => entry.indicator.id === ids.reported);
    expect(reported?.programme.slice(0, 4).map((point) => point.value)).toEqual([100.1, 100.3, 100.3, 100.3]);
    expect(reported?.partners.find((partner) => partner.partnerId === fixture.world.partnerB.id)?.values.every((point) => point.value === 0)).toBe(true);
    expect(reported?.programme.every((point) => point.unvalidated === null)).toBe(true);
  });

  it('shows the programme’s staff the values awaiting validation apart, and nobody else', async () => {
    const coordinator = await indicatorSeries(fixture.db, fixture.world.users.coordinator.actor, fixture.world.programme.id, options());
    const reported = coordinator.find((entry) => entry.indicator.id === ids.reported);
    expect(reported?.programme.map((point) => [point.value, point.unvalidated]).slice(0, 3)).toEqual([
      [100.1, null],
      [100.3, 150.3],
      [100.3, 150.3],
    ]);
    for (const role of ['editorB', 'otherCoordinator', 'stakeholderA', 'plainUser'] as const) {
      const seen = await indicatorSeries(fixture.db, fixture.world.users[role].actor, fixture.world.programme.id, options());
      const values = seen.find((entry) => entry.indicator.id === ids.reported)?.programme ?? [];
      if (role === 'editorB') expect(values[1]?.unvalidated).toBe(150.3);
      else expect(values.every((point) => point.unvalidated === null)).toBe(true);
    }
  });

  it('hides disabled indicators from everyone and non-public ones from the public', async () => {
    const shown = (await indicatorSeries(fixture.db, anonymous, fixture.world.programme.id, options())).map((entry) => entry.indicator.id);
    expect(shown).toEqual([ids.computed, ids.reported]);
    const staff = (await indicatorSeries(fixture.db, fixture.world.users.coordinator.actor, fixture.world.programme.id, options())).map(
      (entry) => entry.indicator.id,
    );
    expect(staff).toEqual([ids.computed, ids.reported, ids.hidden]);
    expect(await indicatorRecords(fixture.db, anonymous, ids.hidden as number, { partnerId: null, semester: 2 }, options())).toBeUndefined();
    expect(await indicatorRecords(fixture.db, anonymous, ids.disabled as number, { partnerId: null, semester: 2 }, options())).toBeUndefined();
  });

  it('leaves out a computed indicator whose formula is not installed rather than showing zero', async () => {
    const figures = await resultsFigures(fixture.db, anonymous, fixture.world.programme.id, { formulas: [] });
    expect(figures?.indicators.map((entry) => entry.indicator.id)).toEqual([ids.reported]);
    expect(figures?.missingFormulas).toEqual(['test.counted']);
  });

  it('lists records whose recount equals every figure, for each partner, the programme and each semester', async () => {
    for (const actor of [anonymous, fixture.world.users.coordinator.actor]) {
      const series = await indicatorSeries(fixture.db, actor, fixture.world.programme.id, options());
      for (const entry of series) {
        for (const scope of [null, ...entry.partners.map((partner) => partner.partnerId)]) {
          const values = scope === null ? entry.programme : (entry.partners.find((partner) => partner.partnerId === scope)?.values ?? []);
          for (const point of values) {
            const trace = await indicatorRecords(fixture.db, actor, entry.indicator.id, { partnerId: scope, semester: point.semester }, options());
            if (!trace) throw new Error('no trace');
            if (trace.method === 'computed') expect(recount(trace.formula.recount, trace.records)).toBe(point.value);
            else {
              expect(trace.value).toBe(point.value);
              expect(trace.unvalidated).toBe(point.unvalidated);
            }
          }
        }
      }
    }
  });

  it('marks submitted reports in the staff’s trace and counts their evidence', async () => {
    const trace = await indicatorRecords(
      fixture.db,
      fixture.world.users.coordinator.actor,
      ids.reported as number,
      { partnerId: null, semester: 2 },
      options(),
    );
    if (trace?.method !== 'reported') throw new Error('expected a reported trace');
    expect(trace.reports.map((report) => [report.value, report.status, report.evidenceCount])).toEqual([
      [100.1, 'validated', 2],
      [0.2, 'validated', 0],
      [50, 'submitted', 1],
    ]);
    const figures = await resultsFigures(fixture.db, fixture.world.users.coordinator.actor, fixture.world.programme.id, { ...options(), withEvidence: true });
    expect(figures?.evidenceOf(ids.reported as number, null, 2, false)).toBe(2);
    expect(figures?.evidenceOf(ids.reported as number, null, 2, true)).toBe(3);
    expect(figures?.evidenceOf(ids.computed as number, null, 2, false)).toBeNull();
  });
});
