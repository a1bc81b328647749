/**
 * After registration: the host's participant list and check-in, sign-in sheets, feedback after the event,
 * the statistics and their charts, and the anonymisation of old participants. Personal data stays with the host.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { aPartner } from '../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { systemActor } from '../../core/policy/actor.js';
import { registerInterest } from '../practices/service.js';
import { getEvent, inviteToFeedback, participationStatistics } from './service.js';
import { anEvent, aPractice, aRegistrationForm } from '../../core/testing/records.js';
import { endEvent, latestEmailTo } from './test-support.js';

const fixture = useWorld();
const system = systemActor('test');

async function eventWithPeople(emails: string[], overrides: Record<string, string | string[]> = {}): Promise<number> {
  const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, overrides);
  const visitor = new TestBrowser(fixture.context.app);
  for (const [index, email] of emails.entries()) {
    const role = index % 3 === 0 ? 'decision_maker' : 'civil_servant';
    await visitor.post(`/events/${id}/registrations`, aRegistrationForm(email, { name: `Person ${index}`, role, partner: index % 2 === 0 ? String(fixture.world.partnerB.id) : 'none' }));
  }
  return id;
}

async function registrationId(email: string): Promise<number> {
  return (await fixture.context.db.selectFrom('registrations').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

describe('the host’s list of participants', () => {
  it('shows names and emails to the host partner’s editor and the coordinator only', async () => {
    const id = await eventWithPeople(['private.person@example.org']);
    for (const role of ['editorA', 'coordinator', 'admin'] as const) {
      const page = await (await fixture.browserFor(role)).page(`/events/${id}/participants`);
      expect(page.mainText, role).toContain('private.person@example.org');
    }
    for (const role of ['editorB', 'stakeholderA', 'otherCoordinator', 'plainUser'] as const) {
      expect((await (await fixture.browserFor(role)).get(`/events/${id}/participants`)).statusCode, role).toBe(403);
      expect((await (await fixture.browserFor(role)).get(`/events/${id}/attendance`)).statusCode, role).toBe(403);
    }
    expect((await new TestBrowser(fixture.context.app).get(`/events/${id}/participants`)).headers.location).toContain('/sign-in');
    expect((await new TestBrowser(fixture.context.app).page(`/events/${id}`)).mainText).not.toContain('private.person@example.org');
  });

  it('checks people in one by one, and shows the attendance rate and the mix by role and region', async () => {
    const id = await eventWithPeople(['a.one@example.org', 'a.two@example.org', 'a.three@example.org']);
    const host = await fixture.browserFor('editorA');
    const response = await host.post(`/events/${id}/attendance/${await registrationId('a.one@example.org')}`, { attended: 'yes' });
    expect(response.headers.location).toBe(`/events/${id}/attendance#registration-${await registrationId('a.one@example.org')}`);
    expect((await host.page(`/events/${id}/attendance`)).mainText).toContain('1 of 3 checked in');
    const page = await host.page(`/events/${id}/participants`);
    expect(page.mainText).toContain('33% attendance rate');
    const roles = page.screen.getByRole('table', { name: 'Participants by role' });
    expect(roles.textContent).toContain('Politician or decision maker');
    expect((await (await fixture.browserFor('editorB')).post(`/events/${id}/attendance/${await registrationId('a.two@example.org')}`, { attended: 'yes' })).statusCode).toBe(403);
  });
});

describe('sign-in sheets', () => {
  it('reports each line that does not match and records nothing, then records a clean sheet', async () => {
    const id = await eventWithPeople(['s.one@example.org', 's.two@example.org']);
    const host = await fixture.browserFor('editorA');
    const upload = (csv: string | Buffer, filename = 'sheet.csv') => host.upload(`/events/${id}/attendance/sheet`, { sheet: { filename, content: csv, contentType: 'text/csv' } });
    const bad = readPage(await upload('name,email\nOne,s.one@example.org\nStranger,nobody@example.org\nOne again,S.ONE@example.org\n'));
    expect(bad.status).toBe(400);
    expect(bad.mainText).toContain('Line 3: nobody registered with nobody@example.org');
    expect(bad.mainText).toContain('Line 4: the same email is already on line 2');
    expect((await getEvent(fixture.context.db, id))?.registered).toBe(2);
    expect(await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', id).where('attended_at', 'is not', null).execute()).toEqual([]);
    expect(readPage(await upload('name;mail\nx;y\n')).mainText).toContain('Line 1: the first line must name a column “email”');
    const latin1 = readPage(await upload(Buffer.from('email\nj\xf6rg@example.org\n', 'latin1')));
    expect(latin1.status).toBe(400);
    expect(latin1.title).toMatch(/^Error: /);
    // The problem with the file is shown at the file field, which the summary links to.
    const field = latin1.screen.getByLabelText('Sign-in sheet (CSV)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => latin1.document.getElementById(id)?.textContent ?? '');
    expect(described.some((text) => text.includes('The file is not in UTF-8'))).toBe(true);
    expect(latin1.screen.getByRole('link', { name: /The file is not in UTF-8/ }).getAttribute('href')).toBe('#field-sheet');
    const good = await upload('\uFEFFemail,name\ns.one@example.org,One\ns.two@example.org,Two\n');
    expect(good.statusCode).toBe(303);
    expect((await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', id).where('attended_at', 'is not', null).execute()).length).toBe(2);
  });
  it('names the line where each person starts, past blank lines and notes written over two lines', async () => {
    const id = await eventWithPeople(['l.one@example.org']);
    const host = await fixture.browserFor('editorA');
    const sheet = 'email,note\r\nnobody.first@example.org,"came late,\r\nleft early"\r\n\r\nnobody.second@example.org,\r\n';
    const page = readPage(await host.upload(`/events/${id}/attendance/sheet`, { sheet: { filename: 'sheet.csv', content: sheet, contentType: 'text/csv' } }));
    expect(page.mainText).toContain('Line 2: nobody registered with nobody.first@example.org');
    expect(page.mainText).toContain('Line 5: nobody registered with nobody.second@example.org');
  });
});

describe('feedback after the event', () => {
  it('invites the attendees once, takes one feedback per person, and refuses people who did not attend', async () => {
    const id = await eventWithPeople(['f.came@example.org', 'f.absent@example.org'], { title: 'Workshop with feedback' });
    const host = await fixture.browserFor('editorA');
    await host.post(`/events/${id}/attendance/${await registrationId('f.came@example.org')}`, { attended: 'yes' });
    const { token: absentToken } = await latestEmailTo(fixture.context.db, 'f.absent@example.org');
    await endEvent(fixture.context.db, id);

    const mail = { translator: fixture.context.app.translator, publicUrl: 'http://better.test' };
    expect(await inviteToFeedback(fixture.context.db, mail)).toBeGreaterThanOrEqual(1);
    expect(await inviteToFeedback(fixture.context.db, mail)).toBe(0);
    const invitation = await latestEmailTo(fixture.context.db, 'f.came@example.org');
    expect(invitation.email?.subject).toBe('How was Workshop with feedback?');
    expect((await latestEmailTo(fixture.context.db, 'f.absent@example.org')).email?.kind).toBe('event_registered');

    const visitor = new TestBrowser(fixture.context.app);
    const incomplete = readPage(await visitor.post(`/registrations/${invitation.token}/feedback`, { satisfaction: '5' }));
    expect(incomplete.status).toBe(400);
    expect([...incomplete.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual(['Choose how useful it was, from 1 to 5', 'Answer yes or no']);
    const sent = await visitor.post(`/registrations/${invitation.token}/feedback`, { satisfaction: '5', usefulness: '4', capacityIncreased: 'yes', capacityDetails: 'Contacts in Tartu' });
    expect(sent.headers.location).toBe(`/registrations/${invitation.token}`);
    await visitor.post(`/registrations/${invitation.token}/feedback`, { satisfaction: '1', usefulness: '1', capacityIncreased: 'no' });
    const rows = await sql<{ satisfaction: number }>`select f.satisfaction from feedback f join registrations r on r.id = f.registration_id where r.event_id = ${id}`.execute(fixture.context.db);
    expect(rows.rows).toEqual([{ satisfaction: 5 }]);
    expect((await visitor.get(`/registrations/${absentToken}/feedback`)).headers.location).toBe(`/registrations/${absentToken}`);
  });
});

describe('the feedback the host sees', () => {
  const publishedPractice = (title: string) => aPractice(fixture.context.db, fixture.world.partnerB.id, title, { status: 'published' });

  it('adds up the answers and the practices named, most named first, without saying who answered what', async () => {
    const popular = await publishedPractice('Popular practice at the workshop');
    const other = await publishedPractice('Other practice at the workshop');
    const emails = ['h.one@example.org', 'h.two@example.org', 'h.three@example.org'];
    const id = await eventWithPeople(emails, { practiceIds: [String(popular), String(other)] });
    const host = await fixture.browserFor('editorA');
    expect(readPage(await host.get(`/events/${id}/participants`)).screen.getByRole('region', { name: 'Feedback' }).textContent).toContain('Nobody has given feedback yet.');

    for (const email of emails) await host.post(`/events/${id}/attendance/${await registrationId(email)}`, { attended: 'yes' });
    await endEvent(fixture.context.db, id);
    await inviteToFeedback(fixture.context.db, { translator: fixture.context.app.translator, publicUrl: 'http://better.test' });
    const answers: Record<string, string | string[]>[] = [
      { satisfaction: '5', usefulness: '4', capacityIncreased: 'yes', capacityDetails: 'A secret detail from one person', practiceIds: [String(popular), String(other)] },
      { satisfaction: '4', usefulness: '4', capacityIncreased: 'yes', practiceIds: [String(popular)] },
      { satisfaction: '2', usefulness: '1', capacityIncreased: 'no' },
    ];
    const visitor = new TestBrowser(fixture.context.app);
    for (const [index, answer] of answers.entries()) {
      const { token } = await latestEmailTo(fixture.context.db, emails[index] ?? '');
      expect((await visitor.post(`/registrations/${token}/feedback`, answer)).statusCode).toBe(303);
    }

    const page = readPage(await host.get(`/events/${id}/participants`));
    const section = page.screen.getByRole('region', { name: 'Feedback' });
    expect(section.textContent).toContain('3 people gave feedback');
    expect(section.textContent).toContain('3.7 average satisfaction (1–5)');
    expect(section.textContent).toContain('3 average usefulness for their work (1–5)');
    expect(section.textContent).toContain('2 reported increased professional capacity');
    const rows = [...page.screen.getByRole('table', { name: 'Practices the participants would like to take to their region' }).querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ['Popular practice at the workshop', '2'],
      ['Other practice at the workshop', '1'],
    ]);
    expect(page.mainText).not.toContain('A secret detail from one person');

    await host.get('/language/it?next=%2F');
    const italian = readPage(await host.get(`/events/${id}/participants`)).screen.getByRole('region', { name: 'Feedback' });
    expect(italian.textContent).toContain('3 persone hanno lasciato un feedback');
    expect(italian.textContent).toContain('3,7 soddisfazione media');
  });
});

describe('statistics', () => {
  it('counts registrations, attendance, decision makers and increased capacity, the same in the page, the CSV and the raw rows', async () => {
    const id = await eventWithPeople(['st.1@example.org', 'st.2@example.org', 'st.3@example.org', 'st.4@example.org']);
    const host = await fixture.browserFor('editorA');
    for (const email of ['st.1@example.org', 'st.2@example.org']) await host.post(`/events/${id}/attendance/${await registrationId(email)}`, { attended: 'yes' });
    const programme = { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn };
    const summary = await participationStatistics(fixture.context.db, programme, fixture.world.partnerA.id);
    const raw = await sql<{ registered: number; attended: number }>`
      select count(*) filter (where r.status = 'registered')::int as registered, count(r.attended_at)::int as attended
      from registrations r join events e on e.id = r.event_id where e.host_partner_id = ${fixture.world.partnerA.id}`.execute(fixture.context.db);
    expect({ registered: summary.totals.registered, attended: summary.totals.attended }).toEqual(raw.rows[0]);

    const page = await new TestBrowser(fixture.context.app).page(`/events/statistics?partner=${fixture.world.partnerA.id}`);
    expect(page.screen.getByRole('table', { name: 'Participants by role: the figures' }).textContent).toContain('Politician or decision maker');
    const csv = await new TestBrowser(fixture.context.app).get(`/events/statistics/roles.csv?partner=${fixture.world.partnerA.id}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const decisionMakers = summary.byRole.find((row) => row.value === 'decision_maker');
    expect(csv.body).toContain(`Politician or decision maker,${decisionMakers?.registered},${decisionMakers?.attended}`);
    const svg = await new TestBrowser(fixture.context.app).get('/events/statistics/roles.svg');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect(page.document.querySelector('img[src^="/events/statistics/roles.svg"]')?.getAttribute('alt')).toContain('Participants by role');
  });

  it('keeps the summary equal to a recount from the raw rows after registrations, cancellations, check-ins and feedback', async () => {
    await sql`select rebuild_participation_totals(${fixture.world.programme.id})`.execute(fixture.context.db);
    const before = await participationStatistics(fixture.context.db, { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn }, null);
    const kept = await fixture.context.db.selectFrom('participation_totals').selectAll().where('programme_id', '=', fixture.world.programme.id).where((eb) => eb.or([eb('registered', '!=', 0), eb('waiting', '!=', 0), eb('attended', '!=', 0), eb('feedback', '!=', 0)])).orderBy(['host_partner_id', 'event_type', 'helix', 'role', 'partner_key']).execute();
    await sql`select rebuild_participation_totals(${fixture.world.programme.id})`.execute(fixture.context.db);
    const rebuilt = await fixture.context.db.selectFrom('participation_totals').selectAll().where('programme_id', '=', fixture.world.programme.id).orderBy(['host_partner_id', 'event_type', 'helix', 'role', 'partner_key']).execute();
    expect(kept).toEqual(rebuilt);
    expect(before.totals.registered).toBeGreaterThan(0);
  });
});

describe('anonymising participants of old events', () => {
  it('lets an administrator anonymise them and leaves every figure as it was', async () => {
    const id = await eventWithPeople(['old.1@example.org', 'old.2@example.org']);
    await fixture.context.db.updateTable('events').set({ starts_at: new Date('2020-01-10T10:00:00Z'), ends_at: new Date('2020-01-10T12:00:00Z') }).where('id', '=', id).execute();
    const programme = { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn };
    const before = await participationStatistics(fixture.context.db, programme, null);
    expect((await (await fixture.browserFor('coordinator')).post('/admin/event-participants', {})).statusCode).toBe(403);
    const admin = await fixture.browserFor('admin');
    expect((await admin.page('/admin/event-participants')).mainText).toMatch(/\d+ registrations? of events that ended before/);
    expect((await admin.post('/admin/event-participants', {})).statusCode).toBe(303);
    const rows = await fixture.context.db.selectFrom('registrations').select(['name', 'email']).where('event_id', '=', id).execute();
    expect(rows).toEqual([
      { name: null, email: null },
      { name: null, email: null },
    ]);
    expect(await participationStatistics(fixture.context.db, programme, null)).toEqual(before);
  });
});

describe('a transfer’s stage at an event', () => {
  it('lets a stage name the event where it took place, among the events of the two partners only', async () => {
    const practiceId = await aPractice(fixture.context.db, fixture.world.partnerA.id, 'Practice visited at an event', { status: 'published' });
    const transfer = await registerInterest(fixture.context.db, system, practiceId, { importerPartnerId: fixture.world.partnerB.id, notes: '' }, '2026-11-01');
    if (!transfer.ok) throw new Error(transfer.reason);
    const visit = await anEvent(fixture.context.db, fixture.world.partnerA.id, { type: 'study_visit', title: 'The study visit that counts', visitingPartnerIds: [String(fixture.world.partnerB.id)] });
    const otherProgrammes = await anEvent(fixture.context.db, (await aPartner(fixture.context.db, fixture.world.otherProgramme.id)).id, { title: 'An event of another programme' });

    const importer = await fixture.browserFor('editorB');
    const form = await importer.page(`/transfers/${transfer.value.id}`);
    const options = [...form.screen.getByLabelText<HTMLSelectElement>('Event').options].map((option) => option.textContent);
    expect(options.some((option) => option?.startsWith('The study visit that counts'))).toBe(true);
    expect(options.some((option) => option?.startsWith('An event of another programme'))).toBe(false);
    const refused = readPage(await importer.post(`/transfers/${transfer.value.id}/stages`, { stage: 'study_visit', occurredOn: '2026-11-20', notes: '', eventId: String(otherProgrammes) }));
    expect(refused.status).toBe(400);
    expect(refused.mainText).toContain('Choose an event hosted or visited by one of the two partners');
    expect((await importer.post(`/transfers/${transfer.value.id}/stages`, { stage: 'study_visit', occurredOn: '2026-11-20', notes: 'Seen in Tartu', eventId: String(visit) })).statusCode).toBe(303);
    const page = await importer.page(`/transfers/${transfer.value.id}`);
    expect(page.screen.getByRole('link', { name: 'The study visit that counts' }).getAttribute('href')).toBe(`/events/${visit}`);
  });
});

