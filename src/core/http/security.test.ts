/** The platform's keyed hashes: what they reveal in a cookie must not sign anything. */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityPlugin } from './security.js';

const app = Fastify();
const secret = 'a test secret of at least 32 characters';

beforeAll(async () => {
  await app.register(securityPlugin, { cookieSecret: secret });
  await app.ready();
});

afterAll(() => app.close());

/** The hash as the cookie plugin writes a signature: base64 without padding. */
const asSignature = (hash: string) => Buffer.from(hash, 'base64url').toString('base64').replace(/=+$/, '');

describe('keyed hashes', () => {
  it('are no signature of a cookie: an account hash shown in the device cookie cannot vouch for any cookie value', () => {
    const hash = app.keyedHash('sign-in-throttle', 'account\nadmin@better.example');
    expect(app.unsignCookie(`sign-in-throttle\0account\nadmin@better.example.${asSignature(hash)}`).valid).toBe(false);
    expect(app.unsignCookie(`account\nadmin@better.example.${asSignature(hash)}`).valid).toBe(false);
  });

  it('differ by purpose and stay the same for one purpose and text', () => {
    expect(app.keyedHash('sign-in-throttle', 'x')).toBe(app.keyedHash('sign-in-throttle', 'x'));
    expect(app.keyedHash('sign-in-throttle', 'x')).not.toBe(app.keyedHash('another purpose', 'x'));
  });
});
