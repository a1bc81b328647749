/** The shared HTTP behaviour every page relies on: error pages, limits, CSRF, headers, language and escaping. */
import { describe, expect, it } from 'vitest';
import { findPartner } from '../../modules/partners/service.js';
import { systemActor } from '../policy/actor.js';
import { createTestApp } from '../testing/app.js';
import { useWorld } from '../testing/world.js';
import { readPage, TestBrowser } from '../testing/http.js';

const fixture = useWorld();
const system = systemActor('test');

const partnerForm = (overrides: Record<string, string> = {}) => ({
  name: fixture.world.partnerA.name,
  shortName: fixture.world.partnerA.shortName,
  countryCode: 'IT',
  nutsCode: 'ITC3',
  nutsName: 'Liguria',
  role: 'lead_partner',
  website: '',
  contactName: '',
  contactEmail: '',
  ...overrides,
});

describe('error pages', () => {
  it('answers an unknown address with an accessible 404 page in the visitor’s language', async () => {
    const page = readPage(await new TestBrowser(fixture.context.app, { 'accept-language': 'it' }).get('/no/such/page'));
    expect(page.status).toBe(404);
    expect(page.title).toBe('Pagina non trovata – BETTER');
    expect(page.document.documentElement.getAttribute('lang')).toBe('it');
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Pagina non trovata');
    expect(page.screen.getByRole('main')).toBeTruthy();
    expect(page.screen.getByRole('link', { name: /contenuto principale/i })).toBeTruthy();
  });

  it('answers API clients in JSON', async () => {
    const response = await new TestBrowser(fixture.context.app, { accept: 'application/json' }).get('/partners/999999');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: 'not_found' });
  });

  it('treats an id that is not a number as a page that does not exist', async () => {
    expect((await new TestBrowser(fixture.context.app).get('/partners/abc')).statusCode).toBe(404);
  });
});

describe('health checks', () => {
  it('reports the process alive and the database reachable', async () => {
    const browser = new TestBrowser(fixture.context.app);
    expect((await browser.get('/healthz')).json()).toEqual({ status: 'ok' });
    // A node built for the tests never prepares its modules (only `better serve` does).
    expect((await browser.get('/readyz')).json()).toEqual({ status: 'ready', database: fixture.context.database.kind, prepared: false });
  });

  it('reports not ready when the database cannot be reached', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const response = await broken.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    await broken.app.close();
  });
});

describe('security headers', () => {
  it('sends a Content Security Policy without inline scripts, and anti-framing and sniffing headers', async () => {
    const response = await new TestBrowser(fixture.context.app).get('/');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('refused requests change nothing', () => {
  it('refuses a form with a wrong CSRF token with 403, and the partner stays as it was', async () => {
    const browser = await fixture.browserFor('coordinator');
    const response = await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerForm({ name: 'Hijacked name' }), { csrf: 'forged-token' });
    expect(response.statusCode).toBe(403);
    expect(readPage(response).title).toBe('Your form has expired – BETTER');
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });

  it('refuses a form without any CSRF token with 403', async () => {
    const browser = await fixture.browserFor('coordinator');
    const response = await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerForm({ name: 'No token' }), { csrf: false });
    expect(response.statusCode).toBe(403);
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });

  it('refuses a body over 1 MiB with 413 and a page saying so', async () => {
    const browser = await fixture.browserFor('coordinator');
    const response = await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerForm({ name: 'x'.repeat(1024 * 1024 + 10) }));
    expect(response.statusCode).toBe(413);
    expect(readPage(response).screen.getByRole('heading', { level: 1 }).textContent).toBe('What you sent is too large');
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });

  it('refuses an overlong name with the form, the input kept and the limit explained', async () => {
    const browser = await fixture.browserFor('coordinator');
    const long = 'N'.repeat(5000);
    const page = readPage(await browser.post(`/partners/${fixture.world.partnerA.id}`, partnerForm({ name: long })));
    expect(page.status).toBe(400);
    expect(page.title.startsWith('Error:')).toBe(true);
    expect(page.screen.getByRole('link', { name: 'Enter 200 characters or fewer' }).getAttribute('href')).toBe('#field-name');
    expect(page.screen.getByLabelText<HTMLInputElement>('Name').value).toBe(long);
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerA.id))?.name).toBe(fixture.world.partnerA.name);
  });
});

describe('text is stored as typed and shown safely', () => {
  it('stores HTML in a text field literally and shows it escaped', async () => {
    const browser = await fixture.browserFor('coordinator');
    const hostile = '<script>alert("x")</script> & <b>bold</b>';
    const response = await browser.post(
      `/partners/${fixture.world.partnerB.id}`,
      partnerForm({ name: hostile, shortName: 'B', countryCode: 'EE', nutsCode: 'EE00', role: 'partner' }),
    );
    expect(response.statusCode).toBe(303);
    expect((await findPartner(fixture.context.db, system, fixture.world.partnerB.id))?.name).toBe(hostile);
    const html = (await browser.get(`/partners/${fixture.world.partnerB.id}`)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; &lt;b>bold&lt;/b>');
    expect(readPage(await browser.get(`/partners/${fixture.world.partnerB.id}`)).screen.getByRole('heading', { level: 1 }).textContent).toBe(hostile);
  });

  it('accepts invalid UTF-8 without failing: the broken bytes become U+FFFD', async () => {
    const browser = await fixture.browserFor('coordinator');
    const token = await browser.csrfToken();
    const fields = new URLSearchParams(partnerForm({ shortName: 'B', countryCode: 'EE', nutsCode: 'EE00', role: 'partner' }));
    fields.delete('name');
    fields.set('_csrf', token);
    // %FF and a raw 0xC3 0x28 sequence are not valid UTF-8.
    const body = Buffer.concat([Buffer.from(`${fields.toString()}&name=Tartu%FF%20`), Buffer.from([0xc3, 0x28]), Buffer.from('%20City')]);
    const response = await fixture.context.app.inject({
      method: 'POST',
      url: `/partners/${fixture.world.partnerB.id}`,
      payload: body,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
    });
    expect(response.statusCode).toBe(303);
    const stored = (await findPartner(fixture.context.db, system, fixture.world.partnerB.id))?.name ?? '';
    expect(stored.startsWith('Tartu\uFFFD')).toBe(true);
    expect(stored.endsWith('City')).toBe(true);
  });
});

describe('the interface language', () => {
  it('switches by link, remembers the choice and returns to the page the visitor was on', async () => {
    const browser = new TestBrowser(fixture.context.app);
    const response = await browser.get('/language/it?next=%2Fpartners');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/partners');
    const page = await browser.page('/partners');
    expect(page.document.documentElement.getAttribute('lang')).toBe('it');
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Partner');
    expect(page.screen.getByRole('navigation', { name: 'Lingua' })).toBeTruthy();
  });

  it('follows the browser’s Accept-Language when no choice was made', async () => {
    const page = await new TestBrowser(fixture.context.app, { 'accept-language': 'sv-SE,sv;q=0.9,en;q=0.5' }).page('/partners');
    expect(page.document.documentElement.getAttribute('lang')).toBe('sv');
  });

  it('never sends the visitor to another site after switching', async () => {
    expect((await new TestBrowser(fixture.context.app).get('/language/hu?next=%2F%2Fevil.example')).headers.location).toBe('/');
    expect((await new TestBrowser(fixture.context.app).get('/language/hu?next=https%3A%2F%2Fevil.example')).headers.location).toBe('/');
  });

  it('has no page for a language the platform does not offer', async () => {
    expect((await new TestBrowser(fixture.context.app).get('/language/de')).statusCode).toBe(404);
  });
});

describe('request ids', () => {
  it('keeps a well-formed id from the load balancer and replaces anything else', async () => {
    const kept = await fixture.context.app.inject({
      method: 'GET',
      url: '/no-such-page',
      headers: { 'x-request-id': 'lb-0123456789abcdef', accept: 'application/json' },
    });
    expect(kept.json()).toMatchObject({ requestId: 'lb-0123456789abcdef' });
    const replaced = await fixture.context.app.inject({
      method: 'GET',
      url: '/no-such-page',
      headers: { 'x-request-id': '<script>x</script>', accept: 'application/json' },
    });
    expect(replaced.json<{ requestId: string }>().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
