/** Feedback after an event: the invitation and the form behind the private link, and the summary the host sees. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { aPractice } from '../../../core/testing/records.js';
import { endEvent, latestEmailTo, participationHelpers } from '../test-support.js';
import { participantMail } from '../registration/links.js';
import { inviteToFeedback } from './service.js';

const fixture = useWorld();
const { eventWithPeople, registrationId } = participationHelpers(fixture);

describe('feedback after the event', () => {
  it('invites the attendees once, takes one feedback per person, and refuses people who did not attend', async () => {
    const id = await eventWithPeople(['f.came@example.org', 'f.absent@example.org'], { title: 'Workshop with feedback' });
    const host = await fixture.browserFor('editorA');
    await host.post(`/events/${id}/attendance/${await registrationId('f.came@example.org')}`, { attended: 'yes' });
    const { token: absentToken } = await latestEmailTo(fixture.context.db, 'f.absent@example.org');
    await endEvent(fixture.context.db, id);

    const mail = participantMail(fixture.context.app);
    expect(await inviteToFeedback(fixture.context.db, mail)).toBeGreaterThanOrEqual(1);
    expect(await inviteToFeedback(fixture.context.db, mail)).toBe(0);
    const invitation = await latestEmailTo(fixture.context.db, 'f.came@example.org');
    expect(invitation.email?.subject).toBe('How was Workshop with feedback?');
    expect((await latestEmailTo(fixture.context.db, 'f.absent@example.org')).email?.kind).toBe('event_registered');

    const visitor = new TestBrowser(fixture.context.app);
    const incomplete = readPage(await visitor.post(`/registrations/${invitation.token}/feedback`, { satisfaction: '5' }));
    expect(incomplete.status).toBe(400);
    expect([...incomplete.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'Choose how useful it was, from 1 to 5',
      'Answer yes or no',
    ]);
    const sent = await visitor.post(`/registrations/${invitation.token}/feedback`, {
      satisfaction: '5',
      usefulness: '4',
      capacityIncreased: 'yes',
      capacityDetails: 'Contacts in Tartu',
    });
    expect(sent.headers.location).toBe(`/registrations/${invitation.token}`);
    await visitor.post(`/registrations/${invitation.token}/feedback`, { satisfaction: '1', usefulness: '1', capacityIncreased: 'no' });
    const rows = await sql<{
      satisfaction: number;
    }>`select f.satisfaction from feedback f join registrations r on r.id = f.registration_id where r.event_id = ${id}`.execute(fixture.context.db);
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
    expect(readPage(await host.get(`/events/${id}/participants`)).screen.getByRole('region', { name: 'Feedback' }).textContent).toContain(
      'Nobody has given feedback yet.',
    );

    for (const email of emails) await host.post(`/events/${id}/attendance/${await registrationId(email)}`, { attended: 'yes' });
    await endEvent(fixture.context.db, id);
    await inviteToFeedback(fixture.context.db, participantMail(fixture.context.app));
    const answers: Record<string, string | string[]>[] = [
      {
        satisfaction: '5',
        usefulness: '4',
        capacityIncreased: 'yes',
        capacityDetails: 'A secret detail from one person',
        practiceIds: [String(popular), String(other)],
      },
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
    expect(section.textContent).toContain('3.0 average usefulness for their work (1–5)');
    expect(section.textContent).toContain('2 reported increased professional capacity');
    const rows = [
      ...page.screen.getByRole('table', { name: 'Practices the participants would like to take to their region' }).querySelectorAll('tbody tr'),
    ].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
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
