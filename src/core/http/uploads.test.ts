/**
 * Every form that takes files refuses one over its limit at the file field, naming the file and the limit the page
 * states, keeps nothing, and answers a browser even when the body goes on far past the limit.
 */
import { describe, expect, it } from 'vitest';
import { anEvent } from '../../modules/events/test-support.js';
import { createInstrument } from '../../modules/instruments/service.js';
import { newInstrumentInput } from '../../modules/instruments/test-support.js';
import { systemActor } from '../policy/actor.js';
import { readPage } from '../testing/http.js';
import { useWorld } from '../testing/world.js';
import { megabyte } from './uploads.js';

const fixture = useWorld();
const csv = (field: string, filename: string, sizeBytes: number) => ({ field, filename, sizeBytes, head: Buffer.from('title,summary\n') });

describe('upload limits of each form', () => {
  it('refuses a 21 MB practice file on the import form, which says 20 MB, importing nothing', async () => {
    const editor = await fixture.browserFor('editorA');
    expect((await editor.page('/practices/import')).mainText).toContain('20 MB');
    const before = await fixture.context.db.selectFrom('practices').select('id').execute();
    const page = readPage(await editor.uploadStream('/practices/import', [csv('file', 'library.csv', 21 * megabyte)], { programmeId: String(fixture.world.programme.id) }));
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('“library.csv” is larger than 20 MB: choose a smaller file');
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toContain('Import');
    expect(await fixture.context.db.selectFrom('practices').select('id').execute()).toHaveLength(before.length);
  });

  it('refuses an 11 MB instrument file on the import form, which says 10 MB', async () => {
    const editor = await fixture.browserFor('editorA');
    expect((await editor.page('/instruments/import')).mainText).toContain('10 MB');
    const page = readPage(await editor.uploadStream('/instruments/import', [csv('file', 'catalogue.csv', 11 * megabyte)]));
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('“catalogue.csv” is larger than 10 MB: choose a smaller file');
  });

  it('refuses an 11 MB impact file on the instrument’s import form, which says 10 MB', async () => {
    const created = await createInstrument(fixture.context.db, systemActor('test'), newInstrumentInput(fixture.world.partnerA.id, 'Payments portal'));
    if (!created.ok) throw new Error(created.reason);
    const editor = await fixture.browserFor('editorA');
    const path = `/instruments/${created.value.id}/impact/import`;
    expect((await editor.page(path)).mainText).toContain('10 MB');
    const page = readPage(await editor.uploadStream(path, [csv('file', 'impact.csv', 11 * megabyte)]));
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('“impact.csv” is larger than 10 MB: choose a smaller file');
  });

  it('refuses a 2 MB sign-in sheet at the 1 MB the page states, recording nothing', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const host = await fixture.browserFor('editorA');
    expect((await host.page(`/events/${id}/participants`)).mainText).toContain('UTF-8, up to 1 MB.');
    const page = readPage(await host.uploadStream(`/events/${id}/attendance/sheet`, [{ field: 'sheet', filename: 'sheet.csv', sizeBytes: 2 * megabyte, head: Buffer.from('email\n') }]));
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('“sheet.csv” is larger than 1 MB: choose a smaller file');
  });

  it('answers a body that goes on far past the limit with the form, stopping at the cap without its token, and changes nothing', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const host = await fixture.browserFor('editorA');
    // No declared length (a chunked body) and no CSRF token before the file: the cut comes before any token.
    const response = await host.uploadStream(`/events/${id}/attendance/sheet`, [{ field: 'sheet', filename: 'endless.csv', sizeBytes: 140 * megabyte }], {}, { csrf: false, declareLength: false });
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(readPage(response).mainText).toContain('“endless.csv” is larger than 1 MB: choose a smaller file');
    const attended = await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', id).where('attended_at', 'is not', null).execute();
    expect(attended).toEqual([]);
  });

  it('still refuses an upload within the limits whose CSRF token is forged', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const host = await fixture.browserFor('editorA');
    const response = await host.uploadStream(`/events/${id}/attendance/sheet`, [{ field: 'sheet', filename: 'sheet.csv', sizeBytes: 100, head: Buffer.from('email\n') }], { _csrf: 'forged' }, { csrf: false });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a malformed multipart body with the bad request page', async () => {
    const editor = await fixture.browserFor('editorA');
    const boundary = 'broken-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\n\r\ntitle\nunfinished`;
    const response = await fixture.context.app.inject({ method: 'POST', url: '/instruments/import', payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...editor.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
    expect(response.statusCode).toBe(400);
    expect(readPage(response).title).toContain('The request could not be understood');
  });
});
