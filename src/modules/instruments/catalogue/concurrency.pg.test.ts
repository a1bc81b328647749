/**
 * Races PostgreSQL must settle for instruments: the same measurement period entered twice at once (one is kept, the
 * other refused as overlapping) and two stage changes at once (both recorded in order, or one refused; never a
 * current stage that disagrees with the history).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { valueOf } from '../../../core/testing/factories.js';
import { anInstrumentInput } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { impactSchema, stageChangeSchema } from '../schema.js';
import { addImpact, changeStage, createInstrument } from './service.js';

const fixture = useDatabaseWorld();
let instrumentId = 0;
const system = systemActor('test');

beforeAll(async () => {
  const input = anInstrumentInput(fixture.world.partnerA.id, 'Raced service', { stage: 'design', stageSince: '2023-01-01' });
  instrumentId = valueOf(await createInstrument(fixture.db, system, input)).id;
});

describe('instruments under concurrency', () => {
  it('keeps one of two overlapping periods entered at the same moment', async () => {
    const period = (start: string, end: string) => impactSchema.parse({ periodStart: start, periodEnd: end, transactions: '100' });
    const outcomes = await Promise.all([
      addImpact(fixture.db, system, instrumentId, period('2023-01-01', '2023-03-31')),
      addImpact(fixture.db, system, instrumentId, period('2023-02-01', '2023-04-30')),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason)).sort()).toEqual(['ok', 'period_overlap']);
    expect(await fixture.db.selectFrom('instrument_impact').select('id').where('instrument_id', '=', instrumentId).execute()).toHaveLength(1);
  });

  it('settles two simultaneous stage changes one after the other, the instrument ending at the last one recorded', async () => {
    const change = (stage: string, on: string) => stageChangeSchema.parse({ stage, occurredOn: on, evidence: 'Raced evidence', reason: '' });
    const outcomes = await Promise.all([
      changeStage(fixture.db, system, instrumentId, change('pilot', '2023-02-01')),
      changeStage(fixture.db, system, instrumentId, change('live', '2023-03-01')),
    ]);
    // Whichever runs second sees the first: after pilot, live is recorded; after live, pilot would go backwards and,
    // given without a reason, is refused. Live is never the one refused.
    const [pilot, live] = outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason));
    expect(live).toBe('ok');
    expect(['ok', 'backwards_without_reason']).toContain(pilot);
    const refused = outcomes.filter((outcome) => !outcome.ok);
    const history = await fixture.db
      .selectFrom('instrument_stages')
      .select(['stage', 'occurred_on'])
      .where('instrument_id', '=', instrumentId)
      .orderBy('id')
      .execute();
    const instrument = await fixture.db.selectFrom('instruments').select(['stage', 'stage_since']).where('id', '=', instrumentId).executeTakeFirstOrThrow();
    expect(history).toHaveLength(3 - refused.length);
    expect([instrument.stage, instrument.stage_since]).toEqual([history.at(-1)?.stage, history.at(-1)?.occurred_on]);
  });
});
