/**
 * The calendar files pass the shared iCalendar validator (RFC 5545): one event, the programme and partner feeds,
 * and the file attached to a confirmation; an event across a daylight-saving change keeps its wall-clock times.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../core/testing/http.js';
import { validateWith } from '../../../core/testing/standards.js';
import { useWorld } from '../../../core/testing/world.js';
import { anEvent, aRegistrationForm } from '../../../core/testing/records.js';
import { latestEmailTo } from '../test-support.js';

const fixture = useWorld();
let directory: string;
let eventId = 0;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'better-ics-'));
  eventId = await anEvent(fixture.context.db, fixture.world.partnerA.id, {
    title: 'Workshop across the clock change; with "quotes", commas and a long title that must be folded at 75 octets in the file',
    description: 'Line one\nLine two, with a comma; and a semicolon',
    format: 'hybrid',
    venue: 'Palazzo Tursi, Via Garibaldi 9, Genova',
    timeZone: 'Europe/Rome',
    startsAt: '2027-10-30T12:00',
    endsAt: '2027-10-31T12:00',
  });
  await anEvent(fixture.context.db, fixture.world.partnerB.id, { timeZone: 'Europe/Tallinn', visitingPartnerIds: [String(fixture.world.partnerA.id)] });
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function validated(name: string, content: string) {
  const file = path.join(directory, name);
  await writeFile(file, content);
  return validateWith('validate-ics.mjs', file);
}

describe('calendar files', () => {
  it('gives one event as a valid file whose times stay at noon in Rome on both sides of the clock change', async () => {
    const response = await new TestBrowser(fixture.context.app).get(`/events/${eventId}.ics`);
    expect(response.headers['content-type']).toContain('text/calendar');
    const verdict = await validated('event.ics', response.body);
    expect(verdict.conforms, verdict.report).toBe(true);
    expect(response.body).toContain('DTSTART;TZID=Europe/Rome:20271030T120000');
    expect(response.body).toContain('DTEND;TZID=Europe/Rome:20271031T120000');
    expect(response.body).toContain('BEGIN:VTIMEZONE');
    expect(response.body).not.toContain('meet.example.org');
  });

  it('gives the programme’s feed and a partner’s feed as valid files', async () => {
    const all = await new TestBrowser(fixture.context.app).get('/events.ics');
    const allVerdict = await validated('feed.ics', all.body);
    expect(allVerdict.conforms, allVerdict.report).toBe(true);
    expect(all.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const programme = await new TestBrowser(fixture.context.app).get(`/events.ics?programme=${fixture.world.programme.id}`);
    expect(programme.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect((await new TestBrowser(fixture.context.app).get(`/events.ics?programme=${fixture.world.otherProgramme.id}`)).body).not.toContain('BEGIN:VEVENT');
    const partner = await new TestBrowser(fixture.context.app).get(`/events.ics?partner=${fixture.world.partnerA.id}`);
    const partnerVerdict = await validated('partner.ics', partner.body);
    expect(partnerVerdict.conforms, partnerVerdict.report).toBe(true);
    expect(partner.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('attaches a valid file with the online link to a confirmation', async () => {
    const registered = await new TestBrowser(fixture.context.app).post(`/events/${eventId}/registrations`, aRegistrationForm('calendar@example.org'));
    expect(registered.statusCode, registered.body.slice(0, 3000)).toBe(200);
    const { email } = await latestEmailTo(fixture.context.db, 'calendar@example.org');
    const attachment = email?.attachments[0]?.content ?? '';
    const verdict = await validated('attachment.ics', attachment);
    expect(verdict.conforms, verdict.report).toBe(true);
    expect(attachment).toContain('METHOD:REQUEST');
    expect(attachment).toContain('meet.example.org');
  });

  it('is checked for real: a file without its end marker is refused', async () => {
    const response = await new TestBrowser(fixture.context.app).get(`/events/${eventId}.ics`);
    expect((await validated('broken.ics', response.body.replace('END:VCALENDAR', ''))).conforms).toBe(false);
  });
});
