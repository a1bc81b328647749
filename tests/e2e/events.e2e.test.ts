/**
 * Events in Chromium: a citizen registers for an event without JavaScript, the host checks them in on a phone-sized
 * screen, and after the event the citizen gives feedback through the emailed link, which the host then sees summed
 * up. axe-core checks every page, the statistics and the host's pages included.
 */
import { describe, expect, it } from 'vitest';
import { inviteToFeedback, participantMail } from '../../src/modules/events/service.js';
import { endEvent, latestEmailTo } from '../../src/modules/events/test-support.js';
import { expectAccessible, signIn, useBrowserSession, visit } from './support.js';

const session = useBrowserSession();

async function upcomingEventId(title: string): Promise<number> {
  return (await session.platform.database.db.selectFrom('events').select('id').where('title', '=', title).executeTakeFirstOrThrow()).id;
}

describe('an event from registration to feedback', () => {
  it('registers without JavaScript, is checked in by the host and gives feedback afterwards', async () => {
    const title = 'Study visit: the innovation-capacity training in Gävle';
    const eventId = await upcomingEventId(title);

    // The list, the event and its form, checked by axe with scripts on.
    const reader = await session.openPage();
    await visit(reader, '/events');
    await reader.getByRole('link', { name: title }).click();
    await reader.waitForURL(`**/events/${eventId}`);
    await expectAccessible(reader);
    await reader.context().close();

    // Registering with scripts off: first with a problem, then right.
    const citizen = await session.openPage({ javaScriptEnabled: false });
    // The page the reader saw, kept and put together around the citizen's own CSRF token (core/cache/gzip-gaps).
    // A kept page lasts until the next minute or write (a reminder the worker sends counts), and either may fall
    // between the two visits on a slow machine: then this visit renders and keeps it, and the next one is a hit.
    let keptPage = await citizen.goto(`/events/${eventId}`);
    for (let visits = 1; visits < 3 && keptPage?.headers()['x-page-cache'] !== 'hit'; visits += 1) {
      keptPage = await citizen.goto(`/events/${eventId}`);
    }
    expect(keptPage?.headers()['x-page-cache']).toBe('hit');
    expect(keptPage?.headers()['content-encoding']).toBe('gzip');
    await citizen.getByLabel('Your name').fill('Rita Register');
    await citizen.getByLabel('Email address').fill('rita.register@example.org');
    await citizen.getByLabel('Organisation, if not in the list').fill('Gävle Library Friends');
    await citizen.getByRole('radio', { name: 'Civil society' }).check();
    await citizen.getByRole('radio', { name: /Norra Mellansverige/ }).check();
    await citizen.getByLabel('Your role').selectOption({ label: 'Citizen' });
    await citizen.getByRole('button', { name: 'Register' }).click();
    expect(await citizen.getByRole('alert').textContent()).toContain('Tick the box to agree to the privacy notice');
    expect(await citizen.getByLabel('Your name').inputValue()).toBe('Rita Register');
    await citizen.getByLabel(/I agree that my name/).check();
    await citizen.getByRole('button', { name: 'Register' }).click();
    expect(await citizen.getByRole('heading', { level: 1 }).textContent()).toBe('You are registered');
    await citizen.context().close();

    const { token } = await latestEmailTo(session.platform.database.db, 'rita.register@example.org');
    const person = await session.openPage();
    await visit(person, `/registrations/${token}`);
    expect(await person.getByRole('main').textContent()).toContain('Rita Register');
    await person.context().close();

    // The host, on a phone, finds her and checks her in.
    const host = await session.openPage({ viewport: { width: 360, height: 740 } });
    await signIn(host, 'editor.gavle@better.example');
    await host.getByRole('link', { name: 'English' }).click();
    await host.waitForFunction(() => document.documentElement.lang === 'en');
    await visit(host, `/events/${eventId}/participants`);
    // A sheet saved in the wrong encoding is refused at its field, under axe.
    await host
      .getByLabel('Sign-in sheet (CSV)')
      .setInputFiles({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from('email\nj\xf6rg@example.org\n', 'latin1') });
    await host.getByRole('button', { name: 'Record attendance' }).click();
    await host.waitForURL(`**/events/${eventId}/attendance/sheet`);
    await expectAccessible(host);
    expect(await host.getByLabel('Sign-in sheet (CSV)').getAttribute('aria-invalid')).toBe('true');
    await visit(host, `/events/${eventId}/attendance`);
    await host.getByLabel('Find a name or organisation').fill('Rita');
    await host.getByRole('button', { name: 'Find' }).click();
    await expectAccessible(host);
    await host.getByRole('button', { name: 'Check in Rita Register' }).click();
    await expectAccessible(host);
    expect(await host.getByRole('status').first().textContent()).toContain('Rita Register is checked in.');
    expect(await host.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await host.context().close();

    // After the event, the worker emails the feedback link.
    await endEvent(session.platform.database.db, eventId);
    await inviteToFeedback(session.platform.database.db, { ...participantMail(session.platform.app), publicUrl: session.platform.baseUrl });
    const invitation = await latestEmailTo(session.platform.database.db, 'rita.register@example.org');
    expect(invitation.email?.kind).toBe('event_feedback');
    const feedback = await session.openPage();
    await visit(feedback, `/registrations/${invitation.token}/feedback`);
    await feedback
      .getByRole('group', { name: /how satisfied/ })
      .getByRole('radio', { name: '5 – excellent' })
      .check();
    await feedback
      .getByRole('group', { name: /How useful/ })
      .getByRole('radio', { name: '4 – good' })
      .check();
    await feedback
      .getByRole('group', { name: /professional capacity increased/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await feedback.getByLabel('What did you gain? (optional)').fill('Ideas for our library’s digital services.');
    await feedback
      .getByRole('group', { name: /Which practices interest you/ })
      .getByRole('checkbox', { name: 'Internal innovation group' })
      .check();
    await feedback.getByRole('button', { name: 'Send my feedback' }).click();
    await feedback.waitForURL(`**/registrations/${invitation.token}`);
    await expectAccessible(feedback);
    expect(await feedback.getByRole('main').textContent()).toContain('you have given your feedback');
    await feedback.context().close();

    // The host sees the feedback summed up, with the practice she would take home.
    const summary = await session.openPage();
    await signIn(summary, 'editor.gavle@better.example');
    await summary.getByRole('link', { name: 'English' }).click();
    await summary.waitForFunction(() => document.documentElement.lang === 'en');
    await visit(summary, `/events/${eventId}/participants`);
    const feedbackSection = summary.getByRole('region', { name: 'Feedback' });
    expect(await feedbackSection.textContent()).toContain('1 person gave feedback');
    const interest = feedbackSection
      .getByRole('table', { name: 'Practices the participants would like to take to their region' })
      .getByRole('row', { name: /Internal innovation group/ });
    expect(await interest.getByRole('cell').textContent()).toBe('1');
    await summary.context().close();
  });
});

describe('the events’ other pages', () => {
  it('passes axe on the statistics, past events, the event form with errors and the administrator’s retention page', async () => {
    const page = await session.openPage();
    await visit(page, '/events/statistics');
    expect(await page.getByRole('table', { name: 'Participants by role: the figures' }).count()).toBe(1);
    await visit(page, '/events?when=past');
    await page.context().close();

    const admin = await session.openPage();
    await signIn(admin, 'admin@better.example');
    await visit(admin, '/events/new');
    await admin.getByRole('button', { name: 'Save the event' }).click();
    await expectAccessible(admin);
    expect(await admin.getByRole('alert').textContent()).toContain('Choose the type of event');
    await visit(admin, '/admin/event-participants');
    await admin.context().close();
  });
});
