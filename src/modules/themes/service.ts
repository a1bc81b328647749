/** The managed list of themes: read by every module that classifies records, kept by administrators. */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import { isUniqueViolation } from '../../core/db/errors.js';
import { defaultLocale, locales, type Locale } from '../../core/i18n/locales.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import * as queries from './queries.js';
import { themeNamesSchema, type ThemeNamesInput } from './schema.js';

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
  for (const [locale, name] of [
    ['it', input.nameIt],
    ['et', input.nameEt],
    ['hu', input.nameHu],
    ['sv', input.nameSv],
  ] as const)
    if (name) names[locale] = name;
  return names;
}

/** A name as people write it, for comparing: case, accents and runs of spaces ignored. */
export function themeNameKey(name: string): string {
  return withoutAccents(name).toLowerCase().replace(/\s+/g, ' ').trim();
}

const withoutAccents = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** A name as the letters, digits and hyphens of a code, uncut. */
function slugOf(name: string): string {
  return withoutAccents(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Codes are at most this long (the admin pages' route pattern and the practice form's check take no longer). */
const codeMaxLength = 60;

/**
 * The code is derived from the English name once and never changes, so links and imports keep working. A long name
 * is cut, and a hyphen left at the cut is dropped: the table only takes codes of words joined by single hyphens.
 */
export function codeFor(englishName: string): string {
  return slugOf(englishName).slice(0, codeMaxLength).replace(/-+$/, '');
}

/**
 * Finds the theme a person means by what they write in a file: its code, its name in any language (case, accents
 * and spacing ignored, so a renamed theme is found by its new name), or a name whose whole derived code is the
 * theme's ("Circular economy" for circular-economy). A name cut to an existing code is not a match: two long names
 * can share their first 60 characters and still be different themes.
 */
export class ThemeFinder {
  private readonly byCode = new Map<string, Theme>();
  private readonly byName = new Map<string, Theme>();

  constructor(themes: Iterable<Theme>) {
    for (const theme of themes) this.add(theme);
  }

  /** A theme to find from now on (the list's, or one an import is about to add); earlier themes keep their names. */
  add(theme: Theme): void {
    if (!this.byCode.has(theme.code)) this.byCode.set(theme.code, theme);
    for (const name of Object.values(theme.names)) {
      const key = themeNameKey(name);
      if (!this.byName.has(key)) this.byName.set(key, theme);
    }
  }

  find(entry: string): Theme | undefined {
    const text = entry.trim();
    return this.byCode.get(text) ?? this.byName.get(themeNameKey(text)) ?? this.byCode.get(slugOf(text));
  }

  withCode(code: string): Theme | undefined {
    return this.byCode.get(code);
  }
}

/** Why a theme an import names cannot be added: its name is not one the theme form takes, or its code is another theme's. */
export type NewThemeProblem =
  { reason: 'name_too_long'; max: number } | { reason: 'name_invalid' } | { reason: 'no_code' } | { reason: 'code_taken'; code: string; other: Theme };

/**
 * A theme an import would add under a name from the file: the name is read by the theme form's own rule for the
 * English name (cleaned, one line, at most 80 characters), and its code must be new to the themes `finder` knows.
 */
export function newThemeFrom(text: string, finder: ThemeFinder): { ok: true; theme: { code: string; name: string } } | { ok: false; problem: NewThemeProblem } {
  const parsed = themeNamesSchema.shape.nameEn.safeParse(text);
  if (!parsed.success) {
    const tooLong = parsed.error.issues.find((issue) => issue.code === 'too_big');
    return { ok: false, problem: tooLong ? { reason: 'name_too_long', max: Number(tooLong.maximum) } : { reason: 'name_invalid' } };
  }
  const name = parsed.data;
  const code = codeFor(name);
  if (code === '') return { ok: false, problem: { reason: 'no_code' } };
  const other = finder.withCode(code);
  return other ? { ok: false, problem: { reason: 'code_taken', code, other } } : { ok: true, theme: { code, name } };
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
export async function addThemesForImport(
  trx: Tx,
  actor: Actor,
  programmeId: number,
  themes: readonly { code: string; name: string }[],
): Promise<Outcome<Theme[], 'forbidden'>> {
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
    await recordAudit(trx, actor, {
      action: 'theme.update',
      entityType: 'theme',
      entityId: code,
      before: { names: before.names, retired: before.retired },
      after,
    });
    return done(after);
  });
}
