/** Every SQL statement of user administration: the user list, administrator changes, memberships, erasure. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { UserStatus } from '../tables.js';

export function updateUserAdministration(trx: Tx, userId: number, changes: { displayName: string; locale: Locale; isAdmin: boolean }) {
  return trx
    .updateTable('users')
    .set({ display_name: changes.displayName, locale: changes.locale, is_admin: changes.isAdmin, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

export function setUserStatus(trx: Tx, userId: number, status: UserStatus) {
  return trx
    .updateTable('users')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Erasure keeps the row (so the audit log still points somewhere) but removes everything that identifies the person. */
export function eraseUser(trx: Tx, userId: number, placeholderEmail: string, placeholderName: string) {
  return trx
    .updateTable('users')
    .set({
      email: placeholderEmail,
      display_name: placeholderName,
      password_hash: null,
      is_admin: false,
      status: 'erased',
      last_signed_in_at: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export function findOtherActiveAdmin(trx: Tx, userId: number) {
  return trx.selectFrom('users').select('id').where('is_admin', '=', true).where('status', '=', 'active').where('id', '!=', userId).limit(1).executeTakeFirst();
}

export function deleteMembershipsOfUser(trx: Tx, userId: number) {
  return trx.deleteFrom('memberships').where('user_id', '=', userId).execute();
}

export function findMembership(db: Executor, membershipId: number) {
  return db
    .selectFrom('memberships')
    .select(['id', 'user_id', 'programme_id', 'role', 'partner_id', 'organisation_id'])
    .where('id', '=', membershipId)
    .executeTakeFirst();
}

export function deleteMembership(trx: Tx, membershipId: number) {
  return trx.deleteFrom('memberships').where('id', '=', membershipId).executeTakeFirst();
}

export interface UserListFilter {
  query: string | null;
  status: UserStatus | null;
  limit: number;
  offset: number;
}

export function listUsers(db: Executor, filter: UserListFilter) {
  let query = db.selectFrom('users').select(['id', 'email', 'display_name', 'is_admin', 'status', 'last_signed_in_at']);
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    query = query.where((eb) =>
      eb.or([eb(sql<string>`lower(display_name)`, 'like', pattern.toLowerCase()), eb(sql<string>`lower(email)`, 'like', pattern.toLowerCase())]),
    );
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  return query
    .orderBy(sql`lower(display_name)`)
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
}

export async function countUsers(db: Executor, filter: Omit<UserListFilter, 'limit' | 'offset'>) {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count'));
  if (filter.query) {
    const pattern = `%${filter.query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`.toLowerCase();
    query = query.where((eb) => eb.or([eb(sql<string>`lower(display_name)`, 'like', pattern), eb(sql<string>`lower(email)`, 'like', pattern)]));
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.count);
}
