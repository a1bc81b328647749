/**
 * Server-side sessions: the browser holds a random token in an HttpOnly cookie, the database holds its hash, the
 * user and its expiry. Any app node can resolve any session, so nodes keep no state of their own.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BatchedLookup } from '../../../core/db/batched-lookup.js';
import type { Db, Tx } from '../../../core/db/database.js';
import { isLocale } from '../../../core/i18n/locales.js';
import { languageCookie } from '../../../core/i18n/plugin.js';
import { anonymous, type UserActor } from '../../../core/policy/actor.js';
import { deleteSession, findSessionActors, insertSession, touchSession } from './queries.js';
import { hashToken, newToken } from '../../../core/tokens.js';

export const sessionCookie = 'better_session';
/** A session ends after 8 hours without a request (a working day) or 7 days after sign-in, whichever comes first. */
export const sessionIdleMinutes = 8 * 60;
export const sessionLifetimeDays = 7;
/** Updating last_seen_at on every request would turn each page view into a write; once every 5 minutes is enough. */
const touchAfterMs = 5 * 60_000;

type SessionRow = Awaited<ReturnType<typeof findSessionActors>>[number];
export type SessionFinder = BatchedLookup<string, SessionRow>;
export interface ResolvedSession {
  actor: UserActor;
  tokenHash: string;
  dataVersion: number;
}

/**
 * Finds sessions by token hash, those of requests arriving together in one query (core/db/batched-lookup.ts): each
 * request still sees its session as the database holds it when the request arrived, and a sign-out or an erased
 * account takes effect at the next request, on every node, as nothing is kept between requests.
 */
export function sessionFinder(db: Db): SessionFinder {
  return new BatchedLookup((tokenHashes) => findSessions(db, tokenHashes));
}

/** The sessions still valid among the token hashes, by hash, each with its user, memberships and the data version. */
export async function findSessions(db: Db, tokenHashes: string[]): Promise<Map<string, SessionRow>> {
  const rows = await findSessionActors(db, tokenHashes, sessionIdleMinutes);
  return new Map(rows.map((row) => [row.token_hash, row]));
}

export async function resolveSession(db: Db, sessions: SessionFinder, token: string, requestId?: string): Promise<ResolvedSession | null> {
  const tokenHash = hashToken(token);
  const row = await sessions.find(tokenHash);
  if (!row) return null;
  if (Date.now() - row.last_seen_at.getTime() > touchAfterMs) await touchSession(db, tokenHash);
  const actor: UserActor = {
    kind: 'user',
    userId: row.id,
    displayName: row.display_name,
    email: row.email,
    isAdmin: row.is_admin,
    memberships: row.memberships,
    ...(requestId ? { requestId } : {}),
  };
  return { actor, tokenHash, dataVersion: Number(row.data_version) };
}

/** Opens a session inside the sign-in transaction and returns the token for the cookie. */
export async function openSession(trx: Tx, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + sessionLifetimeDays * 24 * 60 * 60_000);
  await insertSession(trx, { tokenHash: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

export async function closeSession(trx: Tx, tokenHash: string): Promise<void> {
  await deleteSession(trx, tokenHash);
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, locale: string): void {
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', expires: expiresAt });
  // The account's language becomes the interface language unless this browser already chose one.
  if (isLocale(locale) && !reply.request.cookies[languageCookie]) {
    reply.setCookie(languageCookie, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax', secure: 'auto', httpOnly: true });
  }
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { path: '/' });
}

/** Resolves the actor of every request before any route runs. */
export const sessionPlugin = fp(
  async (app) => {
    const sessions = sessionFinder(app.db);
    // Declared without a value (decorations cannot hold objects); the hook below sets it before any route runs.
    app.decorateRequest('actor');
    app.decorateRequest('sessionKey', null);
    app.decorateRequest('dataVersionSeen', null);
    app.addHook('onRequest', async (request: FastifyRequest) => {
      request.actor = { ...anonymous, requestId: request.id };
      request.sessionKey = null;
      request.dataVersionSeen = null;
      const token = request.cookies[sessionCookie];
      if (!token || token.length > 100) return;
      const session = await resolveSession(app.db, sessions, token, request.id);
      if (!session) return;
      request.actor = session.actor;
      request.sessionKey = session.tokenHash;
      request.dataVersionSeen = session.dataVersion;
    });
  },
  { name: 'better-sessions', dependencies: ['@fastify/cookie'] },
);
