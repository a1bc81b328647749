/**
 * The page cache answers again only what it may: the same page for the same visitor, language and reader, while no
 * write (through the app or not) and no minute has passed; never a page shown once, another person's page, or a page
 * with a CSRF token of a visitor's own. Runs on PGlite and, with npm run test:pg, on PostgreSQL.
 */
import { sql } from 'kysely';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tx } from '../db/database.js';
import { partnerFormFields } from '../testing/factories.js';
import { TestBrowser } from '../testing/http.js';
import { useWorld } from '../testing/world.js';
import { locales } from '../i18n/locales.js';
import { dataVersionOf } from './data-version.js';

const fixture = useWorld();
const browserHeaders = { accept: 'text/html,application/xhtml+xml' };

afterEach(() => {
  vi.useRealTimers();
});

function partnerPage(): string {
  return `/partners/${fixture.world.partnerA.id}`;
}

async function renamePartner(name: string): Promise<void> {
  await sql`update partners set name = ${name} where id = ${fixture.world.partnerA.id}`.execute(fixture.context.db);
}

describe('the page cache', () => {
  it('answers a visitor’s second request from memory, with the same page', async () => {
    const visitor = new TestBrowser(fixture.context.app, browserHeaders);
    const first = await visitor.get(partnerPage());
    const second = await visitor.get(partnerPage());
    expect(first.headers['x-page-cache']).toBeUndefined();
    expect(second.headers['x-page-cache']).toBe('hit');
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['cache-control']).toBe('no-cache');
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
  });

  it('shows a change written through the app at once', async () => {
    const visitor = new TestBrowser(fixture.context.app, browserHeaders);
    await visitor.get(partnerPage());
    expect((await visitor.get(partnerPage())).headers['x-page-cache']).toBe('hit');
    const coordinator = await fixture.browserFor('coordinator');
    expect((await coordinator.post(partnerPage(), partnerFormFields(fixture.world.partnerA, { name: 'Renamed through the form' }))).statusCode).toBe(303);
    const after = await visitor.get(partnerPage());
    expect(after.headers['x-page-cache']).toBeUndefined();
    expect(after.body).toContain('Renamed through the form');
  });

  it('shows a change written outside the app (a command, an import, SQL) at once, in every language', async () => {
    const visitors = locales.map((locale) => new TestBrowser(fixture.context.app, { ...browserHeaders, 'accept-language': locale }));
    for (const visitor of visitors) await visitor.get(partnerPage());
    await renamePartner('Renamed by a statement');
    for (const visitor of visitors) expect((await visitor.get(partnerPage())).body).toContain('Renamed by a statement');
  });

  it('raises the data version only when a row changes, once per transaction', async () => {
    const { db } = fixture.context;
    const before = await dataVersionOf(db);
    await sql`update partners set name = name where false`.execute(db);
    await sql`delete from kept_forms where false`.execute(db);
    expect(await dataVersionOf(db)).toBe(before);
    await db.transaction().execute(async (trx) => {
      await sql`update partners set name = name || '' where id = ${fixture.world.partnerA.id}`.execute(trx);
      await sql`update partners set name = name || '' where id = ${fixture.world.partnerB.id}`.execute(trx);
    });
    expect(await dataVersionOf(db)).toBe(before + 1);
  });

  it('forgets a raise rolled back with its savepoint or transaction', async () => {
    const { db } = fixture.context;
    const before = await dataVersionOf(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await renameIn(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await dataVersionOf(db)).toBe(before);
    await db.transaction().execute(async (trx) => {
      await sql`savepoint attempt`.execute(trx);
      await renameIn(trx);
      await sql`rollback to savepoint attempt`.execute(trx);
      await renameIn(trx);
    });
    expect(await dataVersionOf(db)).toBe(before + 1);
  });

  it('keeps pages apart by language, by reader (a browser or a script) and by address', async () => {
    const english = new TestBrowser(fixture.context.app, { ...browserHeaders, 'accept-language': 'en' });
    const italian = new TestBrowser(fixture.context.app, { ...browserHeaders, 'accept-language': 'it' });
    const script = new TestBrowser(fixture.context.app, { 'accept-language': 'en' });
    const englishPage = (await english.get(partnerPage())).body;
    const italianPage = (await italian.get(partnerPage())).body;
    expect(italianPage).not.toBe(englishPage);
    expect((await italian.get(partnerPage())).body).toBe(italianPage);
    expect((await english.get(partnerPage())).body).toBe(englishPage);
    expect((await script.get(partnerPage())).headers['x-page-cache']).toBeUndefined();
    expect((await english.get(`${partnerPage()}?x=1`)).headers['x-page-cache']).toBeUndefined();
  });

  it('sends the same page however it is encoded, and answers 304 to a browser that has it', async () => {
    const visitor = new TestBrowser(fixture.context.app, browserHeaders);
    const plain = await visitor.get(partnerPage(), { 'accept-encoding': 'identity' });
    const brotli = await visitor.get(partnerPage(), { 'accept-encoding': 'br, gzip' });
    const gzip = await visitor.get(partnerPage(), { 'accept-encoding': 'gzip' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(brotli.headers.etag).toBe(etag);
    const unchanged = await visitor.get(partnerPage(), { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    await renamePartner('Renamed for the tag');
    const changed = await visitor.get(partnerPage(), { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('renders again when the minute changes (what is upcoming, open or overdue is known to the minute)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-01T10:00:30Z'));
    const visitor = new TestBrowser(fixture.context.app, browserHeaders);
    await visitor.get(partnerPage());
    vi.setSystemTime(new Date('2027-03-01T10:00:59Z'));
    expect((await visitor.get(partnerPage())).headers['x-page-cache']).toBe('hit');
    vi.setSystemTime(new Date('2027-03-01T10:01:00Z'));
    expect((await visitor.get(partnerPage())).headers['x-page-cache']).toBeUndefined();
  });

  it('gives each visitor without a session their own CSRF token in a page kept for all, and only theirs works', async () => {
    const first = new TestBrowser(fixture.context.app, browserHeaders);
    const second = new TestBrowser(fixture.context.app, browserHeaders);
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const firstForm = await first.get('/sign-in');
    const secondForm = await second.get('/sign-in');
    expect(secondForm.headers['x-page-cache']).toBe('hit');
    expect(secondForm.body.replace(tokenOf(secondForm.body), '')).toBe(firstForm.body.replace(tokenOf(firstForm.body), ''));
    expect(tokenOf(secondForm.body)).not.toBe(tokenOf(firstForm.body));
    expect(second.cookies.get('better_csrf')).toBeDefined();
    expect(second.cookies.get('better_csrf')).not.toBe(first.cookies.get('better_csrf'));
    const { email, password } = fixture.world.users.stakeholderA;
    // Another visitor's token is refused; the visitor's own, from the kept page, signs in.
    expect((await first.post('/sign-in', { email, password }, { csrf: tokenOf(secondForm.body) })).statusCode).toBe(403);
    expect((await second.post('/sign-in', { email, password }, { csrf: tokenOf(secondForm.body) })).statusCode).toBe(303);
  });

  it('tags a page with a visitor’s own token the same for every visitor, and answers 304 only to one who still holds their cookie', async () => {
    const first = new TestBrowser(fixture.context.app, browserHeaders);
    const rendered = await first.get('/sign-in');
    const etag = rendered.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const kept = await new TestBrowser(fixture.context.app, browserHeaders).get('/sign-in', { 'accept-encoding': 'gzip' });
    expect(kept.headers['x-page-cache']).toBe('hit');
    expect(kept.headers.etag).toBe(etag);
    const unchanged = await first.get('/sign-in', { 'if-none-match': etag });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.headers['set-cookie']).toBeUndefined();
    // Without their cookie (or with one this platform did not sign), the copy's token is no longer theirs: a new page.
    const cookieLost = await new TestBrowser(fixture.context.app, browserHeaders).get('/sign-in', { 'if-none-match': etag });
    expect(cookieLost.statusCode).toBe(200);
    expect(cookieLost.body).toContain('name="_csrf"');
    const forged = await new TestBrowser(fixture.context.app, browserHeaders).get('/sign-in', { 'if-none-match': etag, cookie: 'better_csrf=forged.secret' });
    expect(forged.statusCode).toBe(200);
    await renamePartner('Any write makes the page render again');
    const afterWrite = await first.get('/sign-in', { 'if-none-match': etag });
    expect(afterWrite.statusCode).toBe(200);
    expect(afterWrite.headers['x-page-cache']).toBeUndefined();
    expect((await first.get('/sign-in', { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('sends a kept page with a visitor’s own token gzipped, even to a browser that prefers brotli', async () => {
    const tokenOf = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
    const first = new TestBrowser(fixture.context.app, browserHeaders);
    const rendered = await first.get('/sign-in', { 'accept-encoding': 'identity' });
    const visitors: { visitor: TestBrowser; page: string }[] = [];
    for (const acceptEncoding of ['br, gzip', 'gzip;q=0.5, br', '*']) {
      const visitor = new TestBrowser(fixture.context.app, browserHeaders);
      const kept = await visitor.get('/sign-in', { 'accept-encoding': acceptEncoding });
      expect(kept.headers['x-page-cache']).toBe('hit');
      expect(kept.headers['content-encoding']).toBe('gzip');
      const page = gunzipSync(kept.rawPayload).toString();
      expect(page.replace(tokenOf(page), '')).toBe(rendered.body.replace(tokenOf(rendered.body), ''));
      visitors.push({ visitor, page });
    }
    const brotliOnly = await new TestBrowser(fixture.context.app, browserHeaders).get('/sign-in', { 'accept-encoding': 'br, gzip;q=0' });
    expect(brotliOnly.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotliOnly.rawPayload).toString()).toContain('name="_csrf"');
    // Each visitor's token, sent gzipped, is their own (signing in writes, so every page is fetched first).
    const { email, password } = fixture.world.users.stakeholderA;
    for (const { visitor, page } of visitors) {
      expect((await visitor.post('/sign-in', { email, password }, { csrf: tokenOf(page) })).statusCode).toBe(303);
    }
  });

  it('renders a page asked for by many at once only once, and lets them all go on when it cannot be kept', async () => {
    const visitors = Array.from({ length: 6 }, () => new TestBrowser(fixture.context.app, browserHeaders));
    const pages = await Promise.all(visitors.map((visitor) => visitor.get(partnerPage())));
    expect(pages.map((page) => page.statusCode)).toEqual(visitors.map(() => 200));
    expect(pages.filter((page) => page.headers['x-page-cache'] !== 'hit')).toHaveLength(1);
    expect(new Set(pages.map((page) => page.body)).size).toBe(1);
    // A page for the signed-in only sends visitors to sign in: never kept, so each waits for the first, then renders.
    const redirects = await Promise.all(visitors.map((visitor) => visitor.get('/me')));
    expect(redirects.map((page) => page.statusCode)).toEqual(visitors.map(() => 303));
  });

  it('keeps a signed-in person’s pages to their own session, and drops them at sign-out', async () => {
    const editor = await fixture.browserFor('editorA');
    const otherEditor = await fixture.browserFor('editorB');
    const mine = await editor.get('/account', browserHeaders);
    expect((await editor.get('/account', browserHeaders)).headers['x-page-cache']).toBe('hit');
    expect(mine.headers['cache-control']).toBe('no-store');
    const theirs = await otherEditor.get('/account', browserHeaders);
    expect(theirs.body).not.toBe(mine.body);
    expect(theirs.body).toContain(fixture.world.users.editorB.email);
    const cookiesBefore = new Map(editor.cookies);
    expect((await editor.post('/sign-out', {})).statusCode).toBe(303);
    // The old session cookie, sent again (a copy kept elsewhere), opens nothing, cached or not.
    const replay = new TestBrowser(fixture.context.app, browserHeaders);
    for (const [name, value] of cookiesBefore) replay.cookies.set(name, value);
    const afterSignOut = await replay.get('/account');
    expect(afterSignOut.statusCode).toBe(303);
  });

  it('never answers a page that shows something once (a flash message) from memory', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    await coordinator.get(partnerPage(), browserHeaders);
    const saved = await coordinator.post(partnerPage(), partnerFormFields(fixture.world.partnerA, { name: 'Saved with a message' }));
    expect(saved.statusCode).toBe(303);
    const withMessage = await coordinator.get(saved.headers.location as string, browserHeaders);
    expect(withMessage.headers['x-page-cache']).toBeUndefined();
    const again = await coordinator.get(saved.headers.location as string, browserHeaders);
    expect(again.body).not.toBe(withMessage.body);
  });
});

async function renameIn(trx: Tx): Promise<void> {
  await sql`update partners set name = name || '' where id = ${fixture.world.partnerA.id}`.execute(trx);
}
