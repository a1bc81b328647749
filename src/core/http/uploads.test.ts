/**
 * Every form that takes files refuses one over its limit at the file field, naming the file and the limit the page
 * states, keeps nothing, and answers a browser even when the body goes on far past the limit. Who could never upload
 * there is answered before the body is read, and no temporary file outlives its request, however it ends.
 */
import Fastify from 'fastify';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createInstrument } from '../../modules/instruments/service.js';
import { anEvent, anInstrumentInput } from '../testing/records.js';
import { systemActor } from '../policy/actor.js';
import { readPage, TestBrowser, type GeneratedFile } from '../testing/http.js';
import { useWorld } from '../testing/world.js';
import { acceptUploads, megabyte, oneFile, uploadedFile, uploadOf } from './uploads.js';

// The forms' temporary folders are made under TMPDIR when the app is built: this file's own, to look into.
const temporary = mkdtempSync(path.join(tmpdir(), 'better-uploads-test-'));
process.env.TMPDIR = temporary;
afterAll(() => rm(temporary, { recursive: true, force: true }));

/** Every temporary file the forms hold now. */
async function storedUploads(): Promise<string[]> {
  const folders = await readdir(temporary);
  return (await Promise.all(folders.map(async (folder) => (await readdir(path.join(temporary, folder))).map((file) => path.join(folder, file))))).flat();
}

const fixture = useWorld();
const csv = (field: string, filename: string, sizeBytes: number) => ({ field, filename, sizeBytes, head: Buffer.from('title,summary\n') });

describe('upload limits of each form', () => {
  it('refuses a 21 MB practice file on the import form, which says 20 MB, importing nothing', async () => {
    const editor = await fixture.browserFor('editorA');
    expect((await editor.page('/practices/import')).mainText).toContain('20 MB');
    const before = await fixture.context.db.selectFrom('practices').select('id').execute();
    const page = readPage(
      await editor.uploadStream('/practices/import', [csv('file', 'library.csv', 21 * megabyte)], { programmeId: String(fixture.world.programme.id) }),
    );
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
    const created = await createInstrument(fixture.context.db, systemActor('test'), anInstrumentInput(fixture.world.partnerA.id, 'Payments portal'));
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
    expect((await host.page(`/events/${id}/participants`)).mainText).toContain('Up to 1 MB.');
    const page = readPage(
      await host.uploadStream(`/events/${id}/attendance/sheet`, [
        { field: 'sheet', filename: 'sheet.csv', sizeBytes: 2 * megabyte, head: Buffer.from('email\n') },
      ]),
    );
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('“sheet.csv” is larger than 1 MB: choose a smaller file');
  });

  it('answers a body that goes on far past the limit with the form, stopping at the cap without its token, and changes nothing', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const host = await fixture.browserFor('editorA');
    // No declared length (a chunked body) and no CSRF token before the file: the cut comes before any token.
    const response = await host.uploadStream(
      `/events/${id}/attendance/sheet`,
      [{ field: 'sheet', filename: 'endless.csv', sizeBytes: 140 * megabyte }],
      {},
      { csrf: false, declareLength: false },
    );
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(readPage(response).mainText).toContain('“endless.csv” is larger than 1 MB: choose a smaller file');
    const attended = await fixture.context.db
      .selectFrom('registrations')
      .select('id')
      .where('event_id', '=', id)
      .where('attended_at', 'is not', null)
      .execute();
    expect(attended).toEqual([]);
  });

  it('still refuses an upload within the limits whose CSRF token is forged, keeping none of its file past the answer', async () => {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id);
    const host = await fixture.browserFor('editorA');
    const response = await host.uploadStream(
      `/events/${id}/attendance/sheet`,
      [{ field: 'sheet', filename: 'sheet.csv', sizeBytes: 100, head: Buffer.from('email\n') }],
      { _csrf: 'forged' },
      { csrf: false },
    );
    expect(response.statusCode).toBe(403);
    expect(await storedUploads()).toEqual([]);
  });

  it('refuses a form that sends more fields than it has, saying so on the form, rather than dropping the rest', async () => {
    const editor = await fixture.browserFor('editorA');
    const extra = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`extra${index}`, 'x']));
    const page = readPage(await editor.uploadStream('/instruments/import', [csv('file', 'catalogue.csv', 100)], extra));
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('The form sent more than 20 fields: open the page again and send the form from there');
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toContain('Import');
  });

  it('refuses a malformed multipart body with the bad request page', async () => {
    const editor = await fixture.browserFor('editorA');
    const boundary = 'broken-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\n\r\ntitle\nunfinished`;
    const response = await fixture.context.app.inject({
      method: 'POST',
      url: '/instruments/import',
      payload: body,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: [...editor.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      },
    });
    expect(response.statusCode).toBe(400);
    expect(readPage(response).title).toContain('The request could not be understood');
  });
});

describe('who could never upload there', () => {
  /** A 30 MB upload to the catalogue import whose body is generated as it is read; `read()` says whether it was read to its end. */
  function largeUpload(browser: TestBrowser) {
    let sent = false;
    const files: GeneratedFile[] = [csv('file', 'catalogue.csv', 30 * megabyte)];
    const response = browser.uploadStream('/instruments/import', files, {}, { onSent: () => (sent = true) });
    return { response, read: () => sent };
  }

  it('is sent to sign in before a byte of the body is read, and nothing is stored', async () => {
    const visitor = new TestBrowser(fixture.context.app);
    const upload = largeUpload(visitor);
    const response = await upload.response;
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in');
    expect(response.headers.connection).toBe('close');
    expect(upload.read()).toBe(false);
    expect(await storedUploads()).toEqual([]);
    // Even a malformed body: it is never parsed.
    const malformed = await fixture.context.app.inject({
      method: 'POST',
      url: '/practices/import',
      payload: '--x\r\nbroken',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(malformed.statusCode).toBe(303);
  });

  it('is refused with 403 before a byte of the body is read when no role of theirs could ever do it', async () => {
    const stakeholder = await fixture.browserFor('stakeholderA');
    const upload = largeUpload(stakeholder);
    const response = await upload.response;
    expect(response.statusCode).toBe(403);
    expect(response.headers.connection).toBe('close');
    expect(upload.read()).toBe(false);
    expect(await storedUploads()).toEqual([]);
  });
});

describe('a client that goes away', () => {
  it('mid-file leaves no temporary file behind and ends its request', async () => {
    const editor = await fixture.browserFor('editorA');
    const token = await editor.csrfToken();
    const { port } = new URL(await fixture.context.app.listen({ port: 0, host: '127.0.0.1' }));
    const boundary = 'dropped-boundary';
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /instruments/import HTTP/1.1\r\nHost: better.test\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${5 * megabyte}\r\n` +
        `Cookie: ${[...editor.cookies].map(([name, value]) => `${name}=${value}`).join('; ')}\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\nContent-Type: text/csv\r\n\r\ntitle,summary\n`,
    );
    socket.write(Buffer.alloc(megabyte, 0x41));
    // Part of the file is stored when the connection drops.
    await vi.waitFor(async () => expect(await storedUploads()).toHaveLength(1), { timeout: 10_000 });
    socket.destroy();
    await vi.waitFor(async () => expect(await storedUploads()).toEqual([]), { timeout: 10_000 });
  });

  it('while its handler runs leaves the handler its files, removed once it has answered', async () => {
    const app = Fastify();
    let handlerStarted!: () => void;
    const started = new Promise<void>((resolve) => (handlerStarted = resolve));
    let handled!: Promise<{ listed: number; text: string }>;
    await app.register(async (scope) => {
      await acceptUploads(scope, oneFile(1));
      scope.post('/upload', { config: { public: true } }, async (request, reply) => {
        const file = uploadedFile(request);
        const gone = once(reply.raw, 'close');
        handlerStarted();
        handled = gone.then(async () => ({ listed: uploadOf(request).files.length, text: await readFile(file?.path ?? '', 'utf8') }));
        await handled;
        return reply.send('read');
      });
    });
    try {
      const { port } = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
      const body = '--b\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nkept while read\r\n--b--\r\n';
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        `POST /upload HTTP/1.1\r\nHost: better.test\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      await started;
      socket.destroy();
      expect(await handled).toEqual({ listed: 1, text: 'kept while read' });
      await vi.waitFor(async () => expect(await storedUploads()).toEqual([]), { timeout: 10_000 });
    } finally {
      await app.close();
    }
  });
});
