/**
 * Who is told when an instrument changes stage: its partner's editors, and — once it is published — the followers of
 * the instrument and of its partner, each in their own language, never the person who moved it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aUser, valueOf, type TestUser } from '../../../core/testing/factories.js';
import { aFollower, whoIsTold } from '../../../core/testing/notices.js';
import { anInstrumentInput } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { changeStage, createInstrument } from './service.js';

const fixture = useDatabaseWorld();
let people: Record<string, TestUser>;
let estonianEditor: TestUser;

beforeAll(async () => {
  const { db, world } = fixture;
  const { coordinator, editorA, editorB, plainUser } = world.users;
  const estonianEditorA = await aUser(db, { role: 'editor', partnerId: world.partnerA.id, locale: 'et' });
  const partnerFollower = await aUser(db, { role: 'none', locale: 'it' });
  await aFollower(db, partnerFollower, 'partner', world.partnerA.id);
  people = { coordinator, editorA, editorB, plainUser, estonianEditorA, partnerFollower };
  estonianEditor = estonianEditorA;
});

describe('an instrument’s stage', () => {
  it('tells the partner’s editors and the followers of the instrument and its partner, naming the stage in their language', async () => {
    const { db, world } = fixture;
    const { id } = valueOf(
      await createInstrument(db, world.users.editorA.actor, anInstrumentInput(world.partnerA.id, 'Parking permits', { stage: 'pilot' }), '2026-02-01'),
    );
    await aFollower(db, world.users.plainUser, 'instrument', id);
    const told = await whoIsTold(db, people, 'instruments.stage_changed', async () =>
      valueOf(
        await changeStage(db, world.users.editorA.actor, id, { stage: 'live', occurredOn: '2026-03-01', evidence: 'Launched.', reason: '' }, '2026-03-02'),
      ),
    );
    expect(told.names).toEqual(['estonianEditorA', 'partnerFollower', 'plainUser']);
    expect(told.titles.partnerFollower).toBe('Parking permits è ora nella fase: In esercizio');
    expect(told.links.plainUser).toBe(`/instruments/${id}`);
  });

  it('tells only the partner’s editors while the instrument is unpublished', async () => {
    const { db, world } = fixture;
    const input = anInstrumentInput(world.partnerA.id, 'Waste app', { stage: 'idea', published: false });
    const { id } = valueOf(await createInstrument(db, world.users.editorA.actor, input, '2026-02-01'));
    const told = await whoIsTold(db, people, 'instruments.stage_changed', async () =>
      valueOf(await changeStage(db, estonianEditor.actor, id, { stage: 'design', occurredOn: '2026-03-01', evidence: 'Specified.', reason: '' }, '2026-03-02')),
    );
    expect(told.names).toEqual(['editorA']);
  });
});
