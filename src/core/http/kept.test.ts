/**
 * Forms never lose work (core/http/kept): a form refused for a stale token or an ended session is kept and shown
 * again, filled in, after signing in again, and saved once; the files accepted on a refused report form are kept and
 * used when it is sent again; a language switch after a refused form shows it again in the new language, with its
 * input and messages, writing nothing. Another browser or another person never sees kept work.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, TestBrowser, type Page } from '../testing/http.js';
import { anEndorsedPlan, anEvent, aPracticeForm, aRegistrationForm, aReportForm, minimalPdf } from '../testing/records.js';
import { useWorld } from '../testing/world.js';

const site = 'http://localhost';

/** The first link of a page whose address starts with `prefix`. */
function linkTo(page: Page, prefix: string): string {
  const link = [...page.document.querySelectorAll('a')].map((anchor) => anchor.getAttribute('href') ?? '').find((href) => href.startsWith(prefix));
  if (!link) throw new Error(`No link to ${prefix} on ${page.title}`);
  return link;
}

/** Follows redirects from a GET, as a browser would; the last page. */
async function follow(browser: TestBrowser, url: string): Promise<Page> {
  let response = await browser.get(url);
  for (let hops = 0; response.statusCode >= 300 && response.statusCode < 400 && hops < 5; hops += 1) {
    response = await browser.get(String(response.headers.location));
  }
  return readPage(response);
}

describe('a form refused for its token or an ended session', () => {
  const fixture = useWorld();
  const titled = async (title: string) => (await fixture.context.db.selectFrom('practices').select('id').where('title', '=', title).execute()).length;

  it('is kept: sign in again, the form comes back as typed, and one save writes it once', async () => {
    const { world } = fixture;
    const editor = await fixture.browserFor('editorA');
    const token = await editor.csrfToken();
    // The session ends in another tab.
    expect((await editor.post('/sign-out', {})).statusCode).toBe(303);
    const title = 'A practice typed for an hour';
    const refused = readPage(
      await editor.post('/practices', aPracticeForm(world.partnerA.id, { title }), { csrf: token, headers: { referer: `${site}/practices/new` } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.mainText).toContain('Your work is safe');
    expect(refused.mainText).toContain('your session has ended');
    expect(await titled(title)).toBe(0);

    const signIn = linkTo(refused, '/sign-in?next=');
    const kept = decodeURIComponent(signIn.split('next=')[1] ?? '');
    expect(kept).toMatch(/^\/kept-forms\/[A-Za-z0-9_-]{43}$/);
    // Another browser, even signed in as the same person, finds nothing.
    expect((await (await fixture.browserFor('editorA')).get(kept)).statusCode).toBe(404);
    // Not signed in yet: still asked to sign in, nothing shown.
    const asked = readPage(await editor.get(kept));
    expect(asked.mainText).toContain('Sign in again');
    expect(asked.mainText).not.toContain(title);

    const signedIn = await editor.post('/sign-in', { email: world.users.editorA.email, password: world.users.editorA.password, next: kept });
    expect(signedIn.headers.location).toBe(kept);
    const form = await follow(editor, kept);
    expect(form.status).toBe(200);
    expect(form.mainText).toContain('Your work was kept');
    expect(form.screen.getByLabelText('Title')).toHaveProperty('value', title);
    expect(await titled(title)).toBe(0);

    const saved = await editor.post('/practices', aPracticeForm(world.partnerA.id, { title }), { headers: { referer: `${site}/practices/new` } });
    expect(saved.statusCode).toBe(303);
    expect(await titled(title)).toBe(1);
    // Saved: the kept copy is gone.
    expect((await editor.get(kept)).statusCode).toBe(404);
  });

  it('is never shown to another person signed in on the same browser', async () => {
    const { world } = fixture;
    const editor = await fixture.browserFor('editorA');
    const token = await editor.csrfToken();
    await editor.post('/sign-out', {});
    const refused = readPage(
      await editor.post('/practices', aPracticeForm(world.partnerA.id, { title: 'Not for others' }), {
        csrf: token,
        headers: { referer: `${site}/practices/new` },
      }),
    );
    const kept = decodeURIComponent(linkTo(refused, '/sign-in?next=').split('next=')[1] ?? '');
    // editorA signs in first (the work becomes theirs), then editorB signs in on the same browser.
    await editor.post('/sign-in', { email: world.users.editorA.email, password: world.users.editorA.password, next: kept });
    expect((await editor.get(kept)).statusCode).toBe(303);
    await editor.post('/sign-out', {});
    await editor.post('/sign-in', { email: world.users.editorB.email, password: world.users.editorB.password });
    expect((await editor.get(kept)).statusCode).toBe(404);
    const page = readPage(await editor.get('/practices/new'));
    expect(page.mainText).not.toContain('Your work was kept');
  });

  it('is kept when the token is stale but the session goes on, and shown again without signing in', async () => {
    const { world } = fixture;
    const editor = await fixture.browserFor('editorA');
    const title = 'Typed while the secret changed';
    const refused = readPage(
      await editor.post('/practices', aPracticeForm(world.partnerA.id, { title }), { csrf: 'stale-token', headers: { referer: `${site}/practices/new` } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.mainText).toContain('the page was open for a long time');
    const form = await follow(editor, linkTo(refused, '/kept-forms/'));
    expect(form.screen.getByLabelText('Title')).toHaveProperty('value', title);
    expect(await titled(title)).toBe(0);
  });

  it('is not kept for a form sent from another site, nor for a password form', async () => {
    const editor = await fixture.browserFor('editorA');
    const foreign = await editor.post('/practices', aPracticeForm(fixture.world.partnerA.id), {
      csrf: 'stale',
      headers: { referer: 'https://elsewhere.example/form' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).not.toContain('Your work is safe');
    const password = await new TestBrowser(fixture.context.app).post(
      '/sign-in',
      { email: 'someone@example.org', password: 'typed secret' },
      { csrf: 'stale', headers: { referer: `${site}/sign-in` } },
    );
    expect(password.body).not.toContain('Your work is safe');
    expect(await fixture.context.db.selectFrom('kept_forms').select('id').where('form_values', 'like', '%typed secret%').execute()).toEqual([]);
  });
});

describe('a language switch after a refused form', () => {
  const fixture = useWorld();
  let eventId = 0;
  beforeAll(async () => {
    eventId = await anEvent(fixture.context.db, fixture.world.partnerA.id);
  });
  const registrations = async () => (await fixture.context.db.selectFrom('registrations').select('id').where('event_id', '=', eventId).execute()).length;

  it.each([
    ['it', 'Italiano'],
    ['et', 'Eesti'],
    ['hu', 'Magyar'],
    ['sv', 'Svenska'],
    ['en', 'English'],
  ])('shows the registration form again in %s with its input and messages, and registers nobody', async (code) => {
    const visitor = new TestBrowser(fixture.context.app, code === 'en' ? { 'accept-language': 'it' } : {});
    const refused = readPage(
      await visitor.post(`/events/${eventId}/registrations`, aRegistrationForm('ada@example.org', { consent: '' }), {
        headers: { referer: `${site}/events/${eventId}` },
      }),
    );
    expect(refused.status).toBe(400);
    const switchTo = refused.document.querySelector(`a[hreflang="${code}"]`)?.getAttribute('href') ?? '';
    expect(switchTo).toMatch(new RegExp(`^/language/${code}\\?next=%2Fkept-forms%2F`));
    const page = await follow(visitor, switchTo);
    expect(page.status).toBe(200);
    expect(page.document.documentElement.lang).toBe(code);
    expect(page.response.body).toContain('value="Ada Lovelace"');
    expect(page.document.querySelector('.error-summary')).not.toBeNull();
    expect(page.document.querySelector('#field-consent-error')).not.toBeNull();
    expect(await registrations()).toBe(0);
  });

  it('shows a staff form (a practice) again in Italian with its input', async () => {
    const editor = await fixture.browserFor('editorA');
    const refused = readPage(
      await editor.post('/practices', aPracticeForm(fixture.world.partnerA.id, { title: 'Una pratica', summary: '' }), {
        headers: { referer: `${site}/practices/new` },
      }),
    );
    expect(refused.status).toBe(400);
    const page = await follow(editor, refused.document.querySelector('a[hreflang="it"]')?.getAttribute('href') ?? '');
    expect(page.status).toBe(200);
    expect(page.document.documentElement.lang).toBe('it');
    expect(page.response.body).toContain('value="Una pratica"');
    expect(page.document.querySelector('.error-summary')).not.toBeNull();
    expect((await fixture.context.db.selectFrom('practices').select('id').where('title', '=', 'Una pratica').execute()).length).toBe(0);
  });

  it('leads back to the page of the form when its copy cannot be kept (no Referer: the home page, never a POST address)', async () => {
    const visitor = new TestBrowser(fixture.context.app);
    const refused = readPage(await visitor.post(`/events/${eventId}/registrations`, aRegistrationForm('x@example.org', { consent: '' })));
    const href = refused.document.querySelector('a[hreflang="it"]')?.getAttribute('href') ?? '';
    expect(href).not.toContain('registrations');
  });
});

describe('files on a refused report form', () => {
  const fixture = useWorld();
  let url = '';
  let planId = 0;
  beforeAll(async () => {
    const plan = await anEndorsedPlan(fixture);
    planId = plan.planId;
    url = `/plans/${planId}/reports?action=${plan.actionKey}`;
  });
  const files = async () =>
    (await fixture.context.db.selectFrom('plan_files').select('original_name').where('plan_id', '=', planId).execute()).map((row) => row.original_name);

  it('keeps the accepted PDF, names the refused file with its reason, and a second submission uses the kept PDF', async () => {
    const editor = await fixture.browserFor('editorB');
    const refused = readPage(
      await editor.uploadStream(
        url,
        [
          { field: 'files', filename: 'minutes.pdf', sizeBytes: 120 * 1024, head: minimalPdf },
          { field: 'files', filename: 'virus.pdf', sizeBytes: 2048, head: Buffer.from('MZ not a pdf at all') },
        ],
        aReportForm({ workDone: '' }),
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.mainText).toContain('Kept: minutes.pdf (120 KB)');
    expect(refused.mainText).toContain('virus.pdf');
    expect(refused.mainText).not.toContain('Kept: virus.pdf');
    const keptId = refused.document.querySelector<HTMLInputElement>('input[name="_kept_upload"]')?.value ?? '';
    expect(keptId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await files()).toEqual([]);

    // Another person cannot use the kept file.
    const other = await fixture.browserFor('editorB');
    const stolen = await other.uploadStream(url, [], { ...aReportForm({ workDone: '' }), _kept_upload: keptId });
    expect(stolen.body).not.toContain('minutes.pdf');

    const saved = await editor.uploadStream(url, [], { ...aReportForm({ workDone: 'Two workshops held.' }), _kept_upload: keptId });
    expect(saved.statusCode).toBe(303);
    expect(await files()).toEqual(['minutes.pdf']);
    expect(await fixture.context.db.selectFrom('pending_uploads').select('id').where('id', '=', keptId).execute()).toEqual([]);
  });

  it('names the files to choose again when the upload as a whole is refused, and keeps the complete ones', async () => {
    const editor = await fixture.browserFor('editorB');
    const page = readPage(
      await editor.uploadStream(
        url,
        [
          { field: 'files', filename: 'small.pdf', sizeBytes: 4096, head: minimalPdf },
          { field: 'files', filename: 'huge.pdf', sizeBytes: 11 * 1024 * 1024, head: minimalPdf },
        ],
        aReportForm(),
      ),
    );
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('huge.pdf');
    expect(page.mainText).toContain('Kept: small.pdf');
  });
});
