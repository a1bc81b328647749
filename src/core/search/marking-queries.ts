/**
 * The SQL of marking and ordering what a search found: the marked title or passage (ts_headline with the marks of
 * highlight.ts), and the records shown as a table to join rows to, each with its marking query (marked-words.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { highlightEnd, highlightStart } from './highlight.js';

/** A short text (a title) with every matched word marked. */
export function markedWhole(config: RawBuilder<unknown>, text: RawBuilder<unknown>, query: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`ts_headline(${config}, ${text}, ${query}, ${`StartSel=${highlightStart}, StopSel=${highlightEnd}, HighlightAll=true`})`;
}

/** A long text's passage that best shows the matched words (about 30 words), marked. */
export function markedPassage(config: RawBuilder<unknown>, text: RawBuilder<unknown>, query: RawBuilder<string>): RawBuilder<string> {
  return sql<string>`ts_headline(${config}, ${text}, ${query}, ${`StartSel=${highlightStart}, StopSel=${highlightEnd}, MaxWords=30, MinWords=12`})`;
}

/**
 * The records shown (best first), as a table `shown(id, marking, position)` to join a kind's rows to, mark them with
 * `marking` (each record's query, markingQueriesOf) and order them by position; the kind chose them in memory
 * (src/modules/search/visible-records.ts), so a few ids, not every one ranked. Without a query (a library page listed
 * by title), `markings` is null and every `marking` is null.
 */
export function shownTable(ids: readonly number[], markings: readonly string[] | null): RawBuilder<unknown> {
  return sql`unnest(${[...ids]}::int[], ${markings ? [...markings] : null}::tsquery[]) with ordinality as shown(id, marking, position)`;
}
