/**
 * The SQL of marking and ordering what a search found: a tsquery of the words a record was found through, the marked
 * title or passage (ts_headline with the marks of highlight.ts), and the records shown as a table to join rows to.
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
 * The records shown (best first), as a table `shown(id, position)` to join a kind's rows to and order them by
 * position; the kind chose them in memory (src/modules/search/visible-records.ts), so a few ids, not every one ranked.
 */
export function shownTable(ids: readonly number[]): RawBuilder<unknown> {
  return sql`unnest(${[...ids]}::int[]) with ordinality as shown(id, position)`;
}
