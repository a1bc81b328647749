/** Every SQL statement of signing in and self-service: sessions, one-time links, passwords and profiles, the sign-in throttle. */
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { TokenPurpose, UserStatus } from '../tables.js';

/**
 * The signed-in actors behind session tokens, in one query: user and memberships of each session still valid. One
 * statement text whatever the number of tokens (`= any($1)`), so PostgreSQL prepares it once (core/db/pool.ts).
 */
export function findSessionActors(db: Executor, tokenHashes: string[], idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select((eb) => [
      'sessions.token_hash',
      'users.id',
      'users.email',
      'users.display_name',
      'users.is_admin',
      'users.locale',
      'sessions.last_seen_at',
      jsonArrayFrom(
        eb
          .selectFrom('memberships')
          .select([
            'memberships.programme_id as programmeId',
            'memberships.role',
            'memberships.partner_id as partnerId',
            'memberships.organisation_id as organisationId',
          ])
          .whereRef('memberships.user_id', '=', 'users.id')
          .orderBy('memberships.id'),
      ).as('memberships'),
      // Read with the sessions, so a signed-in person's page answered from the page cache (core/cache) costs one round
      // trip to the database instead of two.
      sql<number>`(select version from data_version)`.as('data_version'),
    ])
    .where('sessions.token_hash', '=', sql<string>`any(${tokenHashes}::text[])`)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .where('sessions.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .where('users.status', '=', 'active')
    .execute();
}

export function touchSession(db: Executor, tokenHash: string) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function insertSession(trx: Tx, session: { tokenHash: string; userId: number; expiresAt: Date }) {
  return trx.insertInto('sessions').values({ token_hash: session.tokenHash, user_id: session.userId, expires_at: session.expiresAt }).execute();
}

export function deleteSession(trx: Tx, tokenHash: string) {
  return trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function deleteSessionsOfUser(trx: Tx, userId: number) {
  return trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function deleteOtherSessions(trx: Tx, userId: number, keepTokenHash: string | null) {
  let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '!=', keepTokenHash);
  return query.execute();
}

export function deleteExpiredSessions(db: Executor, idleMinutes: number) {
  return db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)]))
    .executeTakeFirst();
}

export function markSignedIn(trx: Tx, userId: number) {
  return trx
    .updateTable('users')
    .set({ last_signed_in_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export function insertUserToken(trx: Tx, token: { tokenHash: string; userId: number; purpose: TokenPurpose; expiresAt: Date }) {
  return trx
    .insertInto('user_tokens')
    .values({ token_hash: token.tokenHash, user_id: token.userId, purpose: token.purpose, expires_at: token.expiresAt })
    .execute();
}

/** A token that can still be used, with its user; `forUpdate` locks it so it is used once even under a double submit. */
export function findUsableToken(db: Executor, tokenHash: string, purpose: TokenPurpose, lock = false) {
  let query = db
    .selectFrom('user_tokens')
    .innerJoin('users', 'users.id', 'user_tokens.user_id')
    .select(['user_tokens.token_hash', 'user_tokens.user_id', 'users.email', 'users.display_name', 'users.status', 'users.locale'])
    .where('user_tokens.token_hash', '=', tokenHash)
    .where('user_tokens.purpose', '=', purpose)
    .where('user_tokens.used_at', 'is', null)
    .where('user_tokens.expires_at', '>', sql<Date>`now()`);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function markTokenUsed(trx: Tx, tokenHash: string) {
  return trx
    .updateTable('user_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Older links stop working when a new one is issued or the password changes. */
export function revokeTokens(trx: Tx, userId: number, purpose: TokenPurpose) {
  return trx
    .updateTable('user_tokens')
    .set({ used_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export function deleteStaleTokens(db: Executor) {
  return db
    .deleteFrom('user_tokens')
    .where('expires_at', '<', sql<Date>`now() - interval '30 days'`)
    .executeTakeFirst();
}

export function setPassword(trx: Tx, userId: number, passwordHash: string, status: UserStatus) {
  return trx
    .updateTable('users')
    .set({ password_hash: passwordHash, status, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export function updateProfile(trx: Tx, userId: number, profile: { displayName: string; locale: Locale }) {
  return trx
    .updateTable('users')
    .set({ display_name: profile.displayName, locale: profile.locale, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export function deleteTokensOfUser(trx: Tx, userId: number) {
  return trx.deleteFrom('user_tokens').where('user_id', '=', userId).execute();
}

// ---- sign-in throttle -------------------------------------------------------------------------------------------

/** The end of the longest pause among the counters, if one is running at `now`. */
export async function findPausedUntil(db: Executor, keys: string[], now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('sign_in_throttle')
    .select((eb) => eb.fn.max('blocked_until').as('until'))
    .where('key', 'in', keys)
    .where('blocked_until', '>', now)
    .executeTakeFirst();
  return row?.until ?? null;
}

/**
 * Counts one attempt in the counter's window (a new window once the old one has passed) and returns the window's count,
 * or nothing when the counter is pausing the client: then nothing is counted. One statement, so attempts arriving
 * together are counted one after the other, and the row stays locked until the caller's transaction ends.
 */
export async function countAttempt(
  trx: Tx,
  counter: { key: string; accountHash: string | null },
  now: Date,
  windowStartedBefore: Date,
): Promise<number | undefined> {
  const row = await trx
    .insertInto('sign_in_throttle')
    .values({ key: counter.key, account_hash: counter.accountHash, failures: 1, window_started_at: now, blocked_until: null })
    .onConflict((conflict) =>
      conflict
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when sign_in_throttle.window_started_at <= ${windowStartedBefore} then 1 else sign_in_throttle.failures + 1 end`,
          window_started_at: sql<Date>`case when sign_in_throttle.window_started_at <= ${windowStartedBefore} then ${now} else sign_in_throttle.window_started_at end`,
        })
        .where((eb) => eb.or([eb('sign_in_throttle.blocked_until', 'is', null), eb('sign_in_throttle.blocked_until', '<=', now)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return row?.failures;
}

export function pauseThrottle(trx: Tx, key: string, until: Date) {
  return trx.updateTable('sign_in_throttle').set({ blocked_until: until }).where('key', '=', key).execute();
}

/**
 * Takes back an attempt that turned out not to be a failure, with the pause it started (unless a later attempt has
 * started a pause of its own since).
 */
export function uncountAttempt(trx: Tx, key: string, pauseStarted: Date | null) {
  return trx
    .updateTable('sign_in_throttle')
    .set({
      failures: sql<number>`greatest(failures - 1, 0)`,
      // Comparing with null is never true: no pause of the attempt's, none withdrawn.
      blocked_until: sql<Date | null>`case when blocked_until = ${pauseStarted} then null else blocked_until end`,
    })
    .where('key', '=', key)
    .execute();
}

export async function clearThrottles(trx: Tx, keys: string[]) {
  if (keys.length > 0) await trx.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
}

export function deleteThrottlesOfAccount(trx: Tx, accountHash: string) {
  return trx.deleteFrom('sign_in_throttle').where('account_hash', '=', accountHash).execute();
}

export function deleteStaleThrottles(db: Executor) {
  return db
    .deleteFrom('sign_in_throttle')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 day'`)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
}
