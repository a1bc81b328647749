/** The host's list of participants and check-in, and sign-in sheets: personal data stays with the host. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { getEvent } from '../hosting/service.js';
import { participationHelpers } from '../test-support.js';

const fixture = useWorld();
const { eventWithPeople, registrationId } = participationHelpers(fixture);

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
    expect(
      (await (await fixture.browserFor('editorB')).post(`/events/${id}/attendance/${await registrationId('a.two@example.org')}`, { attended: 'yes' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('sign-in sheets', () => {
  it('reports each line that does not match and records nothing, then records a clean sheet', async () => {
    const id = await eventWithPeople(['s.one@example.org', 's.two@example.org']);
    const host = await fixture.browserFor('editorA');
    const upload = (csv: string | Buffer, filename = 'sheet.csv') =>
      host.upload(`/events/${id}/attendance/sheet`, { sheet: { filename, content: csv, contentType: 'text/csv' } });
    const bad = readPage(await upload('name,email\nOne,s.one@example.org\nStranger,nobody@example.org\nOne again,S.ONE@example.org\n'));
    expect(bad.status).toBe(400);
    expect(bad.mainText).toContain('Line 3: nobody registered with nobody@example.org');
    expect(bad.mainText).toContain('Line 4: the same email is already on line 2');
    expect((await getEvent(fixture.context.db, id))?.registered).toBe(2);
    expect(await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', id).where('attended_at', 'is not', null).execute()).toEqual(
      [],
    );
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
    expect(
      (await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', id).where('attended_at', 'is not', null).execute()).length,
    ).toBe(2);
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
