/**
 * Self-service use cases of the accounts module: signing in and out, password reset by email, accepting an
 * invitation, and the user's own account (profile, password, data export). Administration is in ../administration.
 */
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import { listAuditEventsByActor } from '../../../core/audit/queries.js';
import type { Db } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { composeEmail, emailsTo, queueEmail, type EmailContext } from '../../../core/mail/outbox.js';
import { done, refuse, type Outcome, type Refusal } from '../../../core/outcome.js';
import { systemActor, type Actor, type UserActor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { personalDataHolders } from '../../../core/module.js';
import { findAnyUser, findUserByEmail, findUserById, lockUser, membershipsOfUser } from '../queries.js';
import * as queries from './queries.js';
import { closeSession, openSession } from './sessions.js';
import {
  accountHashOf,
  admitAttempt,
  forgiveFailures,
  newDeviceCookie,
  resetCounter,
  signInGuard,
  uncount,
  type Digest,
  type SignInClient,
} from './throttle.js';
import { hashToken, newToken } from '../../../core/tokens.js';

export interface SignedIn {
  userId: number;
  token: string;
  expiresAt: Date;
  locale: Locale;
  /** The device cookie to give (or renew on) this browser, which exempts it from the account-wide throttle. */
  deviceCookie: string;
}

export type SignInRefusal = 'invalid_credentials' | 'throttled' | 'deactivated';

export type SignInOutcome = Outcome<SignedIn, Exclude<SignInRefusal, 'throttled'>> | (Refusal<'throttled'> & { retryAt: Date });

export interface SignInContext {
  client: SignInClient;
  digest: Digest;
  requestId?: string;
  now?: Date;
}

/**
 * Counts the attempt on each of the client's throttle counters unless one is pausing it, then checks the password
 * (argon2, outside any transaction so the database is not held while hashing); the right password takes the attempt
 * back, and opens a session.
 */
export async function signIn(db: Db, credentials: { email: string; password: string }, context: SignInContext): Promise<SignInOutcome> {
  const now = context.now ?? new Date();
  const guard = signInGuard(context.digest, credentials.email, context.client);
  const admission = await admitAttempt(db, guard.counters, now);
  if (!admission.admitted) return { ...refuse('throttled'), retryAt: admission.retryAt };
  const { attempt } = admission;
  const user = await findUserByEmail(db, credentials.email);
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, credentials.password);
  if (!user || !passwordMatches || user.status === 'invited' || user.status === 'erased') return refuse('invalid_credentials');
  if (user.status === 'deactivated') {
    await db.transaction().execute((trx) => uncount(trx, attempt));
    return refuse('deactivated');
  }
  const { requestId } = context;
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    displayName: user.display_name,
    email: user.email,
    isAdmin: user.is_admin,
    memberships: [],
    ...(requestId ? { requestId } : {}),
  };
  return db.transaction().execute(async (trx) => {
    await forgiveFailures(trx, attempt);
    const session = await openSession(trx, user.id);
    await queries.markSignedIn(trx, user.id);
    await recordAudit(trx, actor, { action: 'account.sign_in', entityType: 'user', entityId: user.id });
    const deviceCookie = guard.trusted && context.client.deviceCookie ? context.client.deviceCookie : newDeviceCookie(guard.accountHash);
    return done({ userId: user.id, token: session.token, expiresAt: session.expiresAt, locale: user.locale, deviceCookie });
  });
}

/** Whether any account exists (a new installation has none). */
export async function hasAnyUser(db: Db): Promise<boolean> {
  return (await findAnyUser(db)) !== undefined;
}

export async function signOut(db: Db, actor: Actor, sessionKey: string | null): Promise<void> {
  if (actor.kind !== 'user' || !sessionKey) return;
  await db.transaction().execute(async (trx) => {
    await closeSession(trx, sessionKey);
    await recordAudit(trx, actor, { action: 'account.sign_out', entityType: 'user', entityId: actor.userId });
  });
}

const resetLinkHours = 1;

/**
 * Emails a reset link if an active account has this address. The answer is the same either way, so the form does
 * not reveal who has an account; at most three links per account per hour.
 */
export async function requestPasswordReset(db: Db, email: string, context: EmailContext & { digest: Digest }, now = new Date()): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== 'active') return;
  if (!(await admitAttempt(db, [resetCounter(context.digest, email)], now)).admitted) return;
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    await queries.revokeTokens(trx, user.id, 'password_reset');
    await queries.insertUserToken(trx, {
      tokenHash: hashToken(token),
      userId: user.id,
      purpose: 'password_reset',
      expiresAt: new Date(Date.now() + resetLinkHours * 3600_000),
    });
    const t = context.translator.translate(user.locale);
    const message = composeEmail(t, 'accounts.email.passwordReset', {
      name: user.display_name,
      link: `${context.publicUrl}/password-reset/${token}`,
      hours: resetLinkHours,
    });
    await queueEmail(trx, { kind: 'password_reset', to: user.email, ...message });
    await recordAudit(trx, systemActor('password reset form'), { action: 'account.password_reset_requested', entityType: 'user', entityId: user.id });
  });
}

export interface TokenHolder {
  email: string;
  displayName: string;
}

/** Who a reset or invitation link belongs to, if it can still be used. */
export async function findUsableLink(db: Db, token: string, purpose: 'password_reset' | 'invitation'): Promise<TokenHolder | undefined> {
  const row = await queries.findUsableToken(db, hashToken(token), purpose);
  if (!row) return undefined;
  if (purpose === 'password_reset' && row.status !== 'active') return undefined;
  if (purpose === 'invitation' && row.status !== 'invited') return undefined;
  return { email: row.email, displayName: row.display_name };
}

/**
 * Sets a new password from a reset link; every session of the account ends, the link cannot be used again. The
 * browser that used the link proved it reads the account's email, so it gets the account's device cookie: an owner
 * kept waiting by a distributed attack gets in from a new browser this way.
 */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  digest: Digest,
): Promise<Outcome<{ userId: number; deviceCookie: string }, 'invalid_link'>> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await queries.findUsableToken(trx, hashToken(token), 'password_reset', true);
    if (!row || row.status !== 'active') return refuse('invalid_link');
    await queries.markTokenUsed(trx, row.token_hash);
    await queries.setPassword(trx, row.user_id, passwordHash, 'active');
    await queries.deleteSessionsOfUser(trx, row.user_id);
    await recordAudit(trx, systemActor('password reset link'), { action: 'account.password_reset', entityType: 'user', entityId: row.user_id });
    return done({ userId: row.user_id, deviceCookie: newDeviceCookie(accountHashOf(digest, row.email)) });
  });
}

/** Activates an invited account with the password the person chose, and signs them in. */
export async function acceptInvitation(db: Db, token: string, password: string, digest: Digest): Promise<Outcome<SignedIn, 'invalid_link'>> {
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const row = await queries.findUsableToken(trx, hashToken(token), 'invitation', true);
    if (!row || row.status !== 'invited') return refuse('invalid_link');
    await queries.markTokenUsed(trx, row.token_hash);
    await queries.setPassword(trx, row.user_id, passwordHash, 'active');
    const session = await openSession(trx, row.user_id);
    await queries.markSignedIn(trx, row.user_id);
    await recordAudit(trx, systemActor(`invitation accepted by ${row.display_name}`), {
      action: 'account.invitation_accepted',
      entityType: 'user',
      entityId: row.user_id,
      before: { status: 'invited' },
      after: { status: 'active' },
    });
    return done({
      userId: row.user_id,
      token: session.token,
      expiresAt: session.expiresAt,
      locale: row.locale,
      deviceCookie: newDeviceCookie(accountHashOf(digest, row.email)),
    });
  });
}

export interface AccountView {
  email: string;
  displayName: string;
  locale: Locale;
  isAdmin: boolean;
  createdAt: Date;
  lastSignedInAt: Date | null;
  memberships: { programmeId: number; role: string; partnerId: number | null; organisationId: number | null }[];
}

export async function getOwnAccount(db: Db, actor: Actor): Promise<AccountView | undefined> {
  if (actor.kind !== 'user' || !can(actor, 'account.read')) return undefined;
  const user = await findUserById(db, actor.userId);
  if (!user) return undefined;
  const memberships = await membershipsOfUser(db, actor.userId);
  return {
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    isAdmin: user.is_admin,
    createdAt: user.created_at,
    lastSignedInAt: user.last_signed_in_at,
    memberships: memberships.map((m) => ({ programmeId: m.programme_id, role: m.role, partnerId: m.partner_id, organisationId: m.organisation_id })),
  };
}

export async function updateOwnProfile(db: Db, actor: Actor, profile: { displayName: string; locale: Locale }): Promise<Outcome<void, 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'account.update', { userId: actor.userId })) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, actor.userId);
    if (!before) return refuse('forbidden');
    await queries.updateProfile(trx, actor.userId, profile);
    await recordAudit(trx, actor, {
      action: 'account.update',
      entityType: 'user',
      entityId: actor.userId,
      before: { displayName: before.display_name, locale: before.locale },
      after: profile,
    });
    return done(undefined);
  });
}

/** Changes the password after checking the current one; other sessions end, this one stays. */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  sessionKey: string | null,
  input: { currentPassword: string; password: string },
): Promise<Outcome<void, 'forbidden' | 'wrong_password'>> {
  if (actor.kind !== 'user' || !can(actor, 'account.update', { userId: actor.userId })) return refuse('forbidden');
  const user = await findUserById(db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) return refuse('wrong_password', 'currentPassword');
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    await queries.setPassword(trx, actor.userId, passwordHash, 'active');
    await queries.deleteOtherSessions(trx, actor.userId, sessionKey);
    await queries.revokeTokens(trx, actor.userId, 'password_reset');
    await recordAudit(trx, actor, { action: 'account.password_change', entityType: 'user', entityId: actor.userId });
    return done(undefined);
  });
}

/** Everything the platform holds about the signed-in person (GDPR Art. 15 and 20), as one JSON document. */
export async function exportOwnData(db: Db, actor: Actor): Promise<Record<string, unknown> | undefined> {
  if (actor.kind !== 'user' || !can(actor, 'account.export')) return undefined;
  const account = await getOwnAccount(db, actor);
  if (!account) return undefined;
  const activity = await listAuditEventsByActor(db, actor.userId);
  const records: Record<string, unknown> = {};
  for (const holder of personalDataHolders()) records[holder.name] = await holder.exportFor(db, actor.userId);
  return {
    exportedAt: new Date().toISOString(),
    account,
    activity: activity.map((event) => ({
      at: event.occurred_at.toISOString(),
      action: event.action,
      entityType: event.entity_type,
      entityId: event.entity_id,
    })),
    records,
    emails: await emailsTo(db, account.email),
    note: `Exported for ${actorLabel(actor)}. Passwords are stored only as one-way hashes and are never exported.`,
  };
}
