/**
 * Checks the message catalogues (npm run i18n:check): every key the code uses exists in English, no language has a
 * key English lacks, placeholders match, and each language's completeness is reported; English and Italian must be
 * complete. Plural keys (key_one, key_other, …) count as one message needing the language's own plural forms.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { flattenKeys, type Catalogue } from './catalogues.js';
import { locales, requiredCompleteLocales, type Locale } from './locales.js';

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

interface Message {
  /** Plural forms present, or null for a plain message. */
  forms: Map<string, string> | null;
  text: string;
}

function messagesOf(catalogue: Catalogue): Map<string, Message> {
  const messages = new Map<string, Message>();
  for (const [key, text] of flattenKeys(catalogue)) {
    const suffix = pluralSuffix.exec(key);
    if (!suffix) {
      messages.set(key, { forms: null, text });
      continue;
    }
    const base = key.slice(0, -suffix[0].length);
    const existing = messages.get(base) ?? { forms: new Map<string, string>(), text };
    existing.forms?.set(suffix[1] as string, text);
    messages.set(base, existing);
  }
  return messages;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] as string).sort();
}

export interface LanguageReport {
  locale: Locale;
  translated: number;
  total: number;
  missing: string[];
}

export interface CheckReport {
  languages: LanguageReport[];
  errors: string[];
}

/** Files that hold SQL, table types or policy action names: their dotted strings are never message keys. */
const nonMessageFile = /(?:queries|tables|policy)\.ts$/;
/** A dotted string right after these is a policy action, task name, formula key or extension point id, not a message key. */
const nonMessageContext =
  /(?:action:\s*|name:\s*|key:\s*|extensionPoint(?:<[^<>]*>)?\(\s*|can\([^()]*,\s*|mayAttempt\([^()]*,\s*|programmesAllowing\([^()]*,\s*)$/;
/** Lists of formula keys (`formulas: ['events.held', …]`, as results' success measures name theirs). */
const formulaKeyList = /formulas:\s*\[[^\]]*\]/g;

/** Keys written literally in the source ('partners.form.name.label') and key prefixes of template literals (`partners.helix.${…}`). */
export function keysUsedInSource(
  sourceFiles: { file: string; text: string }[],
  namespaces: string[],
): { exact: Map<string, string>; prefixes: Map<string, string> } {
  const namespacePattern = namespaces.join('|');
  const exactPattern = new RegExp(`['"](?:${namespacePattern})\\.[A-Za-z0-9_.]*[A-Za-z0-9_]['"]`, 'g');
  const prefixPattern = new RegExp('`((?:' + namespacePattern + ')\\.[A-Za-z0-9_.]*)\\$\\{', 'g');
  const exact = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const { file, text } of sourceFiles) {
    if (nonMessageFile.test(file)) continue;
    const keyLists = [...text.matchAll(formulaKeyList)].map((list) => [list.index, list.index + list[0].length] as const);
    for (const match of text.matchAll(exactPattern)) {
      if (nonMessageContext.test(text.slice(Math.max(0, match.index - 60), match.index))) continue;
      if (keyLists.some(([start, end]) => match.index > start && match.index < end)) continue;
      exact.set(match[0].slice(1, -1), file);
    }
    for (const match of text.matchAll(prefixPattern)) prefixes.set((match[1] as string).replace(/\.$/, ''), file);
  }
  return { exact, prefixes };
}

export function checkCatalogues(catalogues: Record<Locale, Catalogue>, sourceFiles: { file: string; text: string }[]): CheckReport {
  const errors: string[] = [];
  const english = messagesOf(catalogues.en);
  const englishKeys = new Set(flattenKeys(catalogues.en).keys());
  const isKnown = (key: string) => english.has(key) || [...englishKeys].some((candidate) => candidate.startsWith(`${key}.`));

  const { exact, prefixes } = keysUsedInSource(sourceFiles, Object.keys(catalogues.en));
  for (const [key, file] of exact) if (!isKnown(key)) errors.push(`${file}: key "${key}" is missing from English`);
  for (const [prefix, file] of prefixes) if (!isKnown(prefix)) errors.push(`${file}: no English keys under "${prefix}."`);

  const languages: LanguageReport[] = [];
  for (const locale of locales) {
    const messages = messagesOf(catalogues[locale]);
    for (const key of messages.keys()) if (!english.has(key)) errors.push(`${locale}: key "${key}" is not in English`);
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing: string[] = [];
    for (const [key, source] of english) {
      const message = messages.get(key);
      const complete = message !== undefined && (source.forms === null ? message.forms === null : categories.every((category) => message.forms?.has(category)));
      if (!complete) {
        missing.push(key);
        continue;
      }
      const expected = placeholders(source.forms ? [...source.forms.values()].join(' ') : source.text);
      const texts = message.forms ? [...message.forms.values()] : [message.text];
      for (const text of texts) {
        const unknown = placeholders(text).filter((name) => !expected.includes(name));
        if (unknown.length > 0) errors.push(`${locale}: "${key}" uses {{${unknown.join('}}, {{')}}} which English does not provide`);
      }
    }
    languages.push({ locale, translated: english.size - missing.length, total: english.size, missing });
    if (requiredCompleteLocales.includes(locale) && missing.length > 0) errors.push(`${locale} must be complete; missing: ${missing.join(', ')}`);
  }
  return { languages, errors };
}

/** Every .ts/.tsx file under a folder, for the source scan. */
export function readSourceFiles(folder: string): { file: string; text: string }[] {
  const files: { file: string; text: string }[] = [];
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) files.push(...readSourceFiles(full));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push({ file: full, text: readFileSync(full, 'utf8') });
  }
  return files;
}
