/**
 * Slows password guessing down without ever locking the owner out (OWASP's authentication guidance). Failures are
 * counted in the database, shared by every node: per account and client address, per address across accounts
 * (password spraying), and per account from browsers that never signed in to it (a distributed attack). Past a few
 * free failures a counter asks for growing pauses between attempts; an attempt during a pause is refused before the
 * password is checked, so it neither costs a hash nor counts. A browser that signed in to the account before carries
 * a signed device cookie and answers only to its own counter, so an attacker cannot keep the owner out. Counters name
 * accounts and addresses by keyed hashes only, never the email address or the IP address itself.
 */
import type { FastifyInstance } from 'fastify';
import type { Db, Tx } from '../../core/db/database.js';
import { newToken } from '../../core/tokens.js';
import { clearThrottles, countThrottledFailure, deleteThrottlesOfAccount, findPausedUntil, pauseThrottle } from './queries.js';

export interface ThrottleRule {
  /** Failures allowed in a window before pauses begin. */
  free: number;
  /** The first pause; each further failure doubles it, up to the longest. */
  firstPauseSeconds: number;
  longestPauseSeconds: number;
  /** Counting starts over this long after the window's first failure. */
  windowMinutes: number;
}

export const throttleRules = {
  /** One account from one address: five failures, then 30 s, 1 min, 2 min … up to 15 min between attempts. */
  pair: { free: 5, firstPauseSeconds: 30, longestPauseSeconds: 15 * 60, windowMinutes: 24 * 60 },
  /** One address across accounts: thirty failures (an office behind one NAT still works), then 1 min doubling up to 1 h. */
  address: { free: 30, firstPauseSeconds: 60, longestPauseSeconds: 60 * 60, windowMinutes: 24 * 60 },
  /** One account from all browsers it never signed in from: twenty failures, then 1 min doubling up to 1 h. */
  account: { free: 20, firstPauseSeconds: 60, longestPauseSeconds: 60 * 60, windowMinutes: 24 * 60 },
  /** One browser the account signed in from (its device cookie, in case it is stolen): as one account from one address. */
  device: { free: 5, firstPauseSeconds: 30, longestPauseSeconds: 15 * 60, windowMinutes: 24 * 60 },
  /** Reset emails: three per account, then one hour until the next. */
  reset: { free: 3, firstPauseSeconds: 60 * 60, longestPauseSeconds: 60 * 60, windowMinutes: 60 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleRuleName = keyof typeof throttleRules;

/** The pause asked for after a window's nth failure: none within the free failures, then doubling up to the longest. */
export function pauseAfter(rule: ThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.firstPauseSeconds * 2 ** Math.min(failures - rule.free, 30), rule.longestPauseSeconds);
}

/** A keyed hash (the platform's `keyedHash` with the throttle's purpose), so counters hold no address in clear. */
export type Digest = (text: string) => string;

export function throttleDigest(app: FastifyInstance): Digest {
  return (text) => app.keyedHash('sign-in-throttle', text);
}

/** The cookie that marks a browser the account signed in from; only the sign-in form reads it. */
export const deviceCookieName = 'better_device';
export const deviceCookieDays = 365;

export interface Counter {
  key: string;
  rule: ThrottleRuleName;
  /** The account the counter is about, so erasing the person removes it. */
  accountHash: string | null;
}

/** Who is trying: the client address as the trusted proxies report it, and the browser's verified device cookie. */
export interface SignInClient {
  address: string;
  deviceCookie?: string | undefined;
}

export function accountHashOf(digest: Digest, email: string): string {
  return digest(`account\n${email.trim().toLowerCase()}`);
}

/** The value of a new device cookie for the account; the cookie plugin signs it, so it cannot be forged or moved to another account. */
export function newDeviceCookie(accountHash: string): string {
  return `${accountHash}.${newToken()}`;
}

function deviceNonce(cookie: string | undefined, accountHash: string): string | null {
  const [forAccount, nonce, ...rest] = (cookie ?? '').split('.');
  return forAccount === accountHash && nonce && rest.length === 0 ? nonce : null;
}

export interface SignInGuard {
  accountHash: string;
  /** Whether the browser showed a device cookie of this account. */
  trusted: boolean;
  counters: Counter[];
}

/** The counters that guard one sign-in attempt: a trusted browser's own, or the pair, address and account counters. */
export function signInGuard(digest: Digest, email: string, client: SignInClient): SignInGuard {
  const accountHash = accountHashOf(digest, email);
  const nonce = deviceNonce(client.deviceCookie, accountHash);
  if (nonce) return { accountHash, trusted: true, counters: [{ key: `device:${digest(`device\n${nonce}`)}`, rule: 'device', accountHash }] };
  return {
    accountHash,
    trusted: false,
    counters: [
      { key: `pair:${digest(`pair\n${accountHash}\n${client.address}`)}`, rule: 'pair', accountHash },
      { key: `address:${digest(`address\n${client.address}`)}`, rule: 'address', accountHash: null },
      { key: `account:${accountHash}`, rule: 'account', accountHash },
    ],
  };
}

export function resetCounter(digest: Digest, email: string): Counter {
  const accountHash = accountHashOf(digest, email);
  return { key: `reset:${accountHash}`, rule: 'reset', accountHash };
}

/** When the client may try again, if a counter is pausing it now. */
export async function pausedUntil(db: Db | Tx, counters: Counter[], now: Date): Promise<Date | null> {
  return findPausedUntil(
    db,
    counters.map((counter) => counter.key),
    now,
  );
}

export async function recordFailures(trx: Tx, counters: Counter[], now: Date): Promise<void> {
  for (const counter of counters) {
    const rule = throttleRules[counter.rule];
    const failures = await countThrottledFailure(trx, counter, now, new Date(now.getTime() - rule.windowMinutes * 60_000));
    const pause = pauseAfter(rule, failures);
    if (pause > 0) await pauseThrottle(trx, counter.key, new Date(now.getTime() + pause * 1000));
  }
}

/** A successful sign-in forgives the failures of its own browser; the address and account counters run on. */
export async function forgiveFailures(trx: Tx, guard: SignInGuard): Promise<void> {
  await clearThrottles(
    trx,
    guard.counters.filter((counter) => counter.rule === 'pair' || counter.rule === 'device').map((counter) => counter.key),
  );
}

/** Erasure leaves no counter about the person behind. */
export async function forgetAccount(trx: Tx, digest: Digest, email: string): Promise<void> {
  await deleteThrottlesOfAccount(trx, accountHashOf(digest, email));
}
