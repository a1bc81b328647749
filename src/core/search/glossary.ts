/**
 * The field's multilingual glossary (glossary.csv beside this file): which concepts a query or a text names, in any of
 * the five languages, and every term of a concept, so that search can expand a query across languages and synonyms.
 * Loaded once per process, on first use.
 */
import { csvLines } from '../exchange/records.js';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { locales, type Locale } from '../i18n/locales.js';
import { fromProjectRoot } from '../paths.js';

export interface GlossaryMatch {
  concept: string;
  /** The glossary term that matched, as written in the glossary. */
  matched: string;
  /** Word positions in the text: the first word of the match, and the one after its last. */
  start: number;
  end: number;
}

export interface Glossary {
  /** Concepts whose terms occur in the text as whole word sequences, longest match first, no overlaps. */
  conceptsIn(text: string): GlossaryMatch[];
  /** Every term of a concept, in all five languages (the expansion of a query). */
  termsOf(concept: string): string[];
}

export type GlossaryRow = { concept: string } & Record<Locale, readonly string[]>;

/** Read from the source tree whether the code runs from src/ (tsx, vitest) or from dist/ (the bundle): see paths.ts. */
export const glossaryFile = fromProjectRoot('src', 'core', 'search', 'glossary.csv');

/** Marks a term matched only as written (case and diacritics), for abbreviations that are a common word elsewhere. */
const exactMarker = '=';
/** Ends a stem: its last word matches any word that begins with it ("e-teenus*" also finds "e-teenusena"). */
const stemMarker = '*';
/** Stems shorter than this would catch unrelated words; it is also the length of the key stems are indexed by. */
const shortestStem = 4;
const hyphens = /[-\u2010\u2011\u2012\u2013]/u;
// Combining marks belong to their word, so a letter no precomposed form exists for does not split it.
const hyphenatedWord = /[\p{L}\p{M}\p{N}]+(?:[-\u2010\u2011\u2012\u2013][\p{L}\p{M}\p{N}]+)*/gu;
const word = /[\p{L}\p{M}\p{N}]+/gu;

/** Lower case without diacritics: "Ügyintézés" → "ugyintezes". */
export function normaliseWord(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const termsCell = z
  .string()
  .transform((cell) => cell.split('|').map((term) => term.trim()))
  .pipe(
    z
      .array(
        z
          .string()
          .min(1, 'empty term')
          .refine((term) => tokenVariants(term).length > 0, 'a term needs a letter or a digit')
          .refine((term) => !(term.startsWith(exactMarker) && term.endsWith(stemMarker)), 'a term is exact or a stem, not both')
          .refine(
            (term) => !term.endsWith(stemMarker) || tokenVariants(term).every((words) => words[words.length - 1]!.length >= shortestStem),
            `a stem's last word has at least ${shortestStem} letters`,
          ),
      )
      .min(1),
  );

const rowSchema = z.object({
  concept: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a concept is named in lower-case kebab-case'),
  ...(Object.fromEntries(locales.map((locale) => [locale, termsCell])) as Record<Locale, typeof termsCell>),
});

/** Parses and checks the glossary's CSV text; throws naming the line at the first problem. */
export function readGlossaryRows(csvText: string): GlossaryRow[] {
  const [header, ...lines] = csvLines(csvText).filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const expected = ['concept', ...locales];
  const columns = header?.cells.map((cell) => cell.trim()) ?? [];
  if (columns.join(',') !== expected.join(',')) throw new Error(`glossary columns must be ${expected.join(',')}, not ${columns.join(',')}`);
  const records = lines.map(({ line, cells }) => ({ line, record: Object.fromEntries(columns.map((column, at) => [column, (cells[at] ?? '').trim()])) }));
  const concepts = new Set<string>();
  return records.map(({ line, record }) => {
    const parsed = rowSchema.safeParse(record);
    if (!parsed.success) throw new Error(`glossary line ${line}: ${z.prettifyError(parsed.error)}`);
    const row = parsed.data;
    if (concepts.has(row.concept)) throw new Error(`glossary line ${line}: concept "${row.concept}" appears twice`);
    concepts.add(row.concept);
    for (const locale of locales) {
      const keys = row[locale].map(termKey);
      const repeated = keys.find((key, position) => keys.indexOf(key) !== position);
      if (repeated !== undefined) throw new Error(`glossary line ${line}: "${repeated}" is listed twice in ${locale}`);
    }
    return row;
  });
}

/** What makes two terms the same for the glossary's checks: their words, normalised, with hyphens kept as spaces. */
export function termKey(term: string): string {
  return (normaliseWord(term.replace(exactMarker, '')).match(word) ?? []).join(' ') + (term.endsWith(stemMarker) ? stemMarker : '');
}

/** Whether a term is a stem (its last word may go on: "e-teenus*"). */
export function isStem(term: string): boolean {
  return term.endsWith(stemMarker);
}

/** A term as people read it: without the exact-match and stem markers. */
function written(term: string): string {
  const withoutExact = term.startsWith(exactMarker) ? term.slice(exactMarker.length) : term;
  return isStem(withoutExact) ? withoutExact.slice(0, -stemMarker.length) : withoutExact;
}

/**
 * The word sequences a term matches: each hyphen is optional, so "e-service" gives ["e", "service"] (also what
 * "e service" tokenises to) and ["eservice"]. An exact term keeps its words as written.
 */
export function tokenVariants(term: string): string[][] {
  const exact = term.startsWith(exactMarker);
  const text = exact ? term.slice(exactMarker.length) : normaliseWord(term);
  let variants: string[][] = [[]];
  for (const group of text.match(hyphenatedWord) ?? []) {
    const parts = group.split(hyphens);
    let groupVariants: string[][] = [[parts[0]!]];
    for (const part of parts.slice(1)) {
      groupVariants = groupVariants.flatMap((words) => [
        [...words, part],
        [...words.slice(0, -1), words[words.length - 1]! + part],
      ]);
    }
    variants = variants.flatMap((prefix) => groupVariants.map((words) => [...prefix, ...words]));
  }
  return variants.filter((words) => words.length > 0);
}

interface Candidate {
  concept: string;
  term: string;
  words: readonly string[];
  exact: boolean;
  stem: boolean;
}

interface Found extends GlossaryMatch {
  stem: boolean;
}

/**
 * Builds the matcher: candidates indexed by their first word (one-word stems by their first letters), longest first,
 * so a query costs a few map look-ups per word.
 */
export function buildGlossary(rows: readonly GlossaryRow[]): Glossary {
  const byFirstWord = new Map<string, Candidate[]>();
  const oneWordStems = new Map<string, Candidate[]>();
  const index = (map: Map<string, Candidate[]>, key: string, candidate: Candidate) => map.set(key, [...(map.get(key) ?? []), candidate]);
  const termsByConcept = new Map<string, string[]>();
  for (const row of rows) {
    const terms = locales.flatMap((locale) => row[locale]);
    termsByConcept.set(row.concept, [...new Set(terms.map(written))]);
    const seen = new Set<string>();
    for (const term of terms) {
      const exact = term.startsWith(exactMarker);
      const stem = isStem(term);
      for (const words of tokenVariants(term)) {
        const key = `${exact ? exactMarker : ''}${words.join(' ')}${stem ? stemMarker : ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const candidate: Candidate = { concept: row.concept, term: written(term), words, exact, stem };
        if (stem && words.length === 1) index(oneWordStems, words[0]!.slice(0, shortestStem), candidate);
        else index(byFirstWord, exact ? normaliseWord(words[0]!) : words[0]!, candidate);
      }
    }
  }
  for (const candidates of byFirstWord.values()) candidates.sort((a, b) => b.words.length - a.words.length);
  const matchesAt = (original: readonly string[], normalised: readonly string[], start: number, candidate: Candidate) => {
    const compared = candidate.exact ? original : normalised;
    const last = candidate.words.length - 1;
    return candidate.words.every((expected, offset) => {
      const actual = compared[start + offset];
      return candidate.stem && offset === last ? actual?.startsWith(expected) === true : actual === expected;
    });
  };

  return {
    conceptsIn(text) {
      const original = text.normalize('NFC').match(word) ?? [];
      const normalised = original.map(normaliseWord);
      const found: Found[] = [];
      normalised.forEach((first, start) => {
        const candidates = [...(byFirstWord.get(first) ?? []), ...(oneWordStems.get(first.slice(0, shortestStem)) ?? [])];
        for (const candidate of candidates) {
          const end = start + candidate.words.length;
          if (end <= normalised.length && matchesAt(original, normalised, start, candidate)) {
            found.push({ concept: candidate.concept, matched: candidate.term, start, end, stem: candidate.stem });
          }
        }
      });
      return chooseLongest(found);
    },
    termsOf(concept) {
      return [...(termsByConcept.get(concept) ?? [])];
    },
  };
}

/**
 * Keeps the longest matches, then the earliest, then whole words before stems, none overlapping another kept one; a
 * span whose very words are a term of several concepts keeps them all, once each. Returned in the text's order.
 */
function chooseLongest(found: Found[]): GlossaryMatch[] {
  const byPreference = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || Number(a.stem) - Number(b.stem));
  const kept: Found[] = [];
  for (const match of byPreference) {
    const sameSpan = kept.filter((other) => other.start === match.start && other.end === match.end);
    if (sameSpan.some((other) => other.concept === match.concept)) continue;
    const overlaps = kept.some((other) => other.start < match.end && match.start < other.end);
    if (overlaps && (match.stem || sameSpan.length === 0 || sameSpan.some((other) => other.stem))) continue;
    kept.push(match);
  }
  return kept
    .sort((a, b) => a.start - b.start || a.concept.localeCompare(b.concept))
    .map(({ concept, matched, start, end }) => ({ concept, matched, start, end }));
}

let loaded: Glossary | undefined;

/** The glossary of glossary.csv, read and indexed on first use and kept for the process's life. */
export function glossary(): Glossary {
  loaded ??= buildGlossary(readGlossaryRows(readFileSync(glossaryFile, 'utf8')));
  return loaded;
}
