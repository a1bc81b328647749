/**
 * What to mark in the records shown. A query naming a glossary concept is widened to a hundred words or more (its
 * synonyms and translations in five languages), and PostgreSQL's ts_headline compares every word of a text with every
 * term of the query: marking 20 practices' descriptions with such a query took 383 ms, with the three words typed
 * 1.4 ms. Each record holds a few of those words, and the index knows which: a word none of whose readings is in a
 * record's search vector — where its marked title and passage are indexed, in the same language — can mark nothing in
 * it, nor make a passage of it. So each record is marked with a query of its own: the words it holds, each as every
 * reading asks for it (its lexeme, or the phrase "e-service" is read as), any of them. Made of the readings the query's
 * analysis already read, it is not parsed by every stemmer at every search: marking twenty practices' titles,
 * summaries and description passages took half the time (31.6 → 16.8 ms on PostgreSQL 15, 8.0 → 5.6 ms on PGlite).
 */
import type { AnalysedQuery } from './query-analysis.js';
import type { SearchIndex } from './search-index.js';
import { textSearchReadings } from './search-queries.js';

const matchLexemes = new WeakMap<AnalysedQuery, ReadonlySet<string>>();

/** Every reading of every word a record may have been found through, once each. */
function lexemesOf(analysed: AnalysedQuery): ReadonlySet<string> {
  let lexemes = matchLexemes.get(analysed);
  if (!lexemes) matchLexemes.set(analysed, (lexemes = new Set([...analysed.matchLexemes.values()].flat())));
  return lexemes;
}

/** The query's words that the record holds in one of their readings, in the query's order. */
export function wordsHeldBy(index: SearchIndex, kind: string, id: number, analysed: AnalysedQuery): string[] {
  const held = index.heldBy(kind, [id], lexemesOf(analysed));
  return analysed.matchWords.filter((word) => (analysed.matchLexemes.get(word) ?? []).some((lexeme) => held.has(lexeme)));
}

/**
 * For each record, in the order given, what to mark in it: a tsquery (as text) of the words it holds, any of them in
 * any reading. It is the whole query as the search once asked it of every stemmer (websearch_to_tsquery of the words,
 * each reading's joined by ||), with the words the record does not hold left out: the same terms, phrases and order,
 * since ts_headline's choice of a passage depends even on the order of the query's terms.
 */
export function markingQueriesOf(index: SearchIndex, kind: string, ids: readonly number[], analysed: AnalysedQuery): string[] {
  return ids.map((id) => {
    const held = wordsHeldBy(index, kind, id, analysed).map((word) => analysed.matchQueries.get(word) ?? []);
    const readings = textSearchReadings.flatMap((_, at) => {
      const phrases = held.map((queries) => queries[at] ?? '').filter((query) => query !== '');
      return phrases.length === 0 ? [] : [phrases.map((query) => `(${query})`).join(' | ')];
    });
    return readings.map((reading) => `(${reading})`).join(' | ');
  });
}
