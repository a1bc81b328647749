/**
 * Security plumbing for every route: cookies (signed with the platform secret), form bodies, security headers with
 * a strict Content Security Policy (no inline scripts or styles), and CSRF tokens bound to the session.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from 'helmet';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createHmac, hkdfSync } from 'node:crypto';
import { parse as parseQuery } from 'node:querystring';
import { csrfPlugin } from './csrf.js';

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body?._csrf;
  const token = Array.isArray(fromBody) ? (fromBody[0] as unknown) : fromBody;
  // Multipart forms (uploads, core/http/uploads) give their text fields as strings too.
  if (typeof token === 'string') return token;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * The keyed hash of one purpose, under a key derived from the platform secret for that purpose alone (HKDF). Keyed with
 * the secret itself, its outputs were cookie signatures: the device cookie shows an account's hash, which signed a
 * cookie whose value was the hashed text. A derived key also keeps one purpose's hashes from matching another's.
 */
export function keyedHasher(secret: string): (purpose: string, text: string) => string {
  const keys = new Map<string, Buffer>();
  return (purpose, text) => {
    let key = keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', secret, 'better keyed hash', purpose, 32));
      keys.set(purpose, key);
    }
    return createHmac('sha256', key).update(text).digest('base64url');
  };
}

/** The cookie holding this browser's CSRF secret, which every token on its pages is derived from. */
export const csrfCookie = 'better_csrf';

export const securityPlugin = fp<{ cookieSecret: string }>(
  async (app, { cookieSecret }) => {
    await app.register(cookie, { secret: cookieSecret, hook: 'onRequest' });
    app.decorate('keyedHash', keyedHasher(cookieSecret));
    // querystring.parse turns invalid UTF-8 in a form into U+FFFD instead of failing the request. Its default of
    // 1,000 fields dropped the rest without a word, the CSRF token (last in every form) with them, so a large form
    // was refused as expired; the body limit bounds a form's size instead.
    await app.register(formbody, { parser: (body) => parseQuery(body, '&', '=', { maxKeys: 0 }) });
    // Helmet's middleware built once: the Fastify wrapper (@fastify/helmet 13) built it again for every request,
    // parsing the policy each time. Helmet throws rather than passing errors on, so its callback only says it is done.
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          objectSrc: ["'none'"],
        },
      },
      // HSTS only makes sense behind TLS; the header is ignored by browsers on plain HTTP anyway.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onRequest', (request, reply, done) => {
      securityHeaders(request.raw, reply.raw, () => done());
    });
    await app.register(csrfPlugin, {
      cookieName: csrfCookie,
      hmacKey: cookieSecret,
      tokenOf: csrfTokenOf,
      userInfoOf: (request: FastifyRequest) => request.sessionKey ?? 'anonymous',
    });
  },
  { name: 'better-security' },
);
