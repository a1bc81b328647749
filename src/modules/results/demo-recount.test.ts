/**
 * Every formula the installed modules offer, on the demo programme: each figure of the series (every partner and the
 * programme, every semester) equals the recount of the records its trace lists, and the five success measures have
 * data, so the dashboard's charts are never empty in the demo.
 */
import { describe, expect, it } from 'vitest';
import { contributionsTo } from '../../core/module.js';
import { useTestDatabase } from '../../core/testing/world.js';
import { seedDemo } from '../../seed.js';
import { listProgrammes, semestersOf } from '../programmes/service.js';
import { formulaContext } from './figures/service.js';
import { formulas, recount } from './formulas.js';
import { successMeasures } from './measures.js';

const database = useTestDatabase();

describe('the formulas on the demo programme', () => {
  it('give figures that equal a recount of the records they list, for every partner and semester', async () => {
    await seedDemo(database.db);
    const [programme] = await listProgrammes(database.db);
    if (!programme) throw new Error('The demo has no programme');
    const context = await formulaContext(database.db, programme.id, semestersOf(programme));
    const installed = contributionsTo(formulas);
    expect(new Set(installed.map((formula) => formula.key)).size).toBe(installed.length);
    for (const formula of installed) {
      const points = await formula.series(context);
      expect(points.length, formula.key).toBeGreaterThan(0);
      for (const point of points) {
        const records = await formula.records(context, { partnerId: point.partnerId, semester: point.semester });
        expect(recount(formula.recount, records), `${formula.key}, partner ${point.partnerId ?? 'programme'}, semester ${point.semester}`).toBeCloseTo(
          point.value,
          6,
        );
      }
    }
  });

  it('give each success measure a formula that is installed and has data by the last semester', async () => {
    const [programme] = await listProgrammes(database.db);
    if (!programme) throw new Error('The demo has no programme');
    const semesters = semestersOf(programme);
    const context = await formulaContext(database.db, programme.id, semesters);
    const byKey = new Map(contributionsTo(formulas).map((formula) => [formula.key, formula]));
    for (const measure of successMeasures) {
      for (const key of measure.formulas) {
        const formula = byKey.get(key);
        expect(formula, `${measure.key} needs ${key}`).toBeDefined();
        const last = (await formula?.series(context))?.find((point) => point.partnerId === null && point.semester === semesters.length);
        expect(last?.value, key).not.toBe(0);
      }
    }
  });
});
