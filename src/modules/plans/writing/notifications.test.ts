/**
 * Who is told of each step of an action plan: the coordinators of a submission, the partner's editors of a return or
 * an approval, both of a comment, and of an endorsement also the followers of the partner — each in their own
 * language, never the person who acted.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { aUser, type TestUser } from '../../../core/testing/factories.js';
import { TestBrowser } from '../../../core/testing/http.js';
import { aFollower, whoIsTold } from '../../../core/testing/notices.js';
import { aPlanActionForm, aPlanContextForm } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';

const fixture = useWorld();
let people: Record<string, TestUser>;
let planId = 0;

beforeAll(async () => {
  const { db } = fixture.context;
  const { world } = fixture;
  const { coordinator, otherCoordinator, editorA, editorB, plainUser } = world.users;
  const italianEditorB = await aUser(db, { role: 'editor', partnerId: world.partnerB.id, locale: 'it' });
  const follower = await aUser(db, { role: 'none', locale: 'hu' });
  await aFollower(db, follower, 'partner', world.partnerB.id);
  people = { coordinator, otherCoordinator, editorA, editorB, plainUser, italianEditorB, follower };
  const editor = await fixture.browserFor('editorB');
  const created = await editor.post('/plans', { partnerId: String(world.partnerB.id) });
  planId = Number(String(created.headers.location).split('/').pop());
  await editor.post(`/plans/${planId}/context`, aPlanContextForm());
  await editor.post(`/plans/${planId}/actions`, aPlanActionForm());
});

describe('the plan’s workflow', () => {
  it('tells each step to the people it concerns, in their language, never the one who acted', async () => {
    const { db } = fixture.context;
    const partner = fixture.world.partnerB.name;
    const editor = await fixture.browserFor('editorB');
    const coordinator = await fixture.browserFor('coordinator');
    const peer = await fixture.browserFor('editorA');

    const submitted = await whoIsTold(db, people, 'plans.submitted', () => editor.post(`/plans/${planId}/submission`, {}));
    expect(submitted.names).toEqual(['coordinator']);
    expect(submitted.titles.coordinator).toBe(`Action plan to approve: ${partner}`);
    expect(submitted.links.coordinator).toBe(`/plans/${planId}`);

    const returned = await whoIsTold(db, people, 'plans.returned', () =>
      coordinator.post(`/plans/${planId}/review`, { decision: 'return', comment: 'Add a budget' }),
    );
    expect(returned.names).toEqual(['editorB', 'italianEditorB']);
    expect(returned.titles.italianEditorB).toBe(`Piano d'azione rinviato: ${partner}`);

    const commented = await whoIsTold(db, people, 'plans.commented', () =>
      peer.post(`/plans/${planId}/comments`, { target: 'part1', body: 'Consider the port.' }),
    );
    expect(commented.names).toEqual(['coordinator', 'editorB', 'italianEditorB']);

    await editor.post(`/plans/${planId}/submission`, {});
    const approved = await whoIsTold(db, people, 'plans.approved', () => coordinator.post(`/plans/${planId}/review`, { decision: 'approve', comment: '' }));
    expect(approved.names).toEqual(['editorB', 'italianEditorB']);

    const endorsed = await whoIsTold(db, people, 'plans.endorsed', () =>
      editor.post(`/plans/${planId}/endorsement`, { endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' }),
    );
    expect(endorsed.names).toEqual(['coordinator', 'follower', 'italianEditorB']);
    expect(endorsed.titles.follower).toBe(`Elfogadott cselekvési terv: ${partner}`);
  });

  it('shows the follow button on an endorsed plan to signed-in people only', async () => {
    const signedIn = await (await fixture.browserFor('plainUser')).page(`/plans/${planId}`);
    expect(signedIn.document.querySelector('form[action="/follows"]')).not.toBeNull();
    const visitor = await new TestBrowser(fixture.context.app).page(`/plans/${planId}`);
    expect(visitor.document.querySelector('form[action="/follows"]')).toBeNull();
  });
});
