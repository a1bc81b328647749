/**
 * Loads the message catalogues: locales/<language>/<module>.json, each file's keys living under the module's
 * name (locales/en/partners.json → "partners.…"), so a module's messages are found by its name.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromProjectRoot } from '../paths.js';
import { locales, type Locale } from './locales.js';

export type Catalogue = Record<string, unknown>;

export const cataloguesFolder = fromProjectRoot('locales');

export function loadCatalogue(locale: Locale, folder = cataloguesFolder): Catalogue {
  const directory = path.join(folder, locale);
  const catalogue: Catalogue = {};
  let files: string[];
  try {
    files = readdirSync(directory).filter((file) => file.endsWith('.json'));
  } catch {
    return catalogue;
  }
  for (const file of files.sort()) {
    catalogue[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as unknown;
  }
  return catalogue;
}

export function loadAllCatalogues(folder = cataloguesFolder): Record<Locale, Catalogue> {
  return Object.fromEntries(locales.map((locale) => [locale, loadCatalogue(locale, folder)])) as Record<Locale, Catalogue>;
}

/** Flattens a nested catalogue into dotted keys: { a: { b: 'x' } } → { 'a.b': 'x' }. */
export function flattenKeys(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [childKey, childValue] of flattenKeys(value as Catalogue, dotted)) flat.set(childKey, childValue);
    } else {
      flat.set(dotted, String(value));
    }
  }
  return flat;
}
