/** Who is told of a workflow step, how each is emailed, and what a person follows. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/database.js';
import { aUser, valueOf } from '../../core/testing/factories.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { setUserActive } from '../accounts/service.js';
import {
  follow,
  followedBy,
  isFollowing,
  markAllNotificationsRead,
  notify,
  recentActivity,
  unfollow,
  unreadCount,
  updateNotificationSettings,
} from './service.js';
import { deliverNotificationEmailsNow, useTestContributions } from './test-support.js';
import type { Notice } from './types.js';
import { getTranslator } from '../../core/i18n/i18n.js';

const fixture = useDatabaseWorld();
useTestContributions({
  kinds: [
    { key: 'testing.stepped', labelKey: 'notifications.test.kind', defaultCadence: 'immediate' },
    { key: 'testing.quiet', labelKey: 'notifications.test.kind', defaultCadence: 'weekly' },
  ],
  targets: [
    {
      type: 'instrument',
      describe: async (_db, ids) => new Map(ids.filter((id) => id < 1000).map((id) => [id, { title: `Instrument ${id}`, href: `/instruments/${id}` }])),
    },
  ],
});

function aNotice(overrides: Partial<Notice> = {}): Notice {
  return {
    kind: 'testing.stepped',
    actorUserId: null,
    recipients: [],
    programmeId: fixture.world.programme.id,
    messageKey: 'notifications.test.stepped',
    values: { title: 'Digital permits' },
    link: '/instruments/7',
    ...overrides,
  };
}

async function send(notice: Notice): Promise<void> {
  await fixture.db.transaction().execute((trx) => notify(trx, notice));
}

function rowsOf(db: Db, userId: number) {
  return db.selectFrom('notifications').select(['kind', 'reason', 'cadence', 'delivery', 'followed_id']).where('user_id', '=', userId).orderBy('id').execute();
}

describe('notify', () => {
  it('tells each recipient once and never the person who acted', async () => {
    const { editorA, editorB, coordinator } = fixture.world.users;
    await send(aNotice({ actorUserId: editorA.id, recipients: [editorA.id, editorB.id, editorB.id, coordinator.id] }));
    expect(await rowsOf(fixture.db, editorA.id)).toEqual([]);
    expect(await rowsOf(fixture.db, editorB.id)).toEqual([
      { kind: 'testing.stepped', reason: 'recipient', cadence: 'immediate', delivery: 'pending_email', followed_id: null },
    ]);
    expect(await unreadCount(fixture.db, coordinator.id)).toBe(1);
  });

  it('tells the followers of the records it names, but not a deactivated person', async () => {
    const follower = await aUser(fixture.db, { role: 'none' });
    const leaving = await aUser(fixture.db, { role: 'none' });
    valueOf(await follow(fixture.db, follower.actor, 'instrument', 7));
    valueOf(await follow(fixture.db, leaving.actor, 'instrument', 7));
    valueOf(await setUserActive(fixture.db, fixture.world.users.admin.actor, leaving.id, false));
    await send(aNotice({ followed: [{ type: 'instrument', id: 7 }] }));
    expect(await rowsOf(fixture.db, follower.id)).toEqual([
      { kind: 'testing.stepped', reason: 'follower', cadence: 'immediate', delivery: 'pending_email', followed_id: 7 },
    ]);
    expect(await rowsOf(fixture.db, leaving.id)).toEqual([]);
  });

  it('follows each person’s choice for the kind, else the kind’s default', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    await send(aNotice({ kind: 'testing.quiet', recipients: [person.id] }));
    valueOf(await updateNotificationSettings(fixture.db, person.actor, new Map([['testing.stepped', 'off' as const]])));
    await send(aNotice({ recipients: [person.id] }));
    expect((await rowsOf(fixture.db, person.id)).map((row) => [row.cadence, row.delivery])).toEqual([
      ['weekly', 'pending_digest'],
      ['off', 'not_emailed'],
    ]);
  });

  it('refuses a kind no module declared: a mistake in the calling code', async () => {
    await expect(send(aNotice({ kind: 'testing.undeclared', recipients: [fixture.world.users.editorB.id] }))).rejects.toThrow(/not declared/);
  });

  it('writes nothing when the step’s transaction rolls back', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    await expect(
      fixture.db.transaction().execute(async (trx) => {
        await notify(trx, aNotice({ recipients: [person.id] }));
        throw new Error('the step failed');
      }),
    ).rejects.toThrow('the step failed');
    expect(await unreadCount(fixture.db, person.id)).toBe(0);
  });
});

describe('immediate emails', () => {
  it('emails each person in their own language, once', async () => {
    const italian = await aUser(fixture.db, { role: 'none', locale: 'it' });
    const swedish = await aUser(fixture.db, { role: 'none', locale: 'sv' });
    await send(aNotice({ recipients: [italian.id, swedish.id] }));
    await deliverNotificationEmailsNow(fixture.db);
    await deliverNotificationEmailsNow(fixture.db);
    const emails = await fixture.db
      .selectFrom('emails')
      .select(['to_address', 'subject', 'body_text', 'headers'])
      .where('to_address', 'in', [italian.email, swedish.email])
      .execute();
    expect(emails).toHaveLength(2);
    const t = await getTranslator();
    const toItalian = emails.find((email) => email.to_address === italian.email);
    expect(toItalian?.subject).toBe(t.translate('it')('notifications.test.stepped.title', { title: 'Digital permits' }));
    expect(toItalian?.body_text).toContain('http://better.test/instruments/7');
    expect(toItalian?.body_text).toContain('http://better.test/notifications/settings');
    expect(toItalian?.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(toItalian?.headers['List-Unsubscribe']).toMatch(/^<http:\/\/better\.test\/notifications\/unsubscribe\/[A-Za-z0-9_-]{43}\?kinds=testing\.stepped>$/);
    expect((await rowsOf(fixture.db, italian.id)).map((row) => row.delivery)).toEqual(['emailed']);
  });
});

describe('follows', () => {
  it('lists what a person follows with titles, and forgets an unfollowed record', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    valueOf(await follow(fixture.db, person.actor, 'instrument', 3));
    valueOf(await follow(fixture.db, person.actor, 'instrument', 3));
    expect(await isFollowing(fixture.db, person.id, 'instrument', 3)).toBe(true);
    expect(await followedBy(fixture.db, person.id)).toEqual([{ type: 'instrument', id: 3, title: 'Instrument 3', href: '/instruments/3' }]);
    valueOf(await unfollow(fixture.db, person.actor, 'instrument', 3));
    expect(await isFollowing(fixture.db, person.id, 'instrument', 3)).toBe(false);
  });

  it('refuses to follow a record that does not exist', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    expect(await follow(fixture.db, person.actor, 'instrument', 5000)).toMatchObject({ ok: false, reason: 'not_found' });
  });
});

describe('reading', () => {
  it('counts unread notifications until they are marked read', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    await send(aNotice({ recipients: [person.id] }));
    await send(aNotice({ recipients: [person.id] }));
    expect(await unreadCount(fixture.db, person.id)).toBe(2);
    expect(valueOf(await markAllNotificationsRead(fixture.db, person.actor))).toBe(2);
    expect(await unreadCount(fixture.db, person.id)).toBe(0);
  });

  it('shows a step sent to several people once in the programme’s recent activity', async () => {
    const { editorA, editorB, coordinator } = fixture.world.users;
    await send(aNotice({ recipients: [editorA.id, editorB.id, coordinator.id], values: { title: 'Shared once' } }));
    const t = (await getTranslator()).translate('en');
    const activity = await recentActivity(fixture.db, [fixture.world.programme.id], 50, t);
    expect(activity.filter((entry) => entry.title.includes('Shared once'))).toHaveLength(1);
  });
});
