/** Every SQL statement of the themes module. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../core/db/database.js';

export function listThemes(db: Executor) {
  return db.selectFrom('themes').select(['code', 'names', 'position', 'retired']).orderBy('position').orderBy('code').execute();
}

export function lockTheme(trx: Tx, code: string) {
  return trx.selectFrom('themes').select(['code', 'names', 'position', 'retired']).where('code', '=', code).forUpdate().executeTakeFirst();
}

export function insertTheme(trx: Tx, theme: { code: string; names: Record<string, string> }) {
  return trx
    .insertInto('themes')
    .values({ code: theme.code, names: JSON.stringify(theme.names), position: sql<number>`(select coalesce(max(position), -1) + 1 from themes)` })
    .returning(['code', 'names', 'position', 'retired'])
    .executeTakeFirstOrThrow();
}

export function updateTheme(trx: Tx, code: string, changes: { names: Record<string, string>; retired: boolean }) {
  return trx
    .updateTable('themes')
    .set({ names: JSON.stringify(changes.names), retired: changes.retired, updated_at: sql<Date>`now()` })
    .where('code', '=', code)
    .returning(['code', 'names', 'position', 'retired'])
    .executeTakeFirstOrThrow();
}
