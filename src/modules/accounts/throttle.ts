/**
 * Slows down password guessing: failures are counted per account and per IP address in the database (shared by
 * every app node); past the limit, sign-in is refused for a while whatever the password.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { clearThrottle, findActiveBlocks, recordThrottledFailure } from './queries.js';

export const throttleRules = {
  /** Five wrong passwords for one account within 15 minutes lock it for 15 minutes. */
  account: { limit: 5, windowMinutes: 15, blockMinutes: 15 },
  /** One address may fail 30 times in 15 minutes (an office behind one NAT still works). */
  ip: { limit: 30, windowMinutes: 15, blockMinutes: 15 },
  /** At most three reset emails per account per hour. */
  reset: { limit: 3, windowMinutes: 60, blockMinutes: 60 },
} as const;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const resetKey = (email: string) => `reset:${email.toLowerCase()}`;

export async function isBlocked(db: Db | Tx, keys: string[]): Promise<boolean> {
  const blocks = await findActiveBlocks(db, keys);
  return blocks.length > 0;
}

export async function recordFailure(trx: Tx, key: string, rule: keyof typeof throttleRules): Promise<void> {
  await recordThrottledFailure(trx, key, throttleRules[rule]);
}

export async function clearFailures(trx: Tx, key: string): Promise<void> {
  await clearThrottle(trx, key);
}
