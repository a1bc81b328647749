/**
 * Event participants in Chromium: registering for an online event and finding its join link on the private page,
 * cancelling after being asked, "I lost my link" answering alike for any address, the host's check-in at the door
 * keeping the search and the row, and the certificate of attendance. axe-core checks every page with scripts on; the
 * check-in and the cancellation are walked again with JavaScript off. Every page of the journey is also measured at
 * 320 CSS pixels: no sideways scrolling of the page itself (WCAG 1.4.10; tables scroll inside their own region).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { latestEmailTo } from '../../src/modules/events/test-support.js';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();
const narrow = { viewport: { width: 320, height: 640 } };
const webinar = 'Webinar: artificial intelligence in municipal services, three years on';
const studyVisit = 'Study visit: the innovation-capacity training in Gävle';
const pastOnlineVisit = 'Study visit: the internal innovation group in Gävle';
const host = 'editor.gavle@better.example';

async function eventId(title: string): Promise<number> {
  return (await session.platform.database.db.selectFrom('events').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
}

/** Fails when the page itself scrolls sideways, naming the elements that stick out (outside any scrolling region). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const measured = await page.evaluate(() => {
    const root = document.documentElement;
    const insideScrollingRegion = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement)
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      return false;
    };
    const outside = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth && !insideScrollingRegion(element))
      .map(
        (element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} (right edge ${Math.round(element.getBoundingClientRect().right)})`,
      );
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, outside };
  });
  expect(measured.scrollWidth, `${page.url()} scrolls sideways; sticking out: ${measured.outside.join(', ')}`).toBeLessThanOrEqual(measured.clientWidth);
}

/** A registered person's private link, asked for again through "I lost my link" (the demo's people never saw theirs). */
async function askForLink(page: Page, eventId: number, email: string): Promise<string> {
  await page.goto(`/events/${eventId}/registration-link`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send me the link' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
  const { token } = await latestEmailTo(session.platform.database.db, email);
  if (token === undefined) throw new Error(`No link was emailed to ${email}`);
  return token;
}

/** Signs the Gävle editor in and shows the pages in English (their own language is Swedish). */
async function signInHost(page: Page, options: { checkAccessibility?: boolean } = {}): Promise<void> {
  await signIn(page, host, options);
  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
}

/** Fills the event page's registration form (name, address, organisation, helix, region, role, consent) and sends it. */
async function register(page: Page, name: string, email: string): Promise<void> {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Organisation, if not in the list').fill('Gävle Library Friends');
  await page.getByRole('radio', { name: 'Civil society' }).check();
  await page.getByRole('radio', { name: /Norra Mellansverige/ }).check();
  await page.getByLabel('Your role').selectOption({ label: 'Citizen' });
  await page.getByLabel(/I agree that my name/).check();
  await page.getByRole('button', { name: 'Register' }).click();
}

/**
 * At the check-in list: finds people by the name most of them share, checks in the last one found, and expects the
 * page back with the same search, at that person's row, saying who was checked in.
 */
async function checkInSomeone(page: Page, eventId: number, options: { axe: boolean }): Promise<string> {
  await page.goto(`/events/${eventId}/attendance`);
  if (options.axe) await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  const names = await page.locator('.check-in-list__item strong').allTextContents();
  const counts = new Map<string, number>();
  for (const word of names.flatMap((name) => name.split(' '))) counts.set(word, (counts.get(word) ?? 0) + 1);
  const query = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  expect(counts.get(query), 'a name several people share').toBeGreaterThan(1);

  await page.getByLabel('Find a name or organisation').fill(query);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  if (options.axe) await expectAccessible(page);
  const found = page.locator('.check-in-list__item');
  expect(await found.count()).toBeGreaterThan(1);
  expect(await found.count()).toBeLessThan(names.length);
  // The last person found who is not checked in yet (an earlier journey may have checked someone in).
  const target = found.filter({ has: page.getByRole('button', { name: /^Check in / }) }).last();
  const button = target.getByRole('button', { name: /^Check in / });
  const name = ((await button.textContent()) ?? '').replace(/^Check in\s+/, '').trim();
  const rowId = await target.getAttribute('id');
  await button.click();

  await page.waitForURL((url) => url.hash === `#${rowId}`);
  const url = new URL(page.url());
  expect(url.searchParams.get('q'), 'the search is kept').toBe(query);
  expect(await page.getByLabel('Find a name or organisation').inputValue()).toBe(query);
  expect(await page.locator('.check-in-list__item').count()).toBe(await found.count());
  expect(await page.getByRole('status').allTextContents()).toContain(`${name} is checked in.`);
  const row = page.locator(`#${rowId}`);
  expect(await row.textContent()).toContain('Present');
  expect(await row.getByRole('button', { name: `Undo check-in ${name}` }).count()).toBe(1);
  // The page comes back at the person's row, not at the top.
  const inView = await row.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(inView, 'the row is in view').toBe(true);
  if (options.axe) await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  return name;
}

/** Cancels from the private page: the page asks first, and nothing changes until the person confirms. */
async function cancelRegistration(page: Page, token: string, email: string, options: { axe: boolean }): Promise<void> {
  const { db } = session.platform.database;
  await page.getByRole('link', { name: 'Cancel my registration' }).click();
  await page.waitForURL(`**/registrations/${token}/cancellation`);
  if (options.axe) await expectAccessible(page);
  await expectNoSidewaysScroll(page);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Cancel your registration for/);
  const statusOf = async () => (await db.selectFrom('registrations').select('status').where('email', '=', email).executeTakeFirstOrThrow()).status;
  expect(await statusOf(), 'asking cancels nothing').toBe('registered');
  await page.getByRole('button', { name: 'Cancel my registration' }).click();
  await page.waitForURL(`**/registrations/${token}`);
  if (options.axe) await expectAccessible(page);
  expect(await page.getByRole('status').first().textContent()).toContain('Your registration has been cancelled.');
  expect(await page.getByRole('main').textContent()).toContain('Cancelled');
  expect(await page.getByRole('link', { name: 'Cancel my registration' }).count()).toBe(0);
  expect(await statusOf()).toBe('cancelled');
}

describe('a person registered for an event', () => {
  it('registers for an online event, finds the join link on the private page, and cancels after being asked', async () => {
    const id = await eventId(webinar);
    const person = await session.openPage(narrow);
    await visit(person, `/events/${id}`);
    await register(person, 'Olga Online', 'olga.online@example.org');
    expect(await person.getByRole('heading', { level: 1 }).textContent()).toBe('You are registered');
    await expectAccessible(person);

    const { email, token } = await latestEmailTo(session.platform.database.db, 'olga.online@example.org');
    expect(email?.body_text, 'the join link is in the email’s text').toContain('https://meet.example.org/better-ai-webinar');
    expect(token).toBeDefined();
    await visit(person, `/registrations/${token}`);
    await expectNoSidewaysScroll(person);
    expect(await person.getByRole('link', { name: 'https://meet.example.org/better-ai-webinar' }).count()).toBe(1);

    await cancelRegistration(person, token ?? '', 'olga.online@example.org', { axe: true });
    // Cancelled: the join link is for people who hold a place.
    expect(await person.getByRole('link', { name: 'https://meet.example.org/better-ai-webinar' }).count()).toBe(0);
    await person.context().close();
  });

  it('asks for the private link again and gets the same answer for a registered and an unknown address', async () => {
    const { db } = session.platform.database;
    const id = await eventId(studyVisit);
    const registered = await db
      .selectFrom('registrations')
      .select(['email', 'name'])
      .where('event_id', '=', id)
      .where('status', '=', 'registered')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const known = registered.email ?? '';
    const unknown = 'nobody.registered@example.org';

    const page = await session.openPage(narrow);
    await visit(page, `/events/${id}`);
    await page.getByRole('link', { name: 'Registered already and lost your private link?' }).click();
    await page.waitForURL(`**/events/${id}/registration-link`);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    const answerTo = async (address: string) => {
      await page.goto(`/events/${id}/registration-link`);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Send me the link' }).click();
      await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
      await expectAccessible(page);
      return {
        status: await page.getByRole('status').last().textContent(),
        main: ((await page.getByRole('main').textContent()) ?? '').replace(address, 'ADDRESS'),
      };
    };
    const toKnown = await answerTo(known);
    const toUnknown = await answerTo(unknown);
    expect(toKnown.main, 'the page says nothing about whether the address is registered').toBe(toUnknown.main);
    expect(toKnown.status).toContain(`If ${known} is registered for ${studyVisit}`);

    // Only the registered address gets an email, with the link that opens their registration.
    const { email, token } = await latestEmailTo(db, known);
    expect(email?.kind).toBe('event_link');
    expect((await latestEmailTo(db, unknown)).email).toBeUndefined();
    await visit(page, `/registrations/${token}`);
    expect(await page.getByRole('main').textContent()).toContain(registered.name ?? '');
    await page.context().close();
  });

  it('opens a certificate of attendance after an event the person attended', async () => {
    const { db } = session.platform.database;
    const id = await eventId(pastOnlineVisit);
    const attendee = await db
      .selectFrom('registrations')
      .select(['email', 'name'])
      .where('event_id', '=', id)
      .where('status', '=', 'registered')
      .where('attended_at', 'is not', null)
      .where('email', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();

    const page = await session.openPage(narrow);
    const token = await askForLink(page, id, attendee.email ?? '');

    await visit(page, `/registrations/${token}`);
    expect(await page.getByRole('region', { name: 'Certificate of attendance' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Open my certificate of attendance' }).click();
    await page.waitForURL(`**/registrations/${token}/certificate`);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    const certificate = page.getByRole('article', { name: 'Certificate of attendance' });
    expect(await certificate.textContent()).toContain(attendee.name ?? '');
    expect(await certificate.textContent()).toContain(pastOnlineVisit);
    await page.context().close();
  });
});

describe('the host at the door', () => {
  it('checks someone in on a phone and goes on from the same search and row', async () => {
    const page = await session.openPage(narrow);
    await signInHost(page);
    await checkInSomeone(page, await eventId(studyVisit), { axe: true });
    await page.context().close();
  });
});

describe('at 320 CSS pixels', () => {
  it('does not scroll the statistics, private registration, participants or check-in pages sideways', async () => {
    const id = await eventId(studyVisit);
    const page = await session.openPage(narrow);
    await visit(page, '/events/statistics');
    await expectNoSidewaysScroll(page);

    const participant = await session.platform.database.db
      .selectFrom('registrations')
      .select('email')
      .where('event_id', '=', id)
      .where('status', '=', 'registered')
      .orderBy('id')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await visit(page, `/registrations/${await askForLink(page, id, participant.email ?? '')}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(studyVisit);
    await expectNoSidewaysScroll(page);

    await signInHost(page);
    for (const path of [`/events/${id}/participants`, `/events/${id}/attendance`]) {
      await visit(page, path);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(studyVisit);
      await expectNoSidewaysScroll(page);
    }
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('checks someone in and keeps the search and the row', async () => {
    const page = await session.openPage({ ...narrow, javaScriptEnabled: false });
    await signInHost(page, { checkAccessibility: false });
    await checkInSomeone(page, await eventId(studyVisit), { axe: false });
    await page.context().close();
  });

  it('registers and cancels after being asked', async () => {
    const id = await eventId(studyVisit);
    const page = await session.openPage({ ...narrow, javaScriptEnabled: false });
    await page.goto(`/events/${id}`);
    await register(page, 'Nora Noscript', 'nora.noscript@example.org');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You are registered');
    const { token } = await latestEmailTo(session.platform.database.db, 'nora.noscript@example.org');
    await page.goto(`/registrations/${token}`);
    await cancelRegistration(page, token ?? '', 'nora.noscript@example.org', { axe: false });
    await page.context().close();
  });
});
