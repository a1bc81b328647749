/**
 * From what a person typed to what the index ranks: the query's words, each read as PostgreSQL's stemmers read it in
 * every language the platform indexes (so the query and the records are stemmed alike, on PGlite and PostgreSQL);
 * phrases of the field's glossary (glossary.csv) widened to their synonyms, abbreviations and translations in the
 * five languages; and words no record is written with corrected to the nearest word that is, with the corrected query
 * offered as "did you mean".
 */
import { distance } from 'fastest-levenshtein';
import { LRUCache } from 'lru-cache';
import type { Executor } from '../db/database.js';
import { glossary } from './glossary.js';
import { searchIndexOf, type QuerySlot, type SearchIndex, type SlotAlternative } from './search-index.js';
import { phrasesOf, type Phrase } from './proximity.js';
import { readingsOf, textSearchReadings, type WordReading } from './search-queries.js';

const stemmedReadings = new Set<string>(textSearchReadings.filter((reading) => reading !== 'simple'));

/** A synonym or translation counts a little less than the words as typed. */
const glossaryBoost = 0.85;

/**
 * What a node reads before its first search can be answered (the modules' prepare): the search index and the glossary,
 * whose 4,800 terms took 70–100 ms to read and index at the first search after a start.
 */
export async function prepareSearch(db: Executor): Promise<SearchIndex> {
  glossary();
  return searchIndexOf(db);
}

export interface AnalysedQuery {
  slots: QuerySlot[];
  /** The query with its misspelt words corrected, when some were. */
  suggestion: string | null;
  /** Every word a record may have been found through, for marking matches. */
  matchWords: string[];
  /** Each of those words' lexemes in every reading (to tell which of them a record holds: marked-words.ts). */
  matchLexemes: ReadonlyMap<string, readonly string[]>;
  /**
   * Each of those words as a tsquery (text) of each reading, in the order of textSearchReadings; empty where the
   * reading drops it (to mark it: marked-words.ts).
   */
  matchQueries: ReadonlyMap<string, readonly string[]>;
  /** The query (as corrected, when it is read so) as each reading stems it, for the phrase bonus. */
  phrases: Phrase[];
}

/** The words of a text, lower case: letters and digits, with inner hyphens and apostrophes ("e-service"). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

interface ReadWords {
  /**
   * Each word's lexemes and tsqueries in every reading, and whether a stemmer's stop-word list drops it (the, di, och,
   * és …).
   */
  words: Map<string, { lexemes: string[]; queries: string[]; stopWord: boolean }>;
  phrases: Phrase[];
}

/**
 * Each word's readings as the database's stemmers gave them, by database. They cannot change while a node runs (a
 * text-search configuration changes only by a migration, which runs before a node serves), so a word met again is not
 * sent again: a glossary concept's hundred words in five readings are read once, not at every first search naming it.
 */
const wordReadings = new WeakMap<Executor, LRUCache<string, WordReading[]>>();

/** The words' readings, and the phrases of `text` (none when only the words are wanted: an empty text). */
async function readWords(db: Executor, words: string[], text = ''): Promise<ReadWords> {
  const read: ReadWords['words'] = new Map();
  if (words.length === 0) return { words: read, phrases: [] };
  let known = wordReadings.get(db);
  if (!known) wordReadings.set(db, (known = new LRUCache({ max: 20_000 })));
  const unknown = words.filter((word) => !known.has(word));
  const readings = unknown.length > 0 || text ? await readingsOf(db, unknown, text, textSearchReadings) : { words: [], text: [] };
  for (const word of unknown) known.set(word, []);
  for (const row of readings.words) known.get(row.word)?.push(row);
  for (const word of words) {
    const entry = { lexemes: [] as string[], queries: textSearchReadings.map(() => ''), stopWord: false };
    for (const row of known.get(word) ?? []) {
      entry.lexemes.push(...row.lexemes);
      entry.queries[textSearchReadings.indexOf(row.reading as (typeof textSearchReadings)[number])] = row.query;
      if (row.lexemes.length === 0 && stemmedReadings.has(row.reading)) entry.stopWord = true;
    }
    read.set(word, entry);
  }
  return { words: read, phrases: phrasesOf(readings.text) };
}

/** The written word nearest to one no record has: one edit for short words, two for longer; the most used wins a tie. */
export function nearestWord(word: string, written: Iterable<string>, recordsUsing: (word: string) => number): string | null {
  if (word.length < 4 || /\p{N}/u.test(word)) return null;
  const allowed = word.length <= 5 ? 1 : 2;
  let best: { word: string; distance: number; records: number } | null = null;
  for (const candidate of written) {
    // Typing rarely gets the first letter wrong, and the length check spares most distance computations.
    if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > allowed) continue;
    const edits = distance(word, candidate);
    if (edits === 0 || edits > allowed) continue;
    const records = recordsUsing(candidate);
    if (!best || edits < best.distance || (edits === best.distance && records > best.records)) best = { word: candidate, distance: edits, records };
  }
  return best?.word ?? null;
}

const analyses = new WeakMap<SearchIndex, LRUCache<string, AnalysedQuery>>();

/** The query as the index ranks it, remembered while the index's records stay the same (the corrections depend on what is written). */
export async function analyseQuery(db: Executor, index: SearchIndex, text: string): Promise<AnalysedQuery> {
  let cache = analyses.get(index);
  if (!cache) analyses.set(index, (cache = new LRUCache({ max: 1000 })));
  const key = `${index.contentVersion}\n${text}`;
  const kept = cache.get(key);
  if (kept) return kept;
  const analysed = await analyse(db, index, text);
  cache.set(key, analysed);
  return analysed;
}

async function analyse(db: Executor, index: SearchIndex, text: string): Promise<AnalysedQuery> {
  // A word no record is written with may be a typo: corrected to the nearest written word, the query is read as
  // corrected (its glossary phrases included) when that finds what the typed word did not.
  const typed = wordsOf(text);
  const corrections = new Map<string, string>();
  for (const word of new Set(typed)) {
    if (index.vocabulary.has(word)) continue;
    const nearest = nearestWord(word, index.vocabulary.wordsLike(word), (candidate) => index.vocabulary.recordsUsing(candidate));
    if (nearest) corrections.set(word, nearest);
  }
  if (corrections.size > 0) {
    // Only the words: the phrase is read of the query as understood, below.
    const read = (await readWords(db, [...new Set([...typed, ...corrections.values()])])).words;
    const found = (word: string) => (read.get(word)?.lexemes ?? []).some((lexeme) => index.documentFrequency(lexeme) > 0);
    const suggestion = suggestionFor(text, typed, corrections, found);
    if (suggestion) return { ...(await understand(db, index, suggestion)), suggestion };
  }
  return { ...(await understand(db, index, text)), suggestion: null };
}

/** The query's slots: its glossary phrases (longest first) with their synonyms and translations, then its other words. */
async function understand(db: Executor, index: SearchIndex, text: string): Promise<Omit<AnalysedQuery, 'suggestion'>> {
  const typed = wordsOf(text);
  const concepts = glossary().conceptsIn(text);
  const inConcepts = new Set<string>(concepts.flatMap((match) => wordsOf(match.matched)));
  const loose = [...new Set(typed.filter((word) => !inConcepts.has(word)))];
  const expansions = concepts.map((match) => ({ match, terms: glossary().termsOf(match.concept) }));
  const { words: read, phrases } = await readWords(db, [...new Set([...typed, ...expansions.flatMap(({ terms }) => terms.flatMap(wordsOf))])], text);
  const lexemesOf = (word: string) => read.get(word)?.lexemes ?? [word];

  const slots: QuerySlot[] = [];
  const matchWords = new Set<string>();
  for (const { match, terms } of expansions) {
    const own = wordsOf(match.matched);
    const alternatives: SlotAlternative[] = [{ boost: 1, words: own.map(lexemesOf), whole: false }];
    for (const term of terms) {
      const words = wordsOf(term).filter((word) => !read.get(word)?.stopWord);
      if (words.length === 0 || words.join(' ') === own.join(' ')) continue;
      alternatives.push({ boost: glossaryBoost, words: words.map(lexemesOf), whole: true });
      for (const word of words) matchWords.add(word);
    }
    for (const word of own) matchWords.add(word);
    slots.push({ label: match.matched, alternatives });
  }
  const meaningful = loose.filter((word) => !read.get(word)?.stopWord);
  // A query of stop words alone ("the", "per") still searches for them.
  for (const word of meaningful.length > 0 || slots.length > 0 ? meaningful : loose) {
    matchWords.add(word);
    slots.push({ label: word, alternatives: [{ boost: 1, words: [lexemesOf(word)], whole: false }] });
  }
  return {
    slots,
    matchWords: [...matchWords],
    matchLexemes: new Map([...matchWords].map((word) => [word, lexemesOf(word)])),
    matchQueries: new Map([...matchWords].map((word) => [word, read.get(word)?.queries ?? []])),
    phrases,
  };
}

/**
 * The query with its typos corrected, offered when some word matches nothing while a written word one or two edits away
 * does; words that match as stemmed but were never written so ("budgetting") are then corrected too.
 */
function suggestionFor(text: string, typed: string[], corrections: Map<string, string>, found: (word: string) => boolean): string | null {
  const needed = typed.some((word) => !found(word) && corrections.has(word) && found(corrections.get(word) as string));
  if (!needed) return null;
  let suggestion = text;
  for (const [word, correction] of corrections) {
    if (!found(correction)) continue;
    suggestion = suggestion.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), correction);
  }
  return suggestion;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
