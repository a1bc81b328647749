/**
 * The SQL of marking and ordering what a search found: a tsquery of the words a record was found through, the marked
 * title or passage (ts_headline with the marks of highlight.ts), and the ranking as a table to join records to.
 */
import { sql, type RawBuilder } from 'kysely';
import { highlightEnd, highlightStart } from './highlight.js';
import { textSearchReadings } from './search-queries.js';

/**
 * One tsquery for the words a match was found through, whatever the record's language, to mark them. A scalar
 * subquery, so PostgreSQL parses it once per statement (an InitPlan), not again for every row.
 */
export function markedWordsQuery(words: readonly string[]): RawBuilder<string> {
  const text = words.map((word) => `"${word.replace(/"/g, '')}"`).join(' or ');
  return sql<string>`(select ${sql.join(
    textSearchReadings.map((config) => sql`websearch_to_tsquery(${sql.lit(config)}::regconfig, ${text})`),
    sql` || `,
  )})`;
}

/** A short text (a title) with every matched word marked. */
export function markedWhole(config: RawBuilder<unknown>, text: RawBuilder<unknown>, query: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`ts_headline(${config}, ${text}, ${query}, ${`StartSel=${highlightStart}, StopSel=${highlightEnd}, HighlightAll=true`})`;
}

/** A long text's passage that best shows the matched words (about 30 words), marked. */
export function markedPassage(config: RawBuilder<unknown>, text: RawBuilder<unknown>, query: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`ts_headline(${config}, ${text}, ${query}, ${`StartSel=${highlightStart}, StopSel=${highlightEnd}, MaxWords=30, MinWords=12`})`;
}

/**
 * The records a search ranked (best first), as a table `ranked(id, position)` to join a kind's rows to and order them
 * by position. Positions, not scores: at 10,000 matches a float8[] of scores took 13 ms more to send and parse than
 * the int[] of ids (PostgreSQL 15, docs/search.md), and the order is the same.
 */
export function rankedTable(ranked: readonly { id: number }[]): RawBuilder<unknown> {
  return sql`unnest(${ranked.map((record) => record.id)}::int[]) with ordinality as ranked(id, position)`;
}
