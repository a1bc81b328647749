/**
 * The accounts module's public entry, for other modules, the composition root and the test scaffolding: the use cases
 * of people/ (signing in, the person's own account) and administration/ (user administration), and a few answers more.
 */
import type { Db } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import { listActiveEditors } from './queries.js';

export * from './people/service.js';
export * from './administration/service.js';
export { hashPassword } from './people/passwords.js';
export { demoAccounts, demoPassword } from './seed.js';

/** The active editors of a partner, to whom the platform writes about their partner's work (e.g. reminders). */
export async function activeEditorsOf(db: Db, partnerId: number): Promise<{ email: string; displayName: string; locale: Locale }[]> {
  const rows = await listActiveEditors(db, partnerId);
  return rows.map((row) => ({ email: row.email, displayName: row.display_name, locale: row.locale }));
}
