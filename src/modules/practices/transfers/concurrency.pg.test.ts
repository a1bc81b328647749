/**
 * Races PostgreSQL must settle for transfers: the same interest registered ten times at once, the same stage
 * recorded twice. Each ends with exactly one winner.
 */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { aPractice } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { recordStage, registerInterest } from './service.js';

const fixture = useDatabaseWorld();
const system = systemActor('test');

const practiceOfA = (title: string, status: 'submitted' | 'published') => aPractice(fixture.db, fixture.world.partnerA.id, title, { status });

describe('transfers under concurrency', () => {
  it('keeps one transfer when partner B registers the same interest ten times at once', async () => {
    const practiceId = await practiceOfA('Practice raced for interest', 'published');
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () =>
        registerInterest(fixture.db, system, practiceId, { importerPartnerId: fixture.world.partnerB.id, notes: '' }, '2026-11-27'),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.reason)).toEqual(Array(9).fill('already_registered'));
    const transfers = await fixture.db.selectFrom('transfers').select('id').where('practice_id', '=', practiceId).execute();
    expect(transfers).toHaveLength(1);
  });

  it('records a stage once when two people record it at the same moment', async () => {
    const practiceId = await practiceOfA('Practice raced for a stage', 'published');
    const registered = await registerInterest(fixture.db, system, practiceId, { importerPartnerId: fixture.world.partnerB.id, notes: '' }, '2026-11-27');
    if (!registered.ok) throw new Error(registered.reason);
    const stage = { stage: 'study_visit' as const, occurredOn: '2026-11-27', notes: 'Visited', eventId: null };
    const outcomes = await Promise.all([
      recordStage(fixture.db, system, registered.value.id, stage),
      recordStage(fixture.db, system, registered.value.id, stage),
    ]);
    expect(outcomes.map((outcome) => outcome.ok).sort()).toEqual([false, true]);
    const stages = await fixture.db.selectFrom('transfer_stages').select('stage').where('transfer_id', '=', registered.value.id).orderBy('id').execute();
    expect(stages.map((row) => row.stage)).toEqual(['interest', 'study_visit']);
  });
});
