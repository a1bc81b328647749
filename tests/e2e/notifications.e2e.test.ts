/**
 * Notifications in Chromium: a stakeholder's proposal goes through acceptance, review and publication, and each
 * person sees what concerns them on /me and on /notifications — in their own language, never for their own step —
 * and by email through the outbox; a follower of the partner hears of the publication. Then the same journey without
 * JavaScript, and the settings page. axe-core checks every page visited with JavaScript.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendDigests } from '../../src/modules/notifications/service.js';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

const stakeholder = 'stakeholder@better.example'; // English
const tartuEditor = 'editor.tartu@better.example'; // Estonian
const coordinator = 'coordinator@better.example'; // Italian
const gavleEditor = 'editor.gavle@better.example'; // Swedish: follows Tartu in the journey

/** Opens a page signed in as the person; the interface is in their account's language until they switch to English. */
async function signedIn(email: string, options: { javaScript?: boolean; english?: boolean } = {}): Promise<Page> {
  const javaScript = options.javaScript ?? true;
  const page = await session.openPage({ javaScriptEnabled: javaScript });
  await signIn(page, email, { checkAccessibility: javaScript });
  if (options.english ?? true) await inEnglish(page);
  return page;
}

async function inEnglish(page: Page): Promise<void> {
  await page.goto('/language/en?next=/me');
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
}

/** Goes to a page, checked by axe when the page runs JavaScript. */
async function open(page: Page, path: string, javaScript: boolean): Promise<void> {
  if (javaScript) await visit(page, path);
  else expect((await page.goto(path))?.status(), path).toBeLessThan(400);
}

/** The person's notifications as their list shows them: each title, and whether it is marked unread. */
async function notificationsOf(page: Page, javaScript = true): Promise<{ title: string; unread: boolean }[]> {
  await open(page, '/notifications', javaScript);
  return page.locator('.notification-list > li').evaluateAll((items) =>
    items.map((item) => ({
      title: item.querySelector('a')?.textContent?.trim() ?? '',
      unread: item.classList.contains('notification-item--unread'),
    })),
  );
}

async function waitingOnMyWork(page: Page, javaScript = true): Promise<string> {
  await open(page, '/me', javaScript);
  return (await page.getByRole('region', { name: /Waiting for me/ }).textContent()) ?? '';
}

/** The notification rows a person has about one practice, straight from the table (to check who was not told). */
async function toldAbout(email: string, practiceId: number): Promise<string[]> {
  const rows = await session.platform.database.db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .select('notifications.kind')
    .where('users.email', '=', email)
    .where('notifications.link', '=', `/practices/${practiceId}`)
    .orderBy('notifications.id')
    .execute();
  return rows.map((row) => row.kind);
}

async function emailsTo(email: string, subjectContains: string) {
  return session.platform.database.db
    .selectFrom('emails')
    .select(['subject', 'body_text', 'headers'])
    .where('to_address', '=', email)
    .where('subject', 'like', `%${subjectContains}%`)
    .execute();
}

async function propose(page: Page, title: string, javaScript: boolean): Promise<number> {
  await open(page, '/practices/proposals/new', javaScript);
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: 'Tartu City Government' });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Short summary').fill('Pupils build small apps on the city’s open data with university students as mentors.');
  await page
    .getByRole('group', { name: /Themes/ })
    .getByRole('checkbox')
    .first()
    .check();
  await page.getByRole('button', { name: 'Send the proposal' }).click();
  await page.waitForURL(/\/practices\/\d+$/);
  if (javaScript) await expectAccessible(page);
  expect(await page.getByRole('status').textContent()).toContain('Your proposal has been sent to the partner.');
  return Number(new URL(page.url()).pathname.split('/').at(-1));
}

async function decide(page: Page, kind: 'proposal' | 'review', decision: string, javaScript: boolean): Promise<void> {
  await page.waitForURL(new RegExp(`/practices/\\d+/${kind}$`));
  if (javaScript) await expectAccessible(page);
  await page.getByLabel(decision).check();
  await page.getByRole('button', { name: 'Save the decision' }).click();
  await page.waitForURL(/\/practices\/\d+$/);
  if (javaScript) await expectAccessible(page);
}

describe('a proposal accepted, reviewed and published', () => {
  it('tells each person concerned, in their language, on /me, in notifications and by email, never of their own step', async () => {
    const title = 'Open data lab for school pupils';
    const db = session.platform.database.db;

    // Gävle's editor follows Tartu with the partner page's Follow button, to hear of what Tartu publishes.
    const follower = await signedIn(gavleEditor);
    await visit(follower, '/partners');
    await follower.getByRole('link', { name: /Tartu/ }).first().click();
    await follower.waitForURL(/\/partners\/\d+$/);
    await expectAccessible(follower);
    await follower.getByRole('button', { name: 'Follow', exact: true }).click();
    await follower.waitForURL(/\/partners\/\d+$/);
    await expectAccessible(follower);
    expect(await follower.getByRole('status').textContent()).toContain('You now follow “Tartu City Government”');
    expect(await follower.getByRole('button', { name: 'Following — stop following' }).count()).toBe(1);

    // 1. The stakeholder proposes a practice to Tartu.
    const proposer = await signedIn(stakeholder);
    const practiceId = await propose(proposer, title, true);
    await session.platform.runTasks();
    expect(await toldAbout(stakeholder, practiceId)).toEqual([]);

    // 2. Tartu's editor finds it in their notifications, in Estonian, unread, and by email in Estonian …
    const editor = await signedIn(tartuEditor, { english: false });
    expect(await editor.locator('html').getAttribute('lang')).toBe('et');
    expect(await notificationsOf(editor)).toContainEqual({ title: `Uus ettepanek: ${title}`, unread: true });
    const [proposalEmail] = await emailsTo(tartuEditor, title);
    expect(proposalEmail?.subject).toBe(`Uus ettepanek: ${title}`);
    expect(proposalEmail?.body_text).toContain('Siim Stakeholder');
    expect(proposalEmail?.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    // … and among what waits on /me, from which they accept it.
    await inEnglish(editor);
    expect(await waitingOnMyWork(editor)).toContain(title);
    await editor
      .getByRole('region', { name: /Waiting for me/ })
      .getByRole('link', { name: title })
      .click();
    await decide(editor, 'proposal', 'Accept it as a draft', true);
    expect(await editor.getByRole('status').textContent()).toContain('The proposal is now a draft of your partner.');

    // 3. The proposer is told of the outcome, in English, on the platform and by email.
    await session.platform.runTasks();
    expect(await notificationsOf(proposer)).toContainEqual({ title: `Your proposal was accepted: ${title}`, unread: true });
    expect((await emailsTo(stakeholder, title)).map((email) => email.subject)).toEqual([`Your proposal was accepted: ${title}`]);

    // 4. The editor submits it for review; the coordinator finds it in Italian in notifications and by email …
    await visit(editor, `/practices/${practiceId}`);
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.waitForURL(/\/practices\/\d+$/);
    await expectAccessible(editor);
    await session.platform.runTasks();
    const reviewer = await signedIn(coordinator, { english: false });
    expect(await reviewer.locator('html').getAttribute('lang')).toBe('it');
    expect(await notificationsOf(reviewer)).toContainEqual({ title: `Pratica da rivedere: ${title}`, unread: true });
    expect((await emailsTo(coordinator, title)).map((email) => email.subject)).toEqual([`Pratica da rivedere: ${title}`]);
    // … and on /me, from which they publish it.
    await inEnglish(reviewer);
    expect(await waitingOnMyWork(reviewer)).toContain(title);
    await reviewer
      .getByRole('region', { name: /Waiting for me/ })
      .getByRole('link', { name: title })
      .click();
    await decide(reviewer, 'review', 'Publish it', true);
    expect(await reviewer.getByRole('status').textContent()).toContain('The practice has been published.');

    // 5. The editor, the proposer and the follower read "published"; nobody was told of their own step.
    await session.platform.runTasks();
    for (const page of [editor, proposer, follower])
      expect(await notificationsOf(page)).toContainEqual({ title: `Practice published: ${title}`, unread: true });
    expect(await toldAbout(stakeholder, practiceId)).toEqual(['practices.proposal_decided', 'practices.published']);
    expect(await toldAbout(tartuEditor, practiceId)).toEqual(['practices.proposed', 'practices.published']);
    expect(await toldAbout(coordinator, practiceId)).toEqual(['practices.submitted']);
    expect(await toldAbout(gavleEditor, practiceId)).toEqual(['practices.published']);
    const followerRow = await db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.user_id')
      .select(['reason', 'followed_type'])
      .where('users.email', '=', gavleEditor)
      .where('link', '=', `/practices/${practiceId}`)
      .executeTakeFirstOrThrow();
    expect(followerRow).toEqual({ reason: 'follower', followed_type: 'partner' });

    // A publication is news: it waits for the next daily digest, which the follower gets in Swedish.
    expect(await emailsTo(gavleEditor, title)).toEqual([]);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    tomorrow.setUTCHours(7, 0, 0, 0);
    await sendDigests(db, { translator: session.platform.app.translator, publicUrl: session.platform.baseUrl }, tomorrow);
    const [digest] = await db.selectFrom('emails').select(['subject', 'body_text']).where('to_address', '=', gavleEditor).orderBy('id', 'desc').execute();
    expect(digest?.body_text).toContain(`Exempel publicerat: ${title}`);
    expect(digest?.body_text).toContain('du valt en daglig sammanfattning');

    // Opening a notification leads to the practice and marks it read.
    await editor.getByRole('link', { name: `Practice published: ${title}` }).click();
    await editor.waitForURL(new RegExp(`/practices/${practiceId}$`));
    await expectAccessible(editor);
    expect(await notificationsOf(editor)).toContainEqual({ title: `Practice published: ${title}`, unread: false });

    for (const page of [follower, proposer, editor, reviewer]) await page.context().close();
  });

  it('works the same without JavaScript', async () => {
    const title = 'Neighbourhood data walks';
    const proposer = await signedIn(stakeholder, { javaScript: false });
    const practiceId = await propose(proposer, title, false);
    await session.platform.runTasks();

    const editor = await signedIn(tartuEditor, { javaScript: false });
    expect(await notificationsOf(editor, false)).toContainEqual({ title: `New proposal: ${title}`, unread: true });
    expect(await waitingOnMyWork(editor, false)).toContain(title);
    await editor
      .getByRole('region', { name: /Waiting for me/ })
      .getByRole('link', { name: title })
      .click();
    await decide(editor, 'proposal', 'Accept it as a draft', false);
    await editor.getByRole('button', { name: 'Submit for review' }).click();
    await editor.waitForURL(/\/practices\/\d+$/);
    expect(await editor.getByRole('status').textContent()).toContain('The practice has been submitted for review.');

    expect(await notificationsOf(proposer, false)).toContainEqual({ title: `Your proposal was accepted: ${title}`, unread: true });

    const reviewer = await signedIn(coordinator, { javaScript: false });
    expect(await notificationsOf(reviewer, false)).toContainEqual({ title: `Practice to review: ${title}`, unread: true });
    expect(await waitingOnMyWork(reviewer, false)).toContain(title);
    await reviewer
      .getByRole('region', { name: /Waiting for me/ })
      .getByRole('link', { name: title })
      .click();
    await decide(reviewer, 'review', 'Publish it', false);

    expect(await notificationsOf(editor, false)).toContainEqual({ title: `Practice published: ${title}`, unread: true });
    expect(await notificationsOf(proposer, false)).toContainEqual({ title: `Practice published: ${title}`, unread: true });
    expect(await toldAbout(coordinator, practiceId)).toEqual(['practices.submitted']);

    // Marking everything read is a plain form too.
    await editor.getByRole('button', { name: 'Mark all as read' }).click();
    await editor.waitForURL(/\/notifications$/);
    expect((await notificationsOf(editor, false)).filter((entry) => entry.unread)).toEqual([]);
    for (const page of [proposer, editor, reviewer]) await page.context().close();
  });
});

describe('the notification settings', () => {
  it('keep a weekly digest chosen for a kind, and show the demo coordinator’s own choice', async () => {
    const page = await signedIn(tartuEditor);
    await visit(page, '/notifications/settings');
    const transferStages = page.getByRole('group', { name: 'A transfer stage is recorded' });
    expect(await transferStages.getByLabel('In a daily digest').isChecked()).toBe(true);
    await transferStages.getByLabel('In a weekly digest (Mondays)').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.waitForURL(/\/notifications\/settings$/);
    await expectAccessible(page);
    expect(await page.getByRole('status').textContent()).toContain('Your notification settings are saved.');
    await page.reload();
    expect(await page.getByRole('group', { name: 'A transfer stage is recorded' }).getByLabel('In a weekly digest (Mondays)').isChecked()).toBe(true);
    const saved = await session.platform.database.db
      .selectFrom('notification_preferences')
      .innerJoin('users', 'users.id', 'notification_preferences.user_id')
      .select('cadence')
      .where('users.email', '=', tartuEditor)
      .where('kind', '=', 'practices.transfer_stage')
      .executeTakeFirstOrThrow();
    expect(saved.cadence).toBe('weekly');
    await page.context().close();

    const coordinatorPage = await signedIn(coordinator);
    await visit(coordinatorPage, '/notifications/settings');
    const reports = coordinatorPage.getByRole('group', { name: 'A semester report is filed or corrected' });
    expect(await reports.getByLabel('In a weekly digest (Mondays)').isChecked()).toBe(true);
    await coordinatorPage.context().close();
  });
});
