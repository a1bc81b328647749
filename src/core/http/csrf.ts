/**
 * CSRF tokens: every browser holds a secret of its own in a signed, HttpOnly, SameSite=Lax cookie, each form carries
 * a token made from that secret and bound to the session (the "userInfo" of @fastify/csrf), and a request that
 * changes something must carry a token of the secret its cookie holds. @fastify/csrf makes and checks the tokens and
 * @fastify/cookie signs the cookie; this plugin is the glue between them that @fastify/csrf-protection was, with one
 * difference: a new visitor's secret is cut from random bytes drawn from the CSPRNG 4 KiB at a time, as Node draws
 * those of randomUUID, instead of a randomBytes call per visitor, which cost about 7 µs on a loaded server (a
 * native job object per call) for every new visitor of a kept page with a form (docs/decisions.md, "CSRF cost").
 */
import csrfTokens from '@fastify/csrf';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { randomFillSync } from 'node:crypto';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** A hook's body: refuses (403, csrf_invalid) a request without a token of its browser's secret and session. */
    csrfProtection: (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;
  }

  interface FastifyReply {
    /** A token of this browser's secret for the given session (userInfo); a browser without one is given a secret. */
    generateCsrf(options: { userInfo: string }): string;
  }
}

export interface CsrfOptions {
  /** The cookie holding the browser's secret, signed by @fastify/cookie. */
  cookieName: string;
  /** Keys the tokens' HMAC (and the hash of the session they are bound to). */
  hmacKey: string;
  /** The token a request carries (a form field or a header). */
  tokenOf: (request: FastifyRequest) => string | undefined;
  /** What the token is bound to: the session, or the same value for every visitor without one. */
  userInfoOf: (request: FastifyRequest) => string;
}

/** @fastify/csrf's default secret length: 144 bits, 24 characters in the cookie, as before. */
const secretBytes = 18;
const poolBytes = 4096;

/**
 * Secrets cut from a block of CSPRNG output: each takes bytes no other secret took, and the block is drawn afresh once
 * used up, so two visitors never share a secret.
 */
export function secretSource(): () => string {
  const pool = Buffer.alloc(poolBytes);
  let next = poolBytes;
  return () => {
    if (next + secretBytes > poolBytes) {
      randomFillSync(pool);
      next = 0;
    }
    const secret = pool.toString('base64url', next, next + secretBytes);
    next += secretBytes;
    return secret;
  };
}

export const csrfPlugin = fp<CsrfOptions>(
  async (app, { cookieName, hmacKey, tokenOf, userInfoOf }) => {
    const tokens = new csrfTokens.Tokens({ hmacKey, userInfo: true });
    const newSecret = secretSource();
    const cookieOptions: CookieSerializeOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', signed: true };

    /** The secret of the browser's cookie, if it holds one this platform signed. */
    function secretOf(request: FastifyRequest): string | undefined {
      const cookie = request.cookies[cookieName];
      if (cookie === undefined) return undefined;
      const unsigned = request.unsignCookie(cookie);
      return unsigned.valid && unsigned.value ? unsigned.value : undefined;
    }

    app.decorateReply('generateCsrf', function (this: FastifyReply, { userInfo }: { userInfo: string }) {
      let secret = secretOf(this.request);
      if (secret === undefined) {
        secret = newSecret();
        this.setCookie(cookieName, secret, cookieOptions);
      }
      return tokens.create(secret, userInfo);
    });

    app.decorate('csrfProtection', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const secret = secretOf(request);
      const token = tokenOf(request);
      if (secret === undefined || token === undefined || !tokens.verify(secret, token, userInfoOf(request))) {
        reply.send(new HttpError('csrf_invalid'));
        return;
      }
      done();
    });
  },
  { name: 'better-csrf', dependencies: ['@fastify/cookie'] },
);
