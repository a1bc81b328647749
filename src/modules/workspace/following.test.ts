/** My work's notifications sections: what the person follows, unread notifications, and their programme's recent activity. */
import { describe, expect, it } from 'vitest';
import { follow, notify } from '../notifications/service.js';
import { useTestContributions } from '../notifications/test-support.js';
import { useWorld } from '../../core/testing/world.js';

const fixture = useWorld();
useTestContributions({
  kinds: [{ key: 'workspace.test_step', labelKey: 'workspace.title', defaultCadence: 'off' }],
  targets: [
    {
      type: 'practice',
      describe: async (_db, ids) => new Map(ids.filter((id) => id === 41).map((id) => [id, { title: 'Followed practice', href: `/practices/${id}` }])),
    },
  ],
});

describe('My work and notifications', () => {
  it('lists what the person follows, their unread notifications and the programme’s recent activity for staff only', async () => {
    const { db } = fixture.context;
    const { users, programme, otherProgramme } = fixture.world;
    const editorA = await fixture.browserFor('editorA');
    expect((await editorA.page('/me')).mainText).toContain('You follow nothing yet.');

    const signedIn = await db.selectFrom('users').select(['id', 'email']).where('email', '=', users.editorA.email).executeTakeFirstOrThrow();
    const actor = { kind: 'user' as const, userId: signedIn.id, displayName: 'A', email: signedIn.email, isAdmin: false, memberships: [] };
    expect((await follow(db, actor, 'practice', 41)).ok).toBe(true);
    const notice = { kind: 'workspace.test_step', actorUserId: null, followed: [], values: {}, messageKey: 'workspace.drafts' };
    await db.transaction().execute(async (trx) => {
      await notify(trx, { ...notice, recipients: [signedIn.id], programmeId: programme.id, link: '/practices/41' });
      await notify(trx, { ...notice, recipients: [signedIn.id], programmeId: otherProgramme.id, link: '/practices/99' });
    });

    const page = await editorA.page('/me');
    const following = page.screen.getByRole('list', { name: 'What I follow' });
    expect(following.textContent).toBe('Practice: Followed practice');
    expect(page.screen.getByRole('link', { name: 'You have 2 unread notifications' }).getAttribute('href')).toBe('/notifications');
    const activity = page.screen.getByRole('list', { name: 'Recent activity in my programme' });
    expect(activity.querySelector('a[href="/practices/41"]')).not.toBeNull();
    expect(activity.querySelector('a[href="/practices/99"]')).toBeNull();

    // A stakeholder sees no programme activity: it names records that are not public yet.
    const stakeholder = await (await fixture.browserFor('stakeholderA')).page('/me');
    expect(stakeholder.screen.queryByRole('heading', { name: 'Recent activity in my programme' })).toBeNull();
  });
});
