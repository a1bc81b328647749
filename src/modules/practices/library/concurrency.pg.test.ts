/** A race PostgreSQL must settle for the review: a practice published twice at the same moment ends with one winner. */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { aPractice } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { changeStatus } from './service.js';

const fixture = useDatabaseWorld();
const system = systemActor('test');

describe('review under concurrency', () => {
  it('publishes once when two reviewers publish the same practice at the same moment', async () => {
    const practiceId = await aPractice(fixture.db, fixture.world.partnerA.id, 'Practice raced in review', { status: 'submitted' });
    const outcomes = await Promise.all([changeStatus(fixture.db, system, practiceId, 'publish'), changeStatus(fixture.db, system, practiceId, 'publish')]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ ok: false, reason: 'wrong_status' });
    const history = await fixture.db
      .selectFrom('practice_history')
      .select(['from_status', 'to_status'])
      .where('practice_id', '=', practiceId)
      .where('from_status', '=', 'submitted')
      .execute();
    expect(history).toHaveLength(1);
  });
});
