/**
 * CSRF tokens as a browser meets them: a secret of its own in a signed cookie, tokens that pass only with that cookie
 * and the same session, and every forged, foreign or stale token refused.
 */
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secretSource } from './csrf.js';
import { csrfCookie, securityPlugin } from './security.js';

// Behind a proxy that says whether the browser used HTTPS, as a deployment is.
const app = Fastify({ trustProxy: true });

beforeAll(async () => {
  await app.register(securityPlugin, { cookieSecret: 'a test secret of at least 32 characters' });
  // The session plugin's part: the hash of the session, here named by a header.
  app.decorateRequest('sessionKey', null);
  app.addHook('onRequest', async (request) => {
    const session = request.headers['x-test-session'];
    request.sessionKey = typeof session === 'string' ? session : null;
  });
  app.get('/form', async (request, reply) => reply.generateCsrf({ userInfo: request.sessionKey ?? 'anonymous' }));
  app.post('/form', { preHandler: app.csrfProtection }, async () => 'saved');
  await app.ready();
});

afterAll(() => app.close());

/** The CSRF cookie a reply set, as `name=value` to send back, and its attributes. */
function csrfCookieOf(response: LightMyRequestResponse): { pair: string; attributes: string[] } | undefined {
  const header = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith(`${csrfCookie}=`));
  if (!header) return undefined;
  const [pair = '', ...attributes] = header.split('; ');
  return { pair, attributes };
}

async function newVisitor(headers: Record<string, string> = {}): Promise<{ cookie: string; token: string; attributes: string[] }> {
  const response = await app.inject({ method: 'GET', url: '/form', headers });
  const cookie = csrfCookieOf(response);
  if (!cookie) throw new Error('No CSRF cookie was set');
  return { cookie: cookie.pair, token: response.body, attributes: cookie.attributes };
}

const post = (cookie: string | undefined, token: string | undefined, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/form',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...headers },
    payload: token === undefined ? 'name=x' : new URLSearchParams({ name: 'x', _csrf: token }).toString(),
  });

describe('a new visitor', () => {
  it('gets a signed, HttpOnly, SameSite=Lax cookie with their secret, and a token that lets their form through', async () => {
    const visitor = await newVisitor();
    expect(visitor.attributes).toEqual(['Path=/', 'HttpOnly', 'SameSite=Lax']);
    const signed = decodeURIComponent(visitor.cookie.slice(csrfCookie.length + 1));
    const unsigned = app.unsignCookie(signed);
    expect(unsigned.valid).toBe(true);
    expect(unsigned.value).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const sent = await post(visitor.cookie, visitor.token);
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toBe('saved');
  });

  it('gets a Secure cookie over HTTPS', async () => {
    expect((await newVisitor({ 'x-forwarded-proto': 'https' })).attributes).toContain('Secure');
  });

  it('gets a secret no other visitor has, however many come (the random bytes are drawn afresh as they run out)', async () => {
    const cookies = new Set<string>();
    for (let visitor = 0; visitor < 600; visitor += 1) cookies.add((await newVisitor()).cookie);
    expect(cookies.size).toBe(600);
    const next = secretSource();
    const secrets = Array.from({ length: 5_000 }, next);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});

describe('a returning visitor', () => {
  it('gets a new token of the same secret and no new cookie; each of their tokens works', async () => {
    const visitor = await newVisitor();
    const again = await app.inject({ method: 'GET', url: '/form', headers: { cookie: visitor.cookie } });
    expect(csrfCookieOf(again)).toBeUndefined();
    expect(again.body).not.toBe(visitor.token);
    expect((await post(visitor.cookie, again.body)).statusCode).toBe(200);
    expect((await post(visitor.cookie, visitor.token)).statusCode).toBe(200);
  });

  it('with a cookie this platform did not sign is given a secret of their own', async () => {
    const response = await app.inject({ method: 'GET', url: '/form', headers: { cookie: `${csrfCookie}=chosen-secret.forged` } });
    expect(csrfCookieOf(response)?.pair).not.toBe(`${csrfCookie}=chosen-secret.forged`);
    expect(csrfCookieOf(response)).toBeDefined();
  });
});

describe('a form is refused (403)', () => {
  it('with a forged token, another visitor’s token, or no token', async () => {
    const visitor = await newVisitor();
    const other = await newVisitor();
    expect((await post(visitor.cookie, 'forged-token')).statusCode).toBe(403);
    expect((await post(visitor.cookie, other.token)).statusCode).toBe(403);
    expect((await post(visitor.cookie, undefined)).statusCode).toBe(403);
  });

  it('without the cookie its token was made from, or with a cookie whose signature is not this platform’s', async () => {
    const visitor = await newVisitor();
    expect((await post(undefined, visitor.token)).statusCode).toBe(403);
    const [name, signed = ''] = visitor.cookie.split('=');
    const value = decodeURIComponent(signed).split('.')[0];
    expect((await post(`${name}=${encodeURIComponent(`${value}.not-the-signature`)}`, visitor.token)).statusCode).toBe(403);
  });

  it('with a token made before signing in, once the session exists, and with a token of another session', async () => {
    const visitor = await newVisitor();
    expect((await post(visitor.cookie, visitor.token, { 'x-test-session': 'session-a' })).statusCode).toBe(403);
    const signedIn = await app.inject({ method: 'GET', url: '/form', headers: { cookie: visitor.cookie, 'x-test-session': 'session-a' } });
    expect((await post(visitor.cookie, signedIn.body, { 'x-test-session': 'session-a' })).statusCode).toBe(200);
    expect((await post(visitor.cookie, signedIn.body, { 'x-test-session': 'session-b' })).statusCode).toBe(403);
    expect((await post(visitor.cookie, signedIn.body)).statusCode).toBe(403);
  });
});
