/** Sign-in throttling as guessers and owners meet it: growing pauses for guessers, never a locked-out owner. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aUser, testPassword } from '../../../core/testing/factories.js';
import { eraseUser, setUserActive } from '../administration/service.js';
import { signIn, type SignInOutcome } from './service.js';
import { accountHashOf, pauseAfter, throttleRules, type Digest } from './throttle.js';
import { useTestDatabase } from '../../../core/testing/world.js';

const database = useTestDatabase();
const digest: Digest = (text) => createHmac('sha256', 'a test secret of at least 32 characters').update(text).digest('base64url');
const start = new Date('2026-03-02T09:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function attempt(email: string, password: string, address: string, now: Date, deviceCookie?: string): Promise<SignInOutcome> {
  return signIn(database.db, { email, password }, { client: { address, deviceCookie }, digest, now });
}

function secondsToWait(outcome: SignInOutcome, now: Date): number {
  if (outcome.ok || outcome.reason !== 'throttled') throw new Error(`Expected a pause, got ${outcome.ok ? 'a session' : outcome.reason}`);
  return (outcome.retryAt.getTime() - now.getTime()) / 1000;
}

describe('sign-in throttling', () => {
  it('lets the owner in at once from another address after fifty wrong passwords from one address', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const answers: string[] = [];
    for (let guess = 0; guess < 50; guess += 1) {
      const outcome = await attempt(owner.email, `guess number ${guess}`, '203.0.113.66', start);
      answers.push(outcome.ok ? 'signed in' : outcome.reason);
    }
    expect(answers.filter((answer) => answer === 'invalid_credentials')).toHaveLength(5);
    expect(answers.filter((answer) => answer === 'throttled')).toHaveLength(45);
    const owners = await attempt(owner.email, testPassword, '198.51.100.20', start);
    expect(owners.ok).toBe(true);
  });

  it('lets only the free failures through when fifty guesses from one address arrive at once', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const outcomes = await Promise.all(Array.from({ length: 50 }, (_, guess) => attempt(owner.email, `simultaneous guess ${guess}`, '203.0.113.55', start)));
    const answers = outcomes.map((outcome) => (outcome.ok ? 'signed in' : outcome.reason));
    expect(answers.filter((answer) => answer === 'invalid_credentials')).toHaveLength(throttleRules.pair.free);
    expect(answers.filter((answer) => answer === 'throttled')).toHaveLength(50 - throttleRules.pair.free);
  });

  it('never pauses an office for its people signing in: a right password is no failure', async () => {
    const [owner, colleague] = [await aUser(database.db, { role: 'admin' }), await aUser(database.db, { role: 'admin' })];
    const office = '203.0.113.44';
    for (let account = 1; account < throttleRules.address.free; account += 1) await attempt(`typo${account}@example.org`, 'mistyped password', office, start);
    expect((await attempt(owner.email, testPassword, office, start)).ok).toBe(true);
    expect((await attempt(colleague.email, testPassword, office, start)).ok).toBe(true);
  });

  it('makes the guessing address wait longer after each failure past the fifth, even with the right password', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const guesser = '203.0.113.77';
    for (let guess = 0; guess < 5; guess += 1) expect((await attempt(owner.email, `wrong ${guess}`, guesser, start)).ok).toBe(false);
    const pauses: number[] = [];
    let now = start;
    for (let round = 0; round < 6; round += 1) {
      const wait = secondsToWait(await attempt(owner.email, testPassword, guesser, now), now);
      pauses.push(wait);
      now = new Date(now.getTime() + wait * 1000);
      expect(await attempt(owner.email, `still wrong ${round}`, guesser, now)).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    }
    expect(pauses).toEqual([30, 60, 120, 240, 480, 900]);
    expect(secondsToWait(await attempt(owner.email, 'wrong again', guesser, now), now)).toBe(900);
  });

  it('pauses an address that fails on thirty different accounts (password spraying), on every account', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const sprayer = '203.0.113.88';
    for (let account = 0; account < 30; account += 1) await attempt(`someone${account}@example.org`, 'Summer2026!', sprayer, start);
    expect(secondsToWait(await attempt(owner.email, testPassword, sprayer, start), start)).toBe(60);
    expect((await attempt(owner.email, testPassword, '198.51.100.21', start)).ok).toBe(true);
  });

  it('pauses new browsers after a distributed attack on one account, but never the browser the owner signed in from', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const before = await attempt(owner.email, testPassword, '198.51.100.30', start);
    if (!before.ok) throw new Error('The owner could not sign in');
    for (let bot = 0; bot < throttleRules.account.free; bot += 1) await attempt(owner.email, `bot guess ${bot}`, `192.0.2.${bot + 1}`, later(60));
    expect(secondsToWait(await attempt(owner.email, testPassword, '192.0.2.200', later(60)), later(60))).toBe(60);
    expect(secondsToWait(await attempt(owner.email, testPassword, '198.51.100.31', later(60)), later(60))).toBe(60);
    const owners = await attempt(owner.email, testPassword, '198.51.100.31', later(60), before.value.deviceCookie);
    expect(owners.ok).toBe(true);
  });

  it('exempts a browser only for the account it signed in to', async () => {
    const owner = await aUser(database.db, { role: 'admin' });
    const other = await aUser(database.db, { role: 'admin' });
    const signedIn = await attempt(other.email, testPassword, '198.51.100.40', start);
    if (!signedIn.ok) throw new Error('Could not sign in');
    for (let bot = 0; bot < throttleRules.account.free; bot += 1) await attempt(owner.email, `bot guess ${bot}`, `192.0.2.${bot + 100}`, start);
    expect((await attempt(owner.email, testPassword, '198.51.100.40', start, signedIn.value.deviceCookie)).ok).toBe(false);
  });

  it('keeps no email address in its counters, and erasing the person removes their counters', async () => {
    const admin = await aUser(database.db, { role: 'admin' });
    const person = await aUser(database.db, { role: 'admin', email: 'Erase.Me@Example.org' });
    await attempt(person.email, 'wrong password', '203.0.113.99', start);
    await attempt('erase.me@example.org', 'wrong password', '203.0.113.99', start);
    const rows = await database.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('erase.me');
    expect(JSON.stringify(rows)).not.toContain('203.0.113.99');
    const accountHash = accountHashOf(digest, person.email);
    expect(rows.filter((row) => row.account_hash === accountHash).map((row) => [row.key.split(':')[0], row.failures])).toEqual([
      ['pair', 2],
      ['account', 2],
    ]);
    expect((await setUserActive(database.db, admin.actor, person.id, false)).ok).toBe(true);
    expect((await eraseUser(database.db, admin.actor, person.id, digest)).ok).toBe(true);
    expect(await database.db.selectFrom('sign_in_throttle').select('key').where('account_hash', '=', accountHash).execute()).toEqual([]);
  });

  it('asks for pauses that double from the first and stop at the longest', () => {
    const rule = { free: 3, firstPauseSeconds: 10, longestPauseSeconds: 35, windowMinutes: 60 };
    expect([1, 2, 3, 4, 5, 6, 100_000].map((failures) => pauseAfter(rule, failures))).toEqual([0, 0, 10, 20, 35, 35, 35]);
  });
});
