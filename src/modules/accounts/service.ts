/**
 * The accounts module's public entry, for other modules, the composition root and the test scaffolding: the use cases
 * of people/ (signing in, the person's own account) and administration/ (user administration), and a few answers more.
 */
import { actorLabel } from '../../core/audit/audit.js';
import type { Db, Executor } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Actor } from '../../core/policy/actor.js';
import { listActiveCoordinatorIds, listActiveEditorIds, listActiveEditors, listPeopleByIds } from './queries.js';

export * from './people/service.js';
export * from './administration/service.js';
export { hashPassword } from './people/passwords.js';
export { demoAccounts, demoPassword } from './seed.js';

/** The active editors of a partner, to whom the platform writes about their partner's work (e.g. reminders). */
export async function activeEditorsOf(db: Db, partnerId: number): Promise<{ email: string; displayName: string; locale: Locale }[]> {
  const rows = await listActiveEditors(db, partnerId);
  return rows.map((row) => ({ email: row.email, displayName: row.display_name, locale: row.locale }));
}

/**
 * The user ids of the active editors of the partners, for notifications about their work. Takes the use case's
 * transaction too: the embedded database has one connection, which an open transaction holds.
 */
export async function editorIdsOf(db: Executor, partnerIds: readonly number[]): Promise<number[]> {
  if (partnerIds.length === 0) return [];
  return (await listActiveEditorIds(db, partnerIds)).map((row) => row.id);
}

/** The user ids of the active coordinators of a programme, for notifications about what waits for their review. */
export async function coordinatorIdsOf(db: Executor, programmeId: number): Promise<number[]> {
  return (await listActiveCoordinatorIds(db, programmeId)).map((row) => row.id);
}

/** A person as the modules that write to them need them: address, language, name and whether the account is active. */
export interface Addressee {
  id: number;
  email: string;
  locale: Locale;
  displayName: string;
  active: boolean;
}

/** The given people (unknown ids left out), for notifications and their emails. */
export async function addresseesOf(db: Executor, userIds: readonly number[]): Promise<Addressee[]> {
  if (userIds.length === 0) return [];
  const rows = await listPeopleByIds(db, [...new Set(userIds)]);
  return rows.map((row) => ({ id: row.id, email: row.email, locale: row.locale, displayName: row.display_name, active: row.status === 'active' }));
}

/** Who acted, as a notification names them (and leaves them out of its recipients). */
export function actingPerson(actor: Actor): { userId: number | null; name: string } {
  return { userId: actor.kind === 'user' ? actor.userId : null, name: actorLabel(actor) };
}
