/** Registering without an account through HTTP: the public form, its waiting list, and bad input. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { anEvent, aRegistrationForm } from '../../../core/testing/records.js';
import { getEvent } from '../hosting/service.js';
import { latestEmailTo } from '../test-support.js';

const fixture = useWorld();

describe('registering without an account', () => {
  it('registers a person, emails the details with a calendar file and a private link', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Webinar on payments' });
    const page = readPage(
      await new TestBrowser(fixture.context.app).post(`/events/${id}/registrations`, aRegistrationForm('grace@example.org', { name: 'Grace Hopper' })),
    );
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('You are registered');
    const { email, token } = await latestEmailTo(fixture.context.db, 'grace@example.org');
    expect(email?.subject).toBe('Your place at Webinar on payments');
    expect(email?.attachments[0]).toMatchObject({ filename: `event-${id}.ics`, contentType: expect.stringContaining('text/calendar') as unknown });
    expect(email?.attachments[0]?.content).toContain('https://meet.example.org/room');
    expect(token).toBeDefined();
    const manage = await new TestBrowser(fixture.context.app).page(`/registrations/${token}`);
    expect(manage.mainText).toContain('Grace Hopper');
    expect(manage.mainText).toContain('Registered');
  });

  it('refuses a missing consent, an invalid email and a second registration of the same email, with clear messages', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const visitor = new TestBrowser(fixture.context.app);
    const invalid = readPage(await visitor.post(`/events/${id}/registrations`, aRegistrationForm('not-an-email', { consent: '' })));
    expect(invalid.status).toBe(400);
    const summary = [...invalid.document.querySelectorAll('.error-summary a')].map((link) => link.textContent);
    expect(summary).toEqual(['Enter an email address like name@example.org', 'Tick the box to agree to the privacy notice; without it we cannot register you']);
    expect((invalid.document.querySelector('#field-name') as HTMLInputElement).value).toBe('Ada Lovelace');
    expect(await visitor.post(`/events/${id}/registrations`, aRegistrationForm('twice@example.org'))).toHaveProperty('statusCode', 200);
    const again = readPage(await visitor.post(`/events/${id}/registrations`, aRegistrationForm('TWICE@example.org')));
    expect(again.status).toBe(409);
    expect(again.mainText).toContain('This email address is already registered for this event');
    expect((await getEvent(fixture.context.db, id))?.registered).toBe(1);
  });

  it('refuses registrations after the deadline', async () => {
    const soon = new Date(Date.now() + 7 * 24 * 3_600_000);
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, {
      startsAt: soon.toISOString().slice(0, 16),
      endsAt: new Date(soon.getTime() + 3_600_000).toISOString().slice(0, 16),
      timeZone: 'UTC',
      registrationDeadline: new Date(Date.now() - 3_600_000).toISOString().slice(0, 16),
    });
    const visitor = new TestBrowser(fixture.context.app);
    expect((await visitor.page(`/events/${id}`)).mainText).toContain('Registration for this event is closed.');
    const page = readPage(await visitor.post(`/events/${id}/registrations`, aRegistrationForm('late@example.org')));
    expect(page.status).toBe(400);
    expect(page.mainText).toContain('Registration for this event is closed');
    expect((await getEvent(fixture.context.db, id))?.registered).toBe(0);
  });

  it('puts people on the waiting list when full, and gives the place to the first of them when someone cancels', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { capacity: '2', title: 'Small workshop' });
    const visitor = new TestBrowser(fixture.context.app);
    for (const person of ['first', 'second', 'third', 'fourth']) await visitor.post(`/events/${id}/registrations`, aRegistrationForm(`${person}@example.org`));
    expect(await getEvent(fixture.context.db, id)).toMatchObject({ registered: 2, waiting: 2 });
    expect((await latestEmailTo(fixture.context.db, 'third@example.org')).email?.subject).toBe('You are on the waiting list for Small workshop');

    const { token } = await latestEmailTo(fixture.context.db, 'first@example.org');
    expect((await visitor.post(`/registrations/${token}/cancellation`, {})).statusCode).toBe(303);
    expect(await getEvent(fixture.context.db, id)).toMatchObject({ registered: 2, waiting: 1 });
    const promoted = await latestEmailTo(fixture.context.db, 'third@example.org');
    expect(promoted.email?.subject).toBe('A place is yours at Small workshop');
    expect(promoted.email?.attachments).toHaveLength(1);
    expect((await new TestBrowser(fixture.context.app).page(`/registrations/${promoted.token}`)).mainText).toContain('Registered');
    expect((await latestEmailTo(fixture.context.db, 'fourth@example.org')).email?.subject).toBe('You are on the waiting list for Small workshop');
  });

  it('gives the person their data and erases it, keeping the event’s counts', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const visitor = new TestBrowser(fixture.context.app);
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm('erase.me@example.org', { name: 'Erin Erase' }));
    const { token } = await latestEmailTo(fixture.context.db, 'erase.me@example.org');
    const data = (await visitor.get(`/registrations/${token}/data.json`)).json<{
      registrations: { name: string; event: { id: number } }[];
      emails: { kind: string; subject: string; body: string; status: string; attachments: string[] }[];
    }>();
    expect(data.registrations).toEqual([expect.objectContaining({ name: 'Erin Erase', event: expect.objectContaining({ id }) as unknown })]);
    // The emails the event sent them are in it too, with what they said; none of an account with the same address.
    expect(data.emails).toEqual([expect.objectContaining({ kind: 'event_registered', status: 'queued', attachments: [`event-${id}.ics`] })]);
    // The file is kept and passed on: the links are named, their secrets masked.
    expect(data.emails[0]?.body).toContain('/registrations/[private]');
    expect(data.emails[0]?.body).not.toContain(token);
    expect((await visitor.post(`/registrations/${token}/erasure`, {})).headers.location).toBe('/events');
    const row = await fixture.context.db
      .selectFrom('registrations')
      .select(['name', 'email', 'status', 'helix'])
      .where('event_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: null, email: null, status: 'cancelled', helix: 'business' });
    expect((await visitor.get(`/registrations/${token}`)).statusCode).toBe(404);
    expect(await fixture.context.db.selectFrom('emails').select('id').where('to_address', '=', 'erase.me@example.org').execute()).toEqual([]);
  });
});
