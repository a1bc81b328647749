/**
 * Slows password guessing down without ever locking the owner out (OWASP's authentication guidance). Failures are
 * counted in the database, shared by every node: per account and client address, per address across accounts
 * (password spraying), and per account from browsers that never signed in to it (a distributed attack). Past a few
 * free failures a counter asks for growing pauses between attempts. An attempt is counted before the password is
 * checked, so simultaneous guesses cannot all pass within the free failures; one during a pause is refused there, so it
 * neither costs a hash nor counts, and one with the right password is taken back. A browser that signed in to the account before carries
 * a signed device cookie and answers only to its own counter, so an attacker cannot keep the owner out. Counters name
 * accounts and addresses by keyed hashes only, never the email address or the IP address itself.
 */
import type { FastifyInstance } from 'fastify';
import type { Db, Tx } from '../../../core/db/database.js';
import { newToken } from '../../../core/tokens.js';
import { clearThrottles, countAttempt, deleteThrottlesOfAccount, findPausedUntil, pauseThrottle, uncountAttempt } from './queries.js';

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

/** An attempt as counted on each of its counters, with the pause its count started, if any. */
export type CountedAttempt = { counter: Counter; pausedUntil: Date | null }[];

export type Admission = { admitted: true; attempt: CountedAttempt } | { admitted: false; retryAt: Date };

class Paused extends Error {
  constructor(readonly retryAt: Date) {
    super('paused');
  }
}

/**
 * Counts an attempt on every counter before its password is checked, or on none when one of them is pausing the
 * client (then the answer says until when). Counting first, each counter's row locked by one statement, is what holds
 * simultaneous attempts to the free failures: when the pause was checked first and the failure recorded after the
 * hash, all sixty guesses of a burst were checked.
 */
export async function admitAttempt(db: Db, counters: Counter[], now: Date): Promise<Admission> {
  try {
    const attempt = await db.transaction().execute(async (trx) => {
      const counted: CountedAttempt = [];
      // Always in the order signInGuard lists them (pair, address, account), so attempts never wait on each other in a circle.
      for (const counter of counters) {
        const rule = throttleRules[counter.rule];
        const failures = await countAttempt(trx, counter, now, new Date(now.getTime() - rule.windowMinutes * 60_000));
        // Rolls back what the other counters counted.
        if (failures === undefined)
          throw new Paused(
            (await findPausedUntil(
              trx,
              counters.map((each) => each.key),
              now,
            )) ?? now,
          );
        const pause = pauseAfter(rule, failures);
        const pausedUntil = pause > 0 ? new Date(now.getTime() + pause * 1000) : null;
        if (pausedUntil) await pauseThrottle(trx, counter.key, pausedUntil);
        counted.push({ counter, pausedUntil });
      }
      return counted;
    });
    return { admitted: true, attempt };
  } catch (error) {
    if (error instanceof Paused) return { admitted: false, retryAt: error.retryAt };
    throw error;
  }
}

/** Takes back an attempt made with the right password (a deactivated account's): it was no failure. */
export async function uncount(trx: Tx, attempt: CountedAttempt): Promise<void> {
  for (const { counter, pausedUntil } of attempt) await uncountAttempt(trx, counter.key, pausedUntil);
}

/**
 * A successful sign-in was no failure, and forgives the failures of its own browser; the address and account counters
 * run on (else a guesser could clear them by signing in to an account of their own).
 */
export async function forgiveFailures(trx: Tx, attempt: CountedAttempt): Promise<void> {
  const forgiven = (counter: Counter) => counter.rule === 'pair' || counter.rule === 'device';
  await uncount(
    trx,
    attempt.filter(({ counter }) => !forgiven(counter)),
  );
  await clearThrottles(
    trx,
    attempt.filter(({ counter }) => forgiven(counter)).map(({ counter }) => counter.key),
  );
}

/** Erasure leaves no counter about the person behind. */
export async function forgetAccount(trx: Tx, digest: Digest, email: string): Promise<void> {
  await deleteThrottlesOfAccount(trx, accountHashOf(digest, email));
}
