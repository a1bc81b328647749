/** Random secrets handed to a browser or an email (session cookies, reset, invitation and registration links); only hashes are stored. */
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A route parameter that can only be a token from newToken(). */
export const tokenPattern = '(^[A-Za-z0-9_-]{43}$)';
