/** The managed list of themes: read by every module that classifies records, kept by administrators. */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import { isUniqueViolation } from '../../core/db/errors.js';
import { defaultLocale, locales, type Locale } from '../../core/i18n/locales.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import * as queries from './queries.js';
import type { ThemeNamesInput } from './schema.js';
// The module's grants must be registered before any of its use cases asks the policy.
import './policy.js';

export interface Theme {
  code: string;
  names: Record<string, string>;
  retired: boolean;
}

export function themeName(theme: Pick<Theme, 'names' | 'code'>, locale: Locale): string {
  return theme.names[locale] ?? theme.names[defaultLocale] ?? theme.code;
}

/** Every theme in the list's order; retired ones are kept for the records that use them but not offered for new ones. */
export async function listThemes(db: Db): Promise<Theme[]> {
  return (await queries.listThemes(db)).map((row) => ({ code: row.code, names: row.names, retired: row.retired }));
}

function namesOf(input: ThemeNamesInput): Record<string, string> {
  const names: Record<string, string> = { en: input.nameEn };
  for (const [locale, name] of [['it', input.nameIt], ['et', input.nameEt], ['hu', input.nameHu], ['sv', input.nameSv]] as const) if (name) names[locale] = name;
  return names;
}

/** The code is derived from the English name once and never changes, so links and imports keep working. */
export function codeFor(englishName: string): string {
  return englishName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

export type ThemeRefusal = 'forbidden' | 'not_found' | 'code_taken' | 'invalid_name';

export async function createTheme(db: Db, actor: Actor, input: ThemeNamesInput): Promise<Outcome<Theme, ThemeRefusal>> {
  if (!can(actor, 'theme.manage')) return refuse('forbidden');
  const code = codeFor(input.nameEn);
  if (!code) return refuse('invalid_name', 'nameEn');
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await queries.insertTheme(trx, { code, names: namesOf(input) });
      const theme = { code: row.code, names: row.names, retired: row.retired };
      await recordAudit(trx, actor, { action: 'theme.create', entityType: 'theme', entityId: code, after: theme });
      return done(theme);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('code_taken', 'nameEn');
    throw error;
  }
}

/** Themes an import names and the list lacks, added in the import's transaction, named in every language as the file names them. */
export async function addThemesForImport(trx: Tx, actor: Actor, programmeId: number, themes: readonly { code: string; name: string }[]): Promise<Outcome<Theme[], 'forbidden'>> {
  if (!can(actor, 'theme.add_for_import', { programmeId })) return refuse('forbidden');
  const added: Theme[] = [];
  for (const { code, name } of themes) {
    const row = await queries.insertTheme(trx, { code, names: Object.fromEntries(locales.map((locale) => [locale, name])) });
    const theme = { code: row.code, names: row.names, retired: row.retired };
    await recordAudit(trx, actor, { action: 'theme.create', entityType: 'theme', entityId: code, programmeId, after: theme });
    added.push(theme);
  }
  return done(added);
}

export async function updateTheme(db: Db, actor: Actor, code: string, input: ThemeNamesInput): Promise<Outcome<Theme, ThemeRefusal>> {
  if (!can(actor, 'theme.manage')) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockTheme(trx, code);
    if (!before) return refuse('not_found');
    const row = await queries.updateTheme(trx, code, { names: namesOf(input), retired: input.retired });
    const after = { code: row.code, names: row.names, retired: row.retired };
    await recordAudit(trx, actor, { action: 'theme.update', entityType: 'theme', entityId: code, before: { names: before.names, retired: before.retired }, after });
    return done(after);
  });
}
