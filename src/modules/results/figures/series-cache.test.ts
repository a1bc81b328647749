/** Formula series kept between requests: served again only while no write has changed what a request can see. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../core/testing/world.js';
import type { Formula, FormulaContext, FormulaPoint } from '../formulas.js';
import { keptSeries, seriesVersion } from './series-cache.js';

const database = useTestDatabase();

function countingFormula(): Formula & { computed: number; failing: boolean } {
  const formula = {
    key: 'test.counting',
    nameKey: 'results.nav',
    descriptionKey: 'results.nav',
    unit: 'count' as const,
    recount: 'sum' as const,
    computed: 0,
    failing: false,
    series: (): Promise<FormulaPoint[]> => {
      if (formula.failing) return Promise.reject(new Error('connection lost'));
      formula.computed += 1;
      return Promise.resolve([{ partnerId: null, semester: 1, value: formula.computed }]);
    },
    records: () => Promise.resolve([]),
  };
  return formula;
}

const context = (): FormulaContext => ({
  db: database.db,
  programmeId: 1,
  semesters: [{ number: 1, startsOn: '2020-01-01', endsOn: '2020-06-30' }],
  partnerIds: [],
});
const at = new Date('2026-12-05T10:00:00Z');

describe('kept formula series', () => {
  it('are computed once while nothing is written, and once for requests arriving together', async () => {
    const formula = countingFormula();
    const version = await seriesVersion(database.db, at);
    await Promise.all([keptSeries(formula, context(), version), keptSeries(formula, context(), version)]);
    const again = await keptSeries(formula, context(), await seriesVersion(database.db, at));
    expect(again[0]?.value).toBe(1);
    expect(formula.computed).toBe(1);
  });

  it('are computed again after any committed write, whether or not the application made it', async () => {
    const formula = countingFormula();
    await keptSeries(formula, context(), await seriesVersion(database.db, at));
    await sql`insert into app_settings (key, value) values ('kept-series-test', 'x')`.execute(database.db);
    const after = await keptSeries(formula, context(), await seriesVersion(database.db, at));
    expect(after[0]?.value).toBe(2);
  });

  it('are kept through transactions that change no platform record (a transaction id taken, a session touched)', async () => {
    const formula = countingFormula();
    await keptSeries(formula, context(), await seriesVersion(database.db, at));
    await sql`select txid_current()`.execute(database.db);
    const after = await keptSeries(formula, context(), await seriesVersion(database.db, at));
    expect(after[0]?.value).toBe(1);
  });

  it('are computed again a minute later, since events count as held once they have ended', async () => {
    const formula = countingFormula();
    await keptSeries(formula, context(), await seriesVersion(database.db, at));
    const later = await keptSeries(formula, context(), await seriesVersion(database.db, new Date(at.getTime() + 60_000)));
    expect(later[0]?.value).toBe(2);
  });

  it('are not kept when computing them failed', async () => {
    const formula = countingFormula();
    formula.failing = true;
    const version = await seriesVersion(database.db, at);
    await expect(keptSeries(formula, context(), version)).rejects.toThrow('connection lost');
    formula.failing = false;
    const retried = await keptSeries(formula, context(), version);
    expect(retried[0]?.value).toBe(1);
  });
});
