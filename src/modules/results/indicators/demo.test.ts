/** The demo's indicators: the built-in set switched on with the project's targets, and illustrative reported values. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../core/testing/world.js';
import { seedDemo } from '../../../seed.js';
import { listIndicators, reviewQueue } from './service.js';

const database = useTestDatabase();
let programmeId = 0;
beforeAll(async () => {
  const outcome = await seedDemo(database.db);
  if (!outcome.ok) throw new Error('demo not loaded');
  programmeId = outcome.value.programmeId;
});

describe('the demo indicators', () => {
  it('targets 5 action plans, 3 instruments and the 24 phase-1 events, split per partner', async () => {
    const indicators = await listIndicators(database.db, programmeId);
    const byKey = (key: string) => indicators.find((indicator) => indicator.builtinKey === key);
    expect(byKey('ie.action_plans')?.programmeTarget).toBe(5);
    expect(byKey('better.instruments_developed')?.programmeTarget).toBe(3);
    const events = byKey('ie.learning_events');
    expect(events?.programmeTarget).toBe(24);
    expect(events?.partnerTargets.reduce((sum, target) => sum + target.target, 0)).toBe(24);
  });

  it('has validated values, one waiting for validation and one returned with a comment, all illustrative', async () => {
    const submitted = await reviewQueue(database.db, programmeId, 'submitted');
    const returned = await reviewQueue(database.db, programmeId, 'returned');
    const validated = await reviewQueue(database.db, programmeId, 'validated');
    expect(submitted).toHaveLength(1);
    expect(returned).toHaveLength(1);
    expect(returned[0]?.reviewComment).not.toBe('');
    expect(validated.length).toBeGreaterThanOrEqual(3);
    expect([...submitted, ...returned, ...validated].every((report) => report.illustrative)).toBe(true);
    expect(validated.some((report) => report.evidence.some((item) => item.url !== null))).toBe(true);
  });
});
