/** The notification pages as a person uses them: the list, opening one, settings, unsubscribing, following. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { declaredKinds } from './kinds.js';
import { notify } from './service.js';
import { deliverNotificationEmailsNow, useTestContributions } from './test-support.js';
import type { Notice } from './types.js';

const fixture = useWorld();
useTestContributions({
  kinds: [
    { key: 'testing.stepped', labelKey: 'notifications.test.kind', defaultCadence: 'immediate' },
    { key: 'testing.other', labelKey: 'notifications.test.kind', defaultCadence: 'daily' },
  ],
  targets: [
    { type: 'event', describe: async (_db, ids) => new Map(ids.filter((id) => id < 1000).map((id) => [id, { title: `Event ${id}`, href: `/events/${id}` }])) },
  ],
});

async function tell(userId: number, overrides: Partial<Notice> = {}): Promise<void> {
  await fixture.context.db.transaction().execute((trx) =>
    notify(trx, {
      kind: 'testing.stepped',
      actorUserId: null,
      recipients: [userId],
      programmeId: fixture.world.programme.id,
      messageKey: 'notifications.test.stepped',
      values: { title: 'Harbour permits' },
      link: '/events/4',
      ...overrides,
    }),
  );
}

function preferencesOf(userId: number) {
  return fixture.context.db.selectFrom('notification_preferences').select(['kind', 'cadence']).where('user_id', '=', userId).orderBy('kind').execute();
}

describe('the notifications page', () => {
  it('lists unread notifications in words, counts them in the navigation, and opening one marks it read', async () => {
    const { editorB } = fixture.world.users;
    await tell(editorB.id, { values: { title: 'First' } });
    await tell(editorB.id, { values: { title: 'Second' } });
    const browser = await fixture.browserFor('editorB');
    const page = readPage(await browser.get('/notifications', { accept: 'text/html' }));
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('link', { name: 'Notifications (2 unread)' })).toBeTruthy();
    expect(page.mainText).toContain('You have 2 unread notification(s).');
    const items = [...page.document.querySelectorAll('.notification-item')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toMatch(/^Unread Test step on “Second”/);
    expect(items[1]).toMatch(/^Unread Test step on “First”/);

    const href = page.screen.getByRole('link', { name: 'Test step on “Second”' }).getAttribute('href') ?? '';
    const opened = await browser.get(href);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe('/events/4');
    const after = readPage(await browser.get('/notifications', { accept: 'text/html' }));
    expect(after.screen.getByRole('link', { name: 'Notifications (1 unread)' })).toBeTruthy();

    expect((await browser.post('/notifications/read', {})).statusCode).toBe(303);
    const read = readPage(await browser.get('/notifications', { accept: 'text/html' }));
    expect(read.mainText).toContain('You have read all your notifications.');
    expect(read.screen.getByRole('link', { name: 'Notifications' })).toBeTruthy();
    expect(read.mainText).not.toContain('Unread');
  });

  it('does not open another person’s notification', async () => {
    const { editorA } = fixture.world.users;
    await tell(editorA.id);
    const [own] = await fixture.context.db.selectFrom('notifications').select('id').where('user_id', '=', editorA.id).execute();
    const other = await fixture.browserFor('stakeholderA');
    expect((await other.get(`/notifications/${own?.id}`)).statusCode).toBe(404);
  });

  it('sends an anonymous visitor to sign in', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/notifications');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fnotifications');
  });
});

describe('notification settings', () => {
  /** The settings form as the page offers it (every installed module's kinds with their current choice), changed by `choices`. */
  async function settingsForm(browser: TestBrowser, choices: Record<string, string>): Promise<Record<string, string>> {
    const form = readPage(await browser.get('/notifications/settings'));
    const offered = [...form.document.querySelectorAll<HTMLInputElement>('input[type="radio"]:checked')].map((radio): [string, string] => [
      radio.name,
      radio.value,
    ]);
    return { ...Object.fromEntries<string>(offered), ...choices };
  }

  it('lists every problem at once and keeps what was chosen', async () => {
    const browser = await fixture.browserFor('coordinator');
    const page = readPage(
      await browser.post('/notifications/settings', await settingsForm(browser, { 'testing.stepped': 'weekly', 'testing.other': 'sometimes' })),
    );
    expect(page.status).toBe(400);
    expect(page.title).toMatch(/^Error:/);
    const summary = page.document.querySelector('.error-summary');
    expect(summary?.querySelectorAll('li')).toHaveLength(1);
    expect(summary?.textContent).toContain('Choose how you are told about this');
    expect(page.document.querySelector<HTMLInputElement>('input[name="testing.stepped"][value="weekly"]')?.checked).toBe(true);
    expect(await preferencesOf(fixture.world.users.coordinator.id)).toEqual([]);
  });

  it('saves a choice per kind, records it in the audit log, and the next notice follows it', async () => {
    const { coordinator } = fixture.world.users;
    const browser = await fixture.browserFor('coordinator');
    const form = readPage(await browser.get('/notifications/settings'));
    // One set of radios per kind (both test kinds share a label), each with the four cadences.
    expect(form.screen.getAllByRole('group', { name: 'A test step happens' })).toHaveLength(2);
    for (const kind of ['testing.stepped', 'testing.other']) expect(form.document.querySelectorAll(`input[type="radio"][name="${kind}"]`)).toHaveLength(4);
    const saved = await browser.post('/notifications/settings', await settingsForm(browser, { 'testing.stepped': 'off', 'testing.other': 'weekly' }));
    expect(saved.statusCode).toBe(303);
    expect(await preferencesOf(coordinator.id)).toEqual([
      { kind: 'testing.other', cadence: 'weekly' },
      { kind: 'testing.stepped', cadence: 'off' },
    ]);
    const audit = await fixture.context.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'notification.settings')
      .where('entity_id', '=', String(coordinator.id))
      .execute();
    expect(audit).toHaveLength(1);
    await tell(coordinator.id);
    const [row] = await fixture.context.db.selectFrom('notifications').select(['delivery']).where('user_id', '=', coordinator.id).execute();
    expect(row?.delivery).toBe('not_emailed');
  });
});

describe('the unsubscribe link', () => {
  async function emailedLink(userId: number, email: string): Promise<string> {
    await tell(userId);
    await deliverNotificationEmailsNow(fixture.context.db);
    const sent = await fixture.context.db
      .selectFrom('emails')
      .select('headers')
      .where('to_address', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return (sent.headers['List-Unsubscribe'] ?? '').replace(/^<http:\/\/better\.test|>$/g, '');
  }

  it('asks first: opening the link changes nothing', async () => {
    const { editorA } = fixture.world.users;
    const link = await emailedLink(editorA.id, editorA.email);
    const page = readPage(await new TestBrowser(fixture.context.app).get(link));
    expect(page.status).toBe(200);
    expect([...page.document.querySelectorAll('main li')].map((item) => item.textContent)).toEqual(['A test step happens']);
    expect(page.screen.getByRole('button', { name: 'Stop these emails' })).toBeTruthy();
    expect(await preferencesOf(editorA.id)).toEqual([]);
  });

  it('turns the email’s kind off with the one-click POST a mail client sends, without session or CSRF token', async () => {
    const { stakeholderA } = fixture.world.users;
    const link = await emailedLink(stakeholderA.id, stakeholderA.email);
    const response = await fixture.context.app.inject({
      method: 'POST',
      url: link,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(200);
    expect(await preferencesOf(stakeholderA.id)).toEqual([{ kind: 'testing.stepped', cadence: 'off' }]);
  });

  it('accepts the one-click POST as multipart/form-data too (RFC 8058)', async () => {
    const { plainUser } = fixture.world.users;
    const link = await emailedLink(plainUser.id, plainUser.email);
    const boundary = 'x-boundary';
    const response = await fixture.context.app.inject({
      method: 'POST',
      url: link,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(response.statusCode).toBe(200);
    expect(await preferencesOf(plainUser.id)).toEqual([{ kind: 'testing.stepped', cadence: 'off' }]);
  });

  it('turns every kind off through a link that names none, and refuses an unknown token', async () => {
    const { otherCoordinator } = fixture.world.users;
    const link = (await emailedLink(otherCoordinator.id, otherCoordinator.email)).replace(/\?.*$/, '');
    expect(
      (await fixture.context.app.inject({ method: 'POST', url: link, payload: '', headers: { 'content-type': 'application/x-www-form-urlencoded' } }))
        .statusCode,
    ).toBe(200);
    const declared = [...declaredKinds().keys()].sort();
    expect(declared).toEqual(expect.arrayContaining(['testing.other', 'testing.stepped']));
    expect(await preferencesOf(otherCoordinator.id)).toEqual(declared.map((kind) => ({ kind, cadence: 'off' })));
    const unknown = await fixture.context.app.inject({ method: 'POST', url: `/notifications/unsubscribe/${'A'.repeat(43)}` });
    expect(unknown.statusCode).toBe(404);
  });

  it('still needs a CSRF token everywhere else', async () => {
    const browser = await fixture.browserFor('editorA');
    expect((await browser.post('/notifications/read', {}, { csrf: false })).statusCode).toBe(403);
  });
});

describe('following', () => {
  it('follows and unfollows a record and comes back to its page, never to another site', async () => {
    const browser = await fixture.browserFor('editorA');
    const followed = await browser.post('/follows', { type: 'event', id: '4', returnTo: '/events/4' });
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe('/events/4');
    const rows = await fixture.context.db
      .selectFrom('follows')
      .select(['target_type', 'target_id'])
      .where('user_id', '=', fixture.world.users.editorA.id)
      .execute();
    expect(rows).toEqual([{ target_type: 'event', target_id: 4 }]);
    const stopped = await browser.post('/follows/delete', { type: 'event', id: '4', returnTo: '//evil.example/' });
    expect(stopped.headers.location).toBe('/');
    expect(await fixture.context.db.selectFrom('follows').select('id').where('user_id', '=', fixture.world.users.editorA.id).execute()).toEqual([]);
  });

  it('refuses a record that does not exist and a type that cannot be followed', async () => {
    const browser = await fixture.browserFor('editorA');
    expect((await browser.post('/follows', { type: 'event', id: '5000', returnTo: '/' })).statusCode).toBe(404);
    expect((await browser.post('/follows', { type: 'user', id: '1', returnTo: '/' })).statusCode).toBe(400);
  });
});
