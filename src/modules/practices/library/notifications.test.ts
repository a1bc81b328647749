/**
 * Who the library tells about each step: a proposal's partner editors and its proposer, the coordinator of a
 * submission, the partner's editors (and the followers of the practice and its partner) of a publication or a return,
 * both partners of a transfer stage — each in their own language, never the person who acted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aUser, valueOf, type TestUser } from '../../../core/testing/factories.js';
import { aFollower, whoIsTold } from '../../../core/testing/notices.js';
import { aPractice, aPracticeInput } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { changeStatus, proposePractice, recordStage, registerInterest, updatePractice } from '../service.js';

const fixture = useDatabaseWorld();
let people: Record<string, TestUser>;
let italianEditorA: TestUser;
let follower: TestUser;

beforeAll(async () => {
  const { db, world } = fixture;
  const { coordinator, otherCoordinator, editorA, editorB, stakeholderA, plainUser } = world.users;
  italianEditorA = await aUser(db, { role: 'editor', partnerId: world.partnerA.id, locale: 'it' });
  follower = await aUser(db, { role: 'none', locale: 'sv' });
  people = { coordinator, otherCoordinator, editorA, editorB, stakeholderA, plainUser, italianEditorA, follower };
});

describe('proposals', () => {
  it('tells the partner’s editors of a proposal, in their language, and the proposer of its outcome', async () => {
    const { db, world } = fixture;
    let id = 0;
    const proposed = await whoIsTold(db, people, 'practices.proposed', async () => {
      id = valueOf(await proposePractice(db, world.users.stakeholderA.actor, aPracticeInput(world.partnerA.id, { title: 'Open data kiosks' }))).id;
    });
    expect(proposed.names).toEqual(['editorA', 'italianEditorA']);
    expect(proposed.titles.italianEditorA).toBe('Nuova proposta: Open data kiosks');
    expect(proposed.titles.editorA).toBe('New proposal: Open data kiosks');
    expect(proposed.links.editorA).toBe(`/practices/${id}`);

    const accepted = await whoIsTold(db, people, 'practices.proposal_decided', async () =>
      valueOf(await changeStatus(db, world.users.editorA.actor, id, 'accept')),
    );
    expect(accepted.names).toEqual(['stakeholderA']);
    expect(accepted.titles.stakeholderA).toBe('Your proposal was accepted: Open data kiosks');
  });

  it('tells the proposer of a declined proposal', async () => {
    const { db, world } = fixture;
    const { id } = valueOf(await proposePractice(db, world.users.stakeholderA.actor, aPracticeInput(world.partnerA.id, { title: 'Solar benches' })));
    const declined = await whoIsTold(db, people, 'practices.proposal_decided', async () =>
      valueOf(await changeStatus(db, italianEditorA.actor, id, 'decline')),
    );
    expect(declined.names).toEqual(['stakeholderA']);
    expect(declined.titles.stakeholderA).toBe('Your proposal was declined: Solar benches');
  });
});

describe('review', () => {
  it('tells the programme’s coordinators (not another programme’s) of a submission, never the editor who submitted', async () => {
    const { db, world } = fixture;
    const id = await aPractice(db, world.partnerA.id, 'Library of things');
    const told = await whoIsTold(db, people, 'practices.submitted', async () => valueOf(await changeStatus(db, world.users.editorA.actor, id, 'submit')));
    expect(told.names).toEqual(['coordinator']);
    expect(told.titles.coordinator).toBe('Practice to review: Library of things');
  });

  it('tells the partner’s editors and the followers of the partner of a publication, in their languages', async () => {
    const { db, world } = fixture;
    await aFollower(db, follower, 'partner', world.partnerA.id);
    const id = await aPractice(db, world.partnerA.id, 'Repair café', { status: 'submitted' });
    const told = await whoIsTold(db, people, 'practices.published', async () => valueOf(await changeStatus(db, world.users.coordinator.actor, id, 'publish')));
    expect(told.names).toEqual(['editorA', 'follower', 'italianEditorA']);
    expect(told.titles.italianEditorA).toBe('Pratica pubblicata: Repair café');
    expect(told.titles.follower).toBe('Exempel publicerat: Repair café');
  });

  it('tells the partner’s editors of a return, and the followers of the practice once it was published', async () => {
    const { db, world } = fixture;
    const id = await aPractice(db, world.partnerA.id, 'Bike library', { status: 'published' });
    await aFollower(db, world.users.plainUser, 'practice', id);
    const told = await whoIsTold(db, people, 'practices.returned', async () =>
      valueOf(await changeStatus(db, world.users.coordinator.actor, id, 'return', 'Add evidence')),
    );
    expect(told.names).toEqual(['editorA', 'follower', 'italianEditorA', 'plainUser']);
    expect(told.titles.editorA).toBe('Practice returned: Bike library');
  });

  it('tells the followers of a published practice that it was changed, not the editor who changed it', async () => {
    const { db, world } = fixture;
    const id = await aPractice(db, world.partnerA.id, 'Tool library', { status: 'published' });
    await aFollower(db, world.users.plainUser, 'practice', id);
    const told = await whoIsTold(db, people, 'practices.updated', async () =>
      valueOf(await updatePractice(db, world.users.editorA.actor, id, aPracticeInput(world.partnerA.id, { title: 'Tool library' }))),
    );
    expect(told.names).toEqual(['follower', 'plainUser']);
    expect(told.titles.plainUser).toBe('Practice changed: Tool library');
  });
});

describe('transfers', () => {
  it('tells the editors of both partners and the practice’s followers of each stage, naming the stage in their language', async () => {
    const { db, world } = fixture;
    const id = await aPractice(db, world.partnerA.id, 'Seed bank', { status: 'published' });
    let transferId = 0;
    const interest = await whoIsTold(db, people, 'practices.transfer_stage', async () => {
      transferId = valueOf(await registerInterest(db, world.users.editorB.actor, id, { importerPartnerId: world.partnerB.id, notes: '' }, '2026-01-10')).id;
    });
    expect(interest.names).toEqual(['editorA', 'italianEditorA']);
    expect(interest.titles.italianEditorA).toBe('Trasferimento di Seed bank: Interesse manifestato');
    expect(interest.links.editorA).toBe(`/transfers/${transferId}`);

    await aFollower(db, world.users.plainUser, 'practice', id);
    const visit = await whoIsTold(db, people, 'practices.transfer_stage', async () =>
      valueOf(await recordStage(db, world.users.editorA.actor, transferId, { stage: 'study_visit', occurredOn: '2026-02-01', notes: '', eventId: null })),
    );
    expect(visit.names).toEqual(['editorB', 'italianEditorA', 'plainUser']);
    expect(visit.titles.editorB).toBe('Transfer of Seed bank: Study visit');
  });
});
