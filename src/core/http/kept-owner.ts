/**
 * Whose kept work this is: one browser, known by a random cookie whose keyed hash the rows hold, and the person signed
 * in, once known. A kept form or file is only ever found with both: another browser's cookie, or another person
 * signed in on the same browser, finds nothing.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken } from '../tokens.js';

export const keptCookie = 'better_kept';
/** How long kept work stays: long enough to sign in again the next morning, short for personal data. */
export const keptHours = 24;
/** The most forms one browser keeps at a time: past it, its oldest kept forms go first. */
export const keptFormsPerBrowser = 20;
/** The most MB (MiB) of files one browser keeps at a time: past it, its oldest kept files go first. */
export const keptFileMegabytesPerBrowser = 50;

function hashOf(request: FastifyRequest, token: string): string {
  return request.server.keyedHash('kept work', token);
}

/** The owner hash of this browser, if it has ever had work kept. */
export function ownerHashOf(request: FastifyRequest): string | undefined {
  // Optional: an app without the cookie plugin (a bare upload test) has no cookies and no kept work.
  const token = (request.cookies as Partial<Record<string, string>> | undefined)?.[keptCookie];
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? hashOf(request, token) : undefined;
}

/** The owner hash of this browser, giving it its cookie first if it has none. */
export function ensureOwnerHash(request: FastifyRequest, reply: FastifyReply): string {
  const known = ownerHashOf(request);
  if (known) return known;
  const token = newToken();
  request.cookies[keptCookie] = token;
  reply.setCookie(keptCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', maxAge: keptHours * 60 * 60 });
  return hashOf(request, token);
}

/** The person of the request, if signed in. */
export function userIdOf(request: FastifyRequest): number | null {
  return request.actor.kind === 'user' ? request.actor.userId : null;
}

/** Whether kept work owned by `userId` (null: nobody yet) may be shown to the request's person. */
export function mayShowTo(request: FastifyRequest, userId: number | null): boolean {
  return userId === null || userId === userIdOf(request);
}

/** A new id for kept work: unguessable, and never enough alone (the cookie must match). */
export function newKeptId(): string {
  return newToken();
}
