/**
 * Which of a query's words to mark in the records shown. A query naming a glossary concept is widened to a hundred
 * words or more (its synonyms and translations in five languages), and PostgreSQL's ts_headline compares every word
 * of a text with every word of the query: marking 20 practices' descriptions with such a query took 383 ms, with the
 * three words typed 1.4 ms. The records shown hold a few of those words, and the index knows which: a word none of
 * whose readings is in any of the records' search vectors — where their marked titles and passages are indexed, in
 * the same language — can mark nothing in them, so it is left out.
 */
import type { AnalysedQuery } from './query-analysis.js';
import type { SearchIndex } from './search-index.js';

/** The query's words that the records of the kind hold in one of their readings, in the query's order. */
export function wordsHeldBy(index: SearchIndex, kind: string, ids: readonly number[], analysed: AnalysedQuery): string[] {
  const lexemes = new Set([...analysed.matchLexemes.values()].flat());
  const held = index.heldBy(kind, ids, lexemes);
  return analysed.matchWords.filter((word) => (analysed.matchLexemes.get(word) ?? []).some((lexeme) => held.has(lexeme)));
}
