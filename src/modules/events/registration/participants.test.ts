/**
 * What a registered person and the host notice (#12): the join link in the email and on the private page for
 * confirmed people only, one link kept across promotion, "I lost my link", cancelling asked first, reminders once,
 * the certificate for attendees, and the check-in list keeping its search.
 */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { anEvent, aRegistrationForm } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { endEvent, latestEmailTo, participationHelpers } from '../test-support.js';
import { participantMail } from './links.js';
import { remindParticipants } from './reminders.js';

const fixture = useWorld();
const { registrationId } = participationHelpers(fixture);

async function emailsTo(address: string) {
  return fixture.context.db.selectFrom('emails').select(['kind', 'body_text']).where('to_address', '=', address).orderBy('id').execute();
}

describe('the join link and the one private link', () => {
  it('gives confirmed people the join link in the email and on their page, keeps it from the waiting list until promotion, with the same link', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Small webinar', capacity: '1' });
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('first@example.org'));
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('second@example.org'));

    const first = await latestEmailTo(fixture.context.db, 'first@example.org');
    expect(first.email?.body_text).toContain('Join online: https://meet.example.org/room');
    const waiting = await latestEmailTo(fixture.context.db, 'second@example.org');
    expect(waiting.email?.kind).toBe('event_waiting');
    expect(waiting.email?.body_text).not.toContain('meet.example.org');
    const waitingPage = await visitor.page(`/registrations/${waiting.token}`);
    expect(waitingPage.mainText).not.toContain('meet.example.org');
    expect((await visitor.page(`/registrations/${first.token}`)).screen.getByRole('link', { name: 'https://meet.example.org/room' })).toBeDefined();

    // Cancelling asks first; the GET changes nothing.
    const question = await visitor.page(`/registrations/${first.token}/cancellation`);
    expect(question.screen.getByRole('heading', { level: 1 }).textContent).toBe('Cancel your registration for Small webinar?');
    expect((await latestEmailTo(fixture.context.db, 'second@example.org')).email?.kind).toBe('event_waiting');
    expect((await visitor.post(`/registrations/${first.token}/cancellation`, {})).statusCode).toBe(303);

    const promoted = await latestEmailTo(fixture.context.db, 'second@example.org');
    expect(promoted.email?.kind).toBe('event_promoted');
    expect(promoted.email?.body_text).toContain('Join online: https://meet.example.org/room');
    expect(promoted.token).toBe(waiting.token);
    const page = await visitor.page(`/registrations/${waiting.token}`);
    expect(page.status).toBe(200);
    expect(page.mainText).toContain('https://meet.example.org/room');
  });
});

describe('I lost my link', () => {
  it('sends the same link to a registered address, answers the same for an unknown one, and stops after the daily limit', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Lost and found' });
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('keeper@example.org'));
    const original = await latestEmailTo(fixture.context.db, 'keeper@example.org');

    const known = readPage(await visitor.post(`/events/${id}/registration-link`, { email: 'Keeper@example.org' }));
    const unknown = readPage(await visitor.post(`/events/${id}/registration-link`, { email: 'stranger@example.org' }));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.mainText.replace('Keeper@example.org', 'X')).toBe(unknown.mainText.replace('stranger@example.org', 'X'));
    const resent = await latestEmailTo(fixture.context.db, 'keeper@example.org');
    expect(resent.email?.kind).toBe('event_link');
    expect(resent.token).toBe(original.token);
    expect(await emailsTo('stranger@example.org')).toEqual([]);

    for (let index = 0; index < 4; index += 1) await visitor.post(`/events/${id}/registration-link`, { email: 'keeper@example.org' });
    expect((await emailsTo('keeper@example.org')).filter((email) => email.kind === 'event_link')).toHaveLength(3);
    const audit = await fixture.context.db.selectFrom('audit_events').selectAll().where('action', '=', 'registration.link_resend').execute();
    expect(JSON.stringify(audit)).not.toContain('keeper@example.org');

    const invalid = readPage(await visitor.post(`/events/${id}/registration-link`, { email: 'nope' }));
    expect(invalid.status).toBe(400);
    expect(invalid.mainText).toContain('Enter an email address like name@example.org');
  });
});

describe('reminders', () => {
  it('reminds confirmed people once, the chosen days before, never the waiting list or an event without reminders', async () => {
    const soon = new Date(Date.now() + 36 * 3_600_000);
    const local = (date: Date) => new Date(date.getTime() + 3_600_000).toISOString().slice(0, 16);
    const times = { startsAt: local(soon), endsAt: local(new Date(soon.getTime() + 2 * 3_600_000)), timeZone: 'Europe/Rome' };
    const reminded = await anEvent(fixture.context.db, fixture.world.partnerA.id, { ...times, title: 'Soon', capacity: '1' });
    const silent = await anEvent(fixture.context.db, fixture.world.partnerA.id, { ...times, title: 'Quiet', reminderDaysBefore: 'off' });
    const later = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Later' });
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${reminded}/registrations`, aRegistrationForm('r.one@example.org'));
    await visitor.post(`/events/${reminded}/registrations`, aRegistrationForm('r.waiting@example.org'));
    await visitor.post(`/events/${silent}/registrations`, aRegistrationForm('r.quiet@example.org'));
    await visitor.post(`/events/${later}/registrations`, aRegistrationForm('r.later@example.org'));
    const { token } = await latestEmailTo(fixture.context.db, 'r.one@example.org');

    const mail = participantMail(fixture.context.app);
    await remindParticipants(fixture.context.db, mail);
    await remindParticipants(fixture.context.db, mail);
    const reminders = (await emailsTo('r.one@example.org')).filter((email) => email.kind === 'event_reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body_text).toContain('Join online: https://meet.example.org/room');
    expect(reminders[0]?.body_text).toContain(`/registrations/${token}`);
    for (const address of ['r.waiting@example.org', 'r.quiet@example.org', 'r.later@example.org'])
      expect((await emailsTo(address)).some((email) => email.kind === 'event_reminder')).toBe(false);
  });
});

describe('the certificate of attendance', () => {
  it('is offered to attendees after the event, with their name, the event, its organiser and hours, and refused to others', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Certified workshop' });
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('came@example.org', { name: 'Came Along' }));
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('away@example.org'));
    const came = await latestEmailTo(fixture.context.db, 'came@example.org');
    const away = await latestEmailTo(fixture.context.db, 'away@example.org');
    const host = await fixture.browserFor('editorA');
    await host.post(`/events/${id}/attendance/${await registrationId('came@example.org')}`, { attended: 'yes' });
    expect((await visitor.page(`/registrations/${came.token}`)).mainText).not.toContain('Certificate of attendance');
    expect((await visitor.get(`/registrations/${came.token}/certificate`)).statusCode).toBe(303);
    await endEvent(fixture.context.db, id);

    const page = await visitor.page(`/registrations/${came.token}`);
    expect(page.screen.getByRole('link', { name: 'Open my certificate of attendance' })).toBeDefined();
    const certificate = await visitor.page(`/registrations/${came.token}/certificate`);
    expect(certificate.status).toBe(200);
    expect(certificate.mainText).toContain('Came Along');
    expect(certificate.mainText).toContain('Certified workshop');
    expect(certificate.mainText).toContain(fixture.world.partnerA.name);
    expect(certificate.mainText).toContain('4 hours');
    const refused = await visitor.get(`/registrations/${away.token}/certificate`);
    expect(refused.statusCode).toBe(303);
    expect((await visitor.page(`/registrations/${away.token}`)).mainText).toContain('A certificate is for people the host recorded as attending');
    const italian = new TestBrowser(fixture.context.app, { 'accept-language': 'it' });
    expect((await italian.page(`/registrations/${came.token}/certificate`)).mainText).toContain('Attestato di partecipazione');
  });
});

describe('the host at the door and on the participants page', () => {
  it('comes back to the same search at the row of the person checked in, and announces it', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('door.one@example.org', { name: 'Door One' }));
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('door.two@example.org', { name: 'Door Two' }));
    const host = await fixture.browserFor('editorA');
    const registration = await registrationId('door.two@example.org');
    const response = await host.post(`/events/${id}/attendance/${registration}`, { attended: 'yes', q: 'Two' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/events/${id}/attendance?q=Two#registration-${registration}`);
    const list = await host.page(response.headers.location as string);
    expect(list.screen.getAllByRole('status').map((status) => status.textContent)).toContain('Door Two is checked in.');
    expect((list.document.querySelector('#field-q') as HTMLInputElement).value).toBe('Two');
    expect(list.mainText).not.toContain('Door One');
    expect(list.document.querySelector(`#registration-${registration}`)?.getAttribute('tabindex')).toBe('-1');
  });

  it('cancels a registration only after asking, and offers no Delete for an event with registrations', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Busy event' });
    await new TestBrowser(fixture.context.app).post(`/events/${id}/registrations`, aRegistrationForm('phoned@example.org', { name: 'Phoned In' }));
    const host = await fixture.browserFor('editorA');
    const eventPage = await host.page(`/events/${id}`);
    expect(eventPage.screen.queryByRole('link', { name: 'Delete' })).toBeNull();
    expect(eventPage.mainText).toContain('People have registered for this event, so it cannot be deleted');

    const registration = await registrationId('phoned@example.org');
    const question = await host.page(`/events/${id}/participants/${registration}/cancellation`);
    expect(question.screen.getByRole('heading', { level: 1 }).textContent).toBe('Cancel the registration of Phoned In?');
    const done = await host.post(`/events/${id}/participants/${registration}/cancellation`, {});
    expect(done.statusCode).toBe(303);
    expect((await latestEmailTo(fixture.context.db, 'phoned@example.org')).email?.kind).toBe('event_cancelled');
    const stranger = await fixture.browserFor('editorB');
    expect((await stranger.get(`/events/${id}/participants/${registration}/cancellation`)).statusCode).toBe(403);
  });
});
