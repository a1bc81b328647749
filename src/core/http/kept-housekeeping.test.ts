/**
 * Housekeeping of kept work (core/http/kept): the background task removes kept forms and files past their day (their
 * chunks with them) and leaves the fresh ones; a browser keeps at most 20 forms and 50 MB of files, the oldest going
 * first. A kept form shown on its own page labels its fields with their names made readable.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backgroundTasks } from '../../app.js';
import { newToken } from '../tokens.js';
import { readPage, TestBrowser } from '../testing/http.js';
import { useTestApp } from '../testing/world.js';
import { keptCookie, keptFileMegabytesPerBrowser, keptFormsPerBrowser } from './kept-owner.js';
import { trimPendingUploadsOf } from './kept-queries.js';
import { megabyte } from './uploads.js';

const site = 'http://localhost';

describe('kept work housekeeping', () => {
  const fixture = useTestApp();

  const minutesFromNow = (minutes: number) => sql<Date>`now() + make_interval(mins => ${minutes})`;

  async function aKeptForm(id: string, ownerHash: string, { expiresIn = 60, createdAgo = 0 } = {}) {
    await fixture.db
      .insertInto('kept_forms')
      .values({
        id,
        owner_hash: ownerHash,
        user_id: null,
        reason: 'token',
        action_url: '/practices',
        page_url: '/practices/new',
        form_values: '{"title":"Typed"}',
        created_at: minutesFromNow(-createdAgo),
        expires_at: minutesFromNow(expiresIn),
      })
      .execute();
  }

  async function aPendingUpload(id: string, ownerHash: string, { expiresIn = 60, createdAgo = 0, sizeBytes = 2, chunks = 1 } = {}) {
    await fixture.db
      .insertInto('pending_uploads')
      .values({
        id,
        owner_hash: ownerHash,
        user_id: null,
        form_url: '/plans/1/reports',
        field: 'files',
        filename: `${id}.pdf`,
        size_bytes: sizeBytes,
        sha256: 'ab',
        created_at: minutesFromNow(-createdAgo),
        expires_at: minutesFromNow(expiresIn),
      })
      .execute();
    for (let position = 0; position < chunks; position += 1) {
      await fixture.db
        .insertInto('pending_upload_chunks')
        .values({ upload_id: id, position, content: Buffer.from('%P') })
        .execute();
    }
  }

  const formIds = async (ownerHash: string) =>
    (await fixture.db.selectFrom('kept_forms').select('id').where('owner_hash', '=', ownerHash).orderBy('id').execute()).map((row) => row.id);
  const uploadIds = async (ownerHash: string) =>
    (await fixture.db.selectFrom('pending_uploads').select('id').where('owner_hash', '=', ownerHash).orderBy('id').execute()).map((row) => row.id);
  const chunksOf = async (id: string) => (await fixture.db.selectFrom('pending_upload_chunks').select('position').where('upload_id', '=', id).execute()).length;

  it('removes expired kept forms and files with their chunks in a background task, and leaves the fresh ones', async () => {
    const owner = 'housekeeping-owner';
    await aKeptForm('form-expired', owner, { expiresIn: -1 });
    await aKeptForm('form-fresh', owner, { expiresIn: 60 });
    await aPendingUpload('upload-expired', owner, { expiresIn: -1, chunks: 2 });
    await aPendingUpload('upload-fresh', owner, { expiresIn: 60, chunks: 1 });

    const task = backgroundTasks(fixture.app).find((candidate) => candidate.name === 'core.kept_work_expiry');
    expect(task).toBeDefined();
    expect(await task?.run()).toEqual({ forms: 1, uploads: 1 });

    expect(await formIds(owner)).toEqual(['form-fresh']);
    expect(await uploadIds(owner)).toEqual(['upload-fresh']);
    expect(await chunksOf('upload-expired')).toBe(0);
    expect(await chunksOf('upload-fresh')).toBe(1);
  });

  it('keeps at most 20 forms per browser: keeping one more drops the oldest, never another browser’s', async () => {
    const token = newToken();
    const owner = fixture.app.keyedHash('kept work', token);
    // Twenty forms kept earlier, form-01 the oldest.
    for (let index = 1; index <= keptFormsPerBrowser; index += 1) {
      await aKeptForm(`form-${String(index).padStart(2, '0')}`, owner, { createdAgo: 100 - index });
    }
    await aKeptForm('elsewhere', 'another-browser', { createdAgo: 1000 });

    // Anonymous (the session ended): the form is kept, "Your work is safe".
    const browser = new TestBrowser(fixture.app);
    browser.cookies.set(keptCookie, token);
    const refused = await browser.post('/practices', { title: 'One more kept form' }, { csrf: 'stale', headers: { referer: `${site}/practices/new` } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Your work is safe');

    const ids = await formIds(owner);
    expect(ids).toHaveLength(keptFormsPerBrowser);
    expect(ids).not.toContain('form-01');
    expect(ids).toContain('form-02');
    expect(ids.filter((id) => !id.startsWith('form-'))).toHaveLength(1);
    expect(await formIds('another-browser')).toEqual(['elsewhere']);
  });

  it('keeps at most 50 MB of files per browser: the files just kept stay, the oldest others go first with their chunks', async () => {
    const owner = 'files-owner';
    const twenty = 20 * megabyte;
    await aPendingUpload('a-oldest', owner, { createdAgo: 30, sizeBytes: twenty, chunks: 2 });
    await aPendingUpload('b-older', owner, { createdAgo: 20, sizeBytes: twenty });
    await aPendingUpload('c-newer', owner, { createdAgo: 10, sizeBytes: twenty });
    await aPendingUpload('d-expired', owner, { createdAgo: 5, sizeBytes: twenty, expiresIn: -1 });
    await aPendingUpload('e-just-kept', owner, { sizeBytes: 10 * megabyte });
    await aPendingUpload('other-browser', 'another-owner', { createdAgo: 40, sizeBytes: twenty });

    // 10 MB just kept + 20 + 20 = 50 MB fit; the oldest 20 MB do not (an expired file counts against nothing).
    expect(await trimPendingUploadsOf(fixture.db, owner, ['e-just-kept'], keptFileMegabytesPerBrowser * megabyte)).toBe(1);
    expect(await uploadIds(owner)).toEqual(['b-older', 'c-newer', 'd-expired', 'e-just-kept']);
    expect(await chunksOf('a-oldest')).toBe(0);
    expect(await uploadIds('another-owner')).toEqual(['other-browser']);

    // Files just kept always stay, even when they alone fill the room: every older file goes.
    expect(await trimPendingUploadsOf(fixture.db, owner, ['e-just-kept'], 10 * megabyte)).toBe(2);
    expect(await uploadIds(owner)).toEqual(['d-expired', 'e-just-kept']);
  });
});

describe('a kept form shown on its own page', () => {
  const fixture = useTestApp();

  it('labels each field with its name made readable, and posts it to the form’s address', async () => {
    const visitor = new TestBrowser(fixture.app);
    // A public form refused for its token, sent from this site with no Referer: the page that had it is unknown.
    const refused = readPage(
      await visitor.post('/events/999/registrations', { workDone: 'Two workshops', title_it: 'Una pratica' }, { csrf: 'stale', headers: { origin: site } }),
    );
    expect(refused.status).toBe(403);
    const back = refused.document.querySelector('a[href^="/kept-forms/"]')?.getAttribute('href') ?? '';
    const page = readPage(await visitor.get(back));
    expect(page.status).toBe(200);
    expect(page.screen.getByLabelText('Work done')).toHaveProperty('value', 'Two workshops');
    expect(page.screen.getByLabelText('Title (it)')).toHaveProperty('value', 'Una pratica');
    expect(page.document.querySelector('form')?.getAttribute('action')).toBe('/events/999/registrations');
  });
});
