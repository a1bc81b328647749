/** The statements on users and their memberships that both halves of the module, its demo and its public answers share. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { MembershipRole } from '../../core/policy/actor.js';
import type { UserStatus } from './tables.js';

const userColumns = ['id', 'email', 'display_name', 'locale', 'password_hash', 'is_admin', 'status', 'created_at', 'last_signed_in_at'] as const;

export function findUserByEmail(db: Executor, email: string) {
  return db
    .selectFrom('users')
    .select(userColumns)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findAnyUser(db: Executor) {
  return db.selectFrom('users').select('id').limit(1).executeTakeFirst();
}

export function findUserById(db: Executor, userId: number) {
  return db.selectFrom('users').select(userColumns).where('id', '=', userId).executeTakeFirst();
}

export function lockUser(trx: Tx, userId: number) {
  return trx.selectFrom('users').select(userColumns).where('id', '=', userId).forUpdate().executeTakeFirst();
}

export function membershipsOfUser(db: Executor, userId: number) {
  return db
    .selectFrom('memberships')
    .select(['id', 'programme_id', 'role', 'partner_id', 'organisation_id'])
    .where('user_id', '=', userId)
    .orderBy('programme_id')
    .orderBy('role')
    .orderBy('id')
    .execute();
}

export function insertUser(
  trx: Tx,
  user: { email: string; displayName: string; locale: Locale; isAdmin: boolean; status: UserStatus; passwordHash: string | null },
) {
  return trx
    .insertInto('users')
    .values({
      email: user.email,
      display_name: user.displayName,
      locale: user.locale,
      is_admin: user.isAdmin,
      status: user.status,
      password_hash: user.passwordHash,
    })
    .returning(userColumns)
    .executeTakeFirstOrThrow();
}

export function insertMembership(
  trx: Tx,
  membership: { userId: number; programmeId: number; role: MembershipRole; partnerId: number | null; organisationId: number | null },
) {
  return trx
    .insertInto('memberships')
    .values({
      user_id: membership.userId,
      programme_id: membership.programmeId,
      role: membership.role,
      partner_id: membership.partnerId,
      organisation_id: membership.organisationId,
    })
    .onConflict((conflict) => conflict.doNothing())
    .returning(['id', 'programme_id', 'role', 'partner_id', 'organisation_id'])
    .executeTakeFirst();
}

export function listActiveEditors(db: Executor, partnerId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.email', 'users.display_name', 'users.locale'])
    .where('memberships.role', '=', 'editor')
    .where('memberships.partner_id', '=', partnerId)
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
}

/** The ids of the active editors of any of the partners, for notifications about their partners' records. */
export function listActiveEditorIds(db: Executor, partnerIds: readonly number[]) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .distinct()
    .where('memberships.role', '=', 'editor')
    .where('memberships.partner_id', 'in', partnerIds)
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
}

/** Address, language, name and status of the given people, for the modules that write to them. */
export function listPeopleByIds(db: Executor, userIds: readonly number[]) {
  return db.selectFrom('users').select(['id', 'email', 'locale', 'status', 'display_name']).where('id', 'in', userIds).orderBy('id').execute();
}

/** The ids of the active coordinators of a programme, for notifications about work waiting for their review. */
export function listActiveCoordinatorIds(db: Executor, programmeId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.id')
    .distinct()
    .where('memberships.role', '=', 'coordinator')
    .where('memberships.programme_id', '=', programmeId)
    .where('users.status', '=', 'active')
    .orderBy('users.id')
    .execute();
}
