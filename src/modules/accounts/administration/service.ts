/**
 * Administrators' use cases: find users, invite them with a first role, change their name, language, roles and
 * administrator flag, deactivate and reactivate them, and erase a deactivated person's personal data.
 */
import { actorLabel, forgetPersonInAudit, recordAudit } from '../../../core/audit/audit.js';
import type { Db, Tx } from '../../../core/db/database.js';
import { camelCased } from '../../../core/db/rows.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../../core/db/errors.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { composeEmail, deleteEmailsTo, queueEmail, type EmailContext } from '../../../core/mail/outbox.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor, MembershipRole } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { findOrganisation, findPartner } from '../../partners/service.js';
import { findProgramme } from '../../programmes/service.js';
import { personalDataHolders } from '../../../core/module.js';
import { findUserByEmail, findUserById, insertMembership, insertUser, lockUser, membershipsOfUser } from '../queries.js';
import { deleteSessionsOfUser, deleteTokensOfUser, insertUserToken, revokeTokens } from '../people/queries.js';
import * as queries from './queries.js';
import { forgetAccount, type Digest } from '../people/throttle.js';
import type { InvitationInput, RoleAssignment } from './schema.js';
import type { UserStatus } from '../tables.js';
import { hashToken, newToken } from '../../../core/tokens.js';

/** How long an invitation link stays valid. */
export const invitationDays = 7;

export interface UserSummary {
  id: number;
  email: string;
  displayName: string;
  isAdmin: boolean;
  status: UserStatus;
  lastSignedInAt: Date | null;
}

export interface MembershipView {
  id: number;
  programmeId: number;
  role: MembershipRole;
  partnerId: number | null;
  organisationId: number | null;
}

export interface UserDetail extends UserSummary {
  locale: Locale;
  createdAt: Date;
  memberships: MembershipView[];
}

export const usersPerPage = 50;

export async function listUsers(
  db: Db,
  actor: Actor,
  filter: { query: string | null; status: UserStatus | null },
  page: number,
): Promise<{ users: UserSummary[]; total: number } | undefined> {
  if (!can(actor, 'user.read')) return undefined;
  const [rows, total] = await Promise.all([
    queries.listUsers(db, { ...filter, limit: usersPerPage, offset: (page - 1) * usersPerPage }),
    queries.countUsers(db, filter),
  ]);
  return {
    total,
    users: rows.map(camelCased),
  };
}

export async function getUser(db: Db, actor: Actor, userId: number): Promise<UserDetail | undefined> {
  if (!can(actor, 'user.read')) return undefined;
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const memberships = await membershipsOfUser(db, userId);
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    isAdmin: user.is_admin,
    status: user.status,
    lastSignedInAt: user.last_signed_in_at,
    locale: user.locale,
    createdAt: user.created_at,
    memberships: memberships.map((m) => ({ id: m.id, programmeId: m.programme_id, role: m.role, partnerId: m.partner_id, organisationId: m.organisation_id })),
  };
}

type MembershipScope = { programmeId: number; role: MembershipRole; partnerId: number | null; organisationId: number | null };

/** Works out the programme a role applies to from the partner or organisation chosen; undefined if it does not exist. */
async function scopeOf(db: Db, actor: Actor, assignment: RoleAssignment): Promise<MembershipScope | null | undefined> {
  switch (assignment.role) {
    case 'admin':
      return null;
    case 'coordinator': {
      const programme = assignment.programmeId === null ? undefined : await findProgramme(db, assignment.programmeId);
      return programme && { programmeId: programme.id, role: 'coordinator', partnerId: null, organisationId: null };
    }
    case 'editor': {
      const partner = assignment.partnerId === null ? undefined : await findPartner(db, actor, assignment.partnerId);
      return partner && { programmeId: partner.programmeId, role: 'editor', partnerId: partner.id, organisationId: null };
    }
    case 'stakeholder': {
      const organisation = assignment.organisationId === null ? undefined : await findOrganisation(db, assignment.organisationId);
      return organisation && { programmeId: organisation.programmeId, role: 'stakeholder', partnerId: null, organisationId: organisation.id };
    }
  }
}

const scopeField = { coordinator: 'programmeId', editor: 'partnerId', stakeholder: 'organisationId', admin: 'role' } as const;

/** Issues a fresh invitation link (older ones stop working), queues the email and returns the link. */
async function issueInvitation(
  trx: Tx,
  user: { id: number; email: string; display_name: string; locale: Locale },
  context: EmailContext,
  inviterName: string,
): Promise<string> {
  const token = newToken();
  const link = `${context.publicUrl}/invitations/${token}`;
  await revokeTokens(trx, user.id, 'invitation');
  const expiresAt = new Date(Date.now() + invitationDays * 24 * 3600_000);
  await insertUserToken(trx, { tokenHash: hashToken(token), userId: user.id, purpose: 'invitation', expiresAt });
  const t = context.translator.translate(user.locale);
  const message = composeEmail(t, 'accounts.email.invitation', { name: user.display_name, inviter: inviterName, link, days: invitationDays });
  await queueEmail(trx, { kind: 'invitation', to: user.email, ...message });
  return link;
}

export type InvitationRefusal = 'forbidden' | 'email_taken' | 'scope_not_found';

/**
 * Creates an account with its first role. Normally the person is invited: an email carries a link (valid seven
 * days) to choose a password. The command line may instead set the password at once (`passwordHash`).
 */
export async function inviteUser(
  db: Db,
  actor: Actor,
  input: InvitationInput,
  context: EmailContext,
  options: { passwordHash?: string } = {},
): Promise<Outcome<{ userId: number; invitationLink: string | null }, InvitationRefusal>> {
  if (!can(actor, 'user.invite')) return refuse('forbidden');
  const scope = await scopeOf(db, actor, input);
  if (scope === undefined) return refuse('scope_not_found', scopeField[input.role]);
  try {
    return await db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, input.email)) return refuse('email_taken', 'email');
      const user = await insertUser(trx, {
        email: input.email,
        displayName: input.displayName,
        locale: input.locale,
        isAdmin: input.role === 'admin',
        status: options.passwordHash ? 'active' : 'invited',
        passwordHash: options.passwordHash ?? null,
      });
      if (scope) await insertMembership(trx, { userId: user.id, ...scope });
      const invitationLink = options.passwordHash ? null : await issueInvitation(trx, user, context, actorLabel(actor));
      await recordAudit(trx, actor, {
        action: 'user.invite',
        entityType: 'user',
        entityId: user.id,
        programmeId: scope?.programmeId ?? null,
        after: { email: user.email, displayName: user.display_name, locale: user.locale, isAdmin: user.is_admin, status: user.status, membership: scope },
      });
      return done({ userId: user.id, invitationLink });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('email_taken', 'email');
    if (isForeignKeyViolation(error)) return refuse('scope_not_found', scopeField[input.role]);
    throw error;
  }
}

export async function resendInvitation(
  db: Db,
  actor: Actor,
  userId: number,
  context: EmailContext,
): Promise<Outcome<void, 'forbidden' | 'not_found' | 'not_invited'>> {
  if (!can(actor, 'user.invite')) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user) return refuse('not_found');
    if (user.status !== 'invited') return refuse('not_invited');
    await issueInvitation(trx, user, context, actorLabel(actor));
    await recordAudit(trx, actor, { action: 'user.invitation_resent', entityType: 'user', entityId: userId });
    return done(undefined);
  });
}

export type UserUpdateRefusal = 'forbidden' | 'not_found' | 'last_admin' | 'erased';

async function otherActiveAdminExists(trx: Tx, userId: number): Promise<boolean> {
  return (await queries.findOtherActiveAdmin(trx, userId)) !== undefined;
}

/** Name, language and the administrator flag; the platform always keeps at least one active administrator. */
export async function updateUser(
  db: Db,
  actor: Actor,
  userId: number,
  changes: { displayName: string; locale: Locale; isAdmin: boolean },
): Promise<Outcome<void, UserUpdateRefusal>> {
  if (!can(actor, 'user.update')) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, userId);
    if (!before) return refuse('not_found');
    if (before.status === 'erased') return refuse('erased');
    if (before.is_admin && !changes.isAdmin && before.status === 'active' && !(await otherActiveAdminExists(trx, userId)))
      return refuse('last_admin', 'isAdmin');
    await queries.updateUserAdministration(trx, userId, changes);
    await recordAudit(trx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: userId,
      before: { displayName: before.display_name, locale: before.locale, isAdmin: before.is_admin },
      after: changes,
    });
    return done(undefined);
  });
}

export type MembershipRefusal = 'forbidden' | 'not_found' | 'scope_not_found' | 'already_member' | 'erased';

export async function addMembership(db: Db, actor: Actor, userId: number, assignment: RoleAssignment): Promise<Outcome<void, MembershipRefusal>> {
  if (!can(actor, 'user.update')) return refuse('forbidden');
  const scope = await scopeOf(db, actor, assignment);
  if (scope === undefined) return refuse('scope_not_found', scopeField[assignment.role]);
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await lockUser(trx, userId);
      if (!user) return refuse('not_found');
      if (user.status === 'erased') return refuse('erased');
      if (scope === null) {
        if (user.is_admin) return refuse('already_member', 'role');
        await queries.updateUserAdministration(trx, userId, { displayName: user.display_name, locale: user.locale, isAdmin: true });
        await recordAudit(trx, actor, { action: 'user.update', entityType: 'user', entityId: userId, before: { isAdmin: false }, after: { isAdmin: true } });
        return done(undefined);
      }
      const membership = await insertMembership(trx, { userId, ...scope });
      if (!membership) return refuse('already_member', 'role');
      await recordAudit(trx, actor, {
        action: 'user.membership.create',
        entityType: 'membership',
        entityId: membership.id,
        programmeId: scope.programmeId,
        after: { userId, ...scope },
      });
      return done(undefined);
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return refuse('scope_not_found', scopeField[assignment.role]);
    throw error;
  }
}

export async function removeMembership(
  db: Db,
  actor: Actor,
  userId: number,
  membershipId: number,
): Promise<Outcome<MembershipView, 'forbidden' | 'not_found'>> {
  if (!can(actor, 'user.update')) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const membership = await queries.findMembership(trx, membershipId);
    if (!membership || membership.user_id !== userId) return refuse('not_found');
    await queries.deleteMembership(trx, membershipId);
    const view: MembershipView = {
      id: membership.id,
      programmeId: membership.programme_id,
      role: membership.role,
      partnerId: membership.partner_id,
      organisationId: membership.organisation_id,
    };
    await recordAudit(trx, actor, {
      action: 'user.membership.delete',
      entityType: 'membership',
      entityId: membershipId,
      programmeId: membership.programme_id,
      before: { userId, ...view },
    });
    return done(view);
  });
}

export type StatusRefusal = 'forbidden' | 'not_found' | 'self' | 'last_admin' | 'wrong_status';

/** Deactivation signs the person out everywhere and stops them signing in; nothing they did is removed. */
export async function setUserActive(db: Db, actor: Actor, userId: number, active: boolean): Promise<Outcome<void, StatusRefusal>> {
  if (actor.kind !== 'user' || !can(actor, 'user.deactivate')) return refuse('forbidden');
  if (actor.userId === userId) return refuse('self');
  return db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, userId);
    if (!before) return refuse('not_found');
    const target: UserStatus = active ? (before.password_hash ? 'active' : 'invited') : 'deactivated';
    if (active ? before.status !== 'deactivated' : before.status === 'deactivated' || before.status === 'erased') return refuse('wrong_status');
    if (!active && before.is_admin && before.status === 'active' && !(await otherActiveAdminExists(trx, userId))) return refuse('last_admin');
    await queries.setUserStatus(trx, userId, target);
    if (!active) {
      await deleteSessionsOfUser(trx, userId);
      await revokeTokens(trx, userId, 'password_reset');
      await revokeTokens(trx, userId, 'invitation');
    }
    await recordAudit(trx, actor, {
      action: active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: userId,
      before: { status: before.status },
      after: { status: target },
    });
    return done(undefined);
  });
}

/**
 * GDPR erasure: the person's name, email and password go, their roles and sign-in counters go, the row stays (as "Erased user") so
 * the audit log keeps its shape. Only deactivated accounts can be erased, so erasure is always a second step.
 */
export async function eraseUser(db: Db, actor: Actor, userId: number, digest: Digest): Promise<Outcome<void, StatusRefusal>> {
  if (actor.kind !== 'user' || !can(actor, 'user.erase')) return refuse('forbidden');
  if (actor.userId === userId) return refuse('self');
  return db.transaction().execute(async (trx) => {
    const before = await lockUser(trx, userId);
    if (!before) return refuse('not_found');
    if (before.status !== 'deactivated') return refuse('wrong_status');
    await queries.deleteMembershipsOfUser(trx, userId);
    await deleteSessionsOfUser(trx, userId);
    await deleteTokensOfUser(trx, userId);
    await deleteEmailsTo(trx, before.email);
    await forgetAccount(trx, digest, before.email);
    await queries.eraseUser(trx, userId, `erased-user-${userId}@invalid`, `Erased user ${userId}`);
    for (const holder of personalDataHolders()) await holder.erase(trx, userId, `Erased user ${userId}`);
    // The log keeps what was done and by which account, not who the erased person was.
    await forgetPersonInAudit(trx, { userId, label: `Erased user ${userId}`, entityType: 'user', entityId: userId, personalKeys: ['email', 'displayName'] });
    await recordAudit(trx, actor, {
      action: 'user.erase',
      entityType: 'user',
      entityId: userId,
      before: { status: before.status },
      after: { status: 'erased' },
    });
    return done(undefined);
  });
}
