/** Events through HTTP: writing them per role and bad input, and a transfer's stage naming the event it took place at. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../../core/policy/actor.js';
import { aPartner } from '../../../core/testing/factories.js';
import { readPage, TestBrowser, type Page } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { eventDocumentSchema, eventListDocumentSchema } from './api.js';
import { getEvent } from './service.js';
import { anEvent, aPractice, aRegistrationForm } from '../../../core/testing/records.js';
import { registerInterest } from '../../practices/service.js';
import italian from '../../../../locales/it/events.json' with { type: 'json' };

const fixture = useWorld();
const system = systemActor('test');

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
    expect([...page.document.querySelectorAll('.agenda li')].map((item) => item.textContent?.trim())).toEqual([
      '10:00 Welcome',
      '11:30 Visit of the pilots',
      'Lunch together',
    ]);
    // The online link is for registered people, not the public page.
    expect(page.mainText).not.toContain('meet.example.org');
  });

  it('refuses an end before the start, a time the clocks skip, and a missing venue, each at its field and in the visitor’s language', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    await coordinator.get('/language/it?next=%2Fevents');
    const page = readPage(
      await coordinator.post(
        '/events',
        eventForm(fixture.world.partnerA.id, {
          title: 'Refused event',
          venue: '',
          timeZone: 'Europe/Rome',
          startsAt: '2027-03-28T02:30',
          endsAt: '2027-03-28T05:00',
        }),
      ),
    );
    expect(page.status).toBe(400);
    expect(page.document.documentElement.lang).toBe('it');
    const summary = [...page.document.querySelectorAll('.error-summary a')].map((link) => link.textContent);
    expect(summary).toEqual([italian.form.venue.required, italian.form.time.nonexistent]);
    expect(page.document.querySelector('#field-venue-error')?.textContent).toContain(italian.form.venue.required);
    // Once the start exists, an end before it is refused in turn.
    const second = readPage(
      await coordinator.post(
        '/events',
        eventForm(fixture.world.partnerA.id, { title: 'Refused event', startsAt: '2027-03-28T10:00', endsAt: '2027-03-28T09:00' }),
      ),
    );
    expect([...second.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([italian.form.endsAt.beforeStart]);
    expect(await fixture.context.db.selectFrom('events').select('id').where('title', '=', 'Refused event').execute()).toEqual([]);
  });

  it('refuses an hour of 25 as an invalid time, not a clock change, and years 0001 and 9999 with the accepted years', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const hours = readPage(
      await coordinator.post(
        '/events',
        eventForm(fixture.world.partnerA.id, {
          title: 'Refused event',
          startsAt: '2027-05-12T25:00',
          endsAt: '2027-05-12T24:00',
          registrationDeadline: '2027-05-11T10:60',
        }),
      ),
    );
    expect(hours.status).toBe(400);
    const invalid = 'Enter a real date and time, for example 2026-10-24 09:30';
    expect([...hours.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([invalid, invalid, invalid]);
    const years = readPage(
      await coordinator.post(
        '/events',
        eventForm(fixture.world.partnerA.id, { title: 'Refused event', startsAt: '0001-05-12T10:00', endsAt: '9999-05-12T15:00' }),
      ),
    );
    expect(years.status).toBe(400);
    expect([...years.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'Enter a date between 1900 and 2100',
      'Enter a date between 1900 and 2100',
    ]);
    expect(years.screen.getByLabelText<HTMLInputElement>('Starts').value).toBe('0001-05-12T10:00');
    expect(await fixture.context.db.selectFrom('events').select('id').where('title', '=', 'Refused event').execute()).toEqual([]);
  });

  it('keeps an event across the autumn clock change 25 hours long', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, {
      startsAt: '2026-10-24T12:00',
      endsAt: '2026-10-25T12:00',
      timeZone: 'Europe/Rome',
    });
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

describe('a transfer’s stage at an event', () => {
  it('lets a stage name the event where it took place, among the events of the two partners only', async () => {
    const practiceId = await aPractice(fixture.context.db, fixture.world.partnerA.id, 'Practice visited at an event', { status: 'published' });
    const transfer = await registerInterest(fixture.context.db, system, practiceId, { importerPartnerId: fixture.world.partnerB.id, notes: '' }, '2026-11-01');
    if (!transfer.ok) throw new Error(transfer.reason);
    const visit = await anEvent(fixture.context.db, fixture.world.partnerA.id, {
      type: 'study_visit',
      title: 'The study visit that counts',
      visitingPartnerIds: [String(fixture.world.partnerB.id)],
    });
    const otherProgrammes = await anEvent(fixture.context.db, (await aPartner(fixture.context.db, fixture.world.otherProgramme.id)).id, {
      title: 'An event of another programme',
    });

    const importer = await fixture.browserFor('editorB');
    const form = await importer.page(`/transfers/${transfer.value.id}`);
    const options = [...form.screen.getByLabelText<HTMLSelectElement>('Event').options].map((option) => option.textContent);
    expect(options.some((option) => option?.startsWith('The study visit that counts'))).toBe(true);
    expect(options.some((option) => option?.startsWith('An event of another programme'))).toBe(false);
    const refused = readPage(
      await importer.post(`/transfers/${transfer.value.id}/stages`, {
        stage: 'study_visit',
        occurredOn: '2026-11-20',
        notes: '',
        eventId: String(otherProgrammes),
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.mainText).toContain('Choose an event hosted or visited by one of the two partners');
    expect(
      (
        await importer.post(`/transfers/${transfer.value.id}/stages`, {
          stage: 'study_visit',
          occurredOn: '2026-11-20',
          notes: 'Seen in Tartu',
          eventId: String(visit),
        })
      ).statusCode,
    ).toBe(303);
    const page = await importer.page(`/transfers/${transfer.value.id}`);
    expect(page.screen.getByRole('link', { name: 'The study visit that counts' }).getAttribute('href')).toBe(`/events/${visit}`);
  });
});

describe('the event list’s partner filter', () => {
  it('offers the 30 partners hosting or visiting the most events listed and the one chosen, and still names every host shown', async () => {
    const db = fixture.context.db;
    const programmeId = fixture.world.otherProgramme.id;
    // Made first, the quiet partner would win a tie (ties go by id): only the visit counted puts the first busy one ahead.
    const quiet = await aPartner(db, programmeId);
    const busy = [];
    for (let index = 0; index < 30; index += 1) busy.push(await aPartner(db, programmeId));
    const [first, ...others] = busy;
    if (!first) throw new Error('No partners made');
    // Import workshops (no other test holds one): the quiet partner hosts one, the soonest, which the first busy
    // partner visits; that one hosts one more, every other busy partner two.
    const soon = DateTime.now().plus({ days: 10 }).setZone('Europe/Rome');
    const workshop = { type: 'import_workshop' };
    await anEvent(db, quiet.id, {
      ...workshop,
      startsAt: soon.toFormat("yyyy-MM-dd'T'HH:mm"),
      endsAt: soon.plus({ hours: 2 }).toFormat("yyyy-MM-dd'T'HH:mm"),
      visitingPartnerIds: [String(first.id)],
    });
    await anEvent(db, first.id, workshop);
    for (const partner of others) for (let count = 0; count < 2; count += 1) await anEvent(db, partner.id, workshop);

    const visitor = new TestBrowser(fixture.context.app);
    const offered = (page: Page) =>
      [...page.document.querySelectorAll<HTMLOptionElement>('select[name="partner"] option')].map((option) => option.value).filter(Boolean);
    const listed = await visitor.page('/events?type=import_workshop');
    expect(new Set(offered(listed))).toEqual(new Set(busy.map((partner) => String(partner.id))));
    // The quiet partner is not offered, but its event is listed first, with its name.
    expect(listed.document.querySelector('.result__meta')?.textContent).toContain(quiet.name);
    expect(offered(listed)).not.toContain(String(fixture.world.partnerB.id));

    const chosen = await visitor.page(`/events?type=import_workshop&partner=${quiet.id}`);
    expect(offered(chosen)).toHaveLength(31);
    expect(chosen.document.querySelector<HTMLSelectElement>('select[name="partner"]')?.value).toBe(String(quiet.id));
    expect(chosen.document.querySelectorAll('.result')).toHaveLength(1);
  });
});
