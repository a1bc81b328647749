/** Events through HTTP: writing them per role, the public registration with its waiting list, and bad input. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { eventDocumentSchema, eventListDocumentSchema } from './api.js';
import { getEvent } from './service.js';
import { anEvent, aRegistrationForm } from '../../core/testing/records.js';
import { latestEmailTo } from './test-support.js';
import italian from '../../../locales/it/events.json' with { type: 'json' };

const fixture = useWorld();

function eventForm(hostPartnerId: number, overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    type: 'study_visit',
    title: 'Study visit to the testbed',
    description: 'Companies show their pilots.',
    themeCode: 'smart-city',
    hostPartnerId: String(hostPartnerId),
    format: 'hybrid',
    venue: 'Raekoja plats 1, Tartu',
    onlineUrl: 'https://meet.example.org/visit',
    timeZone: 'Europe/Tallinn',
    startsAt: '2027-05-12T10:00',
    endsAt: '2027-05-12T15:00',
    capacity: '25',
    registrationDeadline: '',
    agenda: '10:00 Welcome\n11:30 Visit of the pilots\nLunch together',
    ...overrides,
  };
}

describe('writing events', () => {
  it('lets an editor add an event of their partner, shown with its agenda in the event’s own time zone', async () => {
    const editor = await fixture.browserFor('editorA');
    const response = await editor.post('/events', eventForm(fixture.world.partnerA.id, { visitingPartnerIds: [String(fixture.world.partnerB.id)] }));
    expect(response.statusCode).toBe(303);
    const page = await new TestBrowser(fixture.context.app).page(String(response.headers.location));
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Study visit to the testbed');
    expect(page.mainText).toContain('Wednesday, 12 May 2027 at 10:00 – 15:00 EEST');
    expect(page.mainText).toContain(fixture.world.partnerB.name);
    expect([...page.document.querySelectorAll('.agenda li')].map((item) => item.textContent?.trim())).toEqual(['10:00 Welcome', '11:30 Visit of the pilots', 'Lunch together']);
    // The online link is for registered people, not the public page.
    expect(page.mainText).not.toContain('meet.example.org');
  });

  it('refuses an end before the start, a time the clocks skip, and a missing venue, each at its field and in the visitor’s language', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    await coordinator.get('/language/it?next=%2Fevents');
    const page = readPage(await coordinator.post('/events', eventForm(fixture.world.partnerA.id, { title: 'Refused event', venue: '', timeZone: 'Europe/Rome', startsAt: '2027-03-28T02:30', endsAt: '2027-03-28T05:00' })));
    expect(page.status).toBe(400);
    expect(page.document.documentElement.lang).toBe('it');
    const summary = [...page.document.querySelectorAll('.error-summary a')].map((link) => link.textContent);
    expect(summary).toEqual([italian.form.venue.required, italian.form.time.nonexistent]);
    expect(page.document.querySelector('#field-venue-error')?.textContent).toContain(italian.form.venue.required);
    // Once the start exists, an end before it is refused in turn.
    const second = readPage(await coordinator.post('/events', eventForm(fixture.world.partnerA.id, { title: 'Refused event', startsAt: '2027-03-28T10:00', endsAt: '2027-03-28T09:00' })));
    expect([...second.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([italian.form.endsAt.beforeStart]);
    expect(await fixture.context.db.selectFrom('events').select('id').where('title', '=', 'Refused event').execute()).toEqual([]);
  });

  it('refuses an hour of 25 as an invalid time, not a clock change, and years 0001 and 9999 with the accepted years', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const hours = readPage(await coordinator.post('/events', eventForm(fixture.world.partnerA.id, { title: 'Refused event', startsAt: '2027-05-12T25:00', endsAt: '2027-05-12T24:00', registrationDeadline: '2027-05-11T10:60' })));
    expect(hours.status).toBe(400);
    const invalid = 'Enter a real date and time, for example 2026-10-24 09:30';
    expect([...hours.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([invalid, invalid, invalid]);
    const years = readPage(await coordinator.post('/events', eventForm(fixture.world.partnerA.id, { title: 'Refused event', startsAt: '0001-05-12T10:00', endsAt: '9999-05-12T15:00' })));
    expect(years.status).toBe(400);
    expect([...years.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual(['Enter a date between 1900 and 2100', 'Enter a date between 1900 and 2100']);
    expect(years.screen.getByLabelText<HTMLInputElement>('Starts').value).toBe('0001-05-12T10:00');
    expect(await fixture.context.db.selectFrom('events').select('id').where('title', '=', 'Refused event').execute()).toEqual([]);
  });

  it('keeps an event across the autumn clock change 25 hours long', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { startsAt: '2026-10-24T12:00', endsAt: '2026-10-25T12:00', timeZone: 'Europe/Rome' });
    const event = await getEvent(fixture.context.db, id);
    expect(((event?.endsAt.getTime() ?? 0) - (event?.startsAt.getTime() ?? 0)) / 3_600_000).toBe(25);
    const page = await new TestBrowser(fixture.context.app).page(`/events/${id}`);
    expect(page.mainText).toContain('Saturday, 24 October 2026 at 12:00 – Sunday, 25 October 2026 at 12:00 CET');
  });

  it('does not let an editor write an event for another partner, nor a stakeholder or the public any', async () => {
    expect((await (await fixture.browserFor('editorB')).post('/events', eventForm(fixture.world.partnerA.id))).statusCode).toBe(403);
    expect((await (await fixture.browserFor('stakeholderA')).get('/events/new')).statusCode).toBe(403);
    const anonymousPost = await new TestBrowser(fixture.context.app).post('/events', eventForm(fixture.world.partnerA.id));
    expect(anonymousPost.statusCode).toBe(303);
    expect(anonymousPost.headers.location).toBe('/sign-in');
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    expect((await (await fixture.browserFor('editorB')).get(`/events/${id}/edit`)).statusCode).toBe(403);
    expect((await (await fixture.browserFor('otherCoordinator')).post(`/events/${id}/delete`, {})).statusCode).toBe(403);
  });

  it('deletes an event nobody registered for, and keeps one with registrations', async () => {
    const editor = await fixture.browserFor('editorA');
    const empty = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    expect((await editor.post(`/events/${empty}/delete`, {})).headers.location).toBe('/events');
    expect(await getEvent(fixture.context.db, empty)).toBeUndefined();
    const taken = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    await new TestBrowser(fixture.context.app).post(`/events/${taken}/registrations`, aRegistrationForm('keeper@example.org'));
    expect((await editor.post(`/events/${taken}/delete`, {})).headers.location).toBe(`/events/${taken}`);
    expect(await getEvent(fixture.context.db, taken)).toBeDefined();
  });

  it('answers JSON for API clients, without anyone’s personal data', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Event read as JSON' });
    await new TestBrowser(fixture.context.app).post(`/events/${id}/registrations`, aRegistrationForm('json.person@example.org'));
    const api = new TestBrowser(fixture.context.app, { accept: 'application/json' });
    const document = eventDocumentSchema.parse((await api.get(`/events/${id}`)).json());
    expect(document).toMatchObject({ title: 'Event read as JSON', registered: 1 });
    expect(JSON.stringify(document)).not.toContain('json.person');
    const list = eventListDocumentSchema.parse((await api.get('/events')).json());
    expect(list.results.some((event) => event.id === id)).toBe(true);
  });
});

describe('registering without an account', () => {
  it('registers a person, emails the details with a calendar file and a private link', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, { title: 'Webinar on payments' });
    const page = readPage(await new TestBrowser(fixture.context.app).post(`/events/${id}/registrations`, aRegistrationForm('grace@example.org', { name: 'Grace Hopper' })));
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
    const data = (await visitor.get(`/registrations/${token}/data.json`)).json<{ registrations: { name: string; event: { id: number } }[]; emails: { kind: string; subject: string; body: string; status: string; attachments: string[] }[] }>();
    expect(data.registrations).toEqual([expect.objectContaining({ name: 'Erin Erase', event: expect.objectContaining({ id }) as unknown })]);
    // The emails the event sent them are in it too, with what they said; none of an account with the same address.
    expect(data.emails).toEqual([expect.objectContaining({ kind: 'event_registered', status: 'queued', attachments: [`event-${id}.ics`] })]);
    // The file is kept and passed on: the links are named, their secrets masked.
    expect(data.emails[0]?.body).toContain('/registrations/[private]');
    expect(data.emails[0]?.body).not.toContain(token);
    expect((await visitor.post(`/registrations/${token}/erasure`, {})).headers.location).toBe('/events');
    const row = await fixture.context.db.selectFrom('registrations').select(['name', 'email', 'status', 'helix']).where('event_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: null, email: null, status: 'cancelled', helix: 'business' });
    expect((await visitor.get(`/registrations/${token}`)).statusCode).toBe(404);
    expect(await fixture.context.db.selectFrom('emails').select('id').where('to_address', '=', 'erase.me@example.org').execute()).toEqual([]);
  });
});
