/**
 * Marking the words a search found a record through, in titles and snippets: PostgreSQL's ts_headline puts marks
 * around them that no record's text can contain (control characters are removed from all input), and the pages turn
 * them into <mark> (core/views/components/Highlighted.tsx), the JSON answers into «…».
 */
import { sql, type RawBuilder } from 'kysely';

export const highlightStart = '\u0001';
export const highlightEnd = '\u0002';

/** The text-search configurations of the languages the platform indexes (see practice_text_config). */
const languagesOfQueries = ['english', 'italian', 'hungarian', 'swedish', 'simple'] as const;

/**
 * One tsquery for the words a match was found through, whatever the record's language, to mark them. A scalar
 * subquery, so PostgreSQL parses it once per statement (an InitPlan), not again for every row.
 */
export function markedWordsQuery(words: readonly string[]): RawBuilder<string> {
  const text = words.map((word) => `"${word.replace(/"/g, '')}"`).join(' or ');
  return sql<string>`(select ${sql.join(
    languagesOfQueries.map((config) => sql`websearch_to_tsquery(${sql.lit(config)}::regconfig, ${text})`),
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

const markers = new RegExp(`[${highlightStart}${highlightEnd}]`, 'g');

/** The marked text without its marks. */
export function unmarked(text: string): string {
  return text.replace(markers, '');
}

/** The marked text for a plain-text reader: matched words between « and ». */
export function plainMarked(text: string): string {
  return text.replace(markers, (marker) => (marker === highlightStart ? '«' : '»'));
}

/**
 * The records a search ranked (best first), as a table `ranked(id, position)` to join a kind's rows to and order them
 * by position. Positions, not scores: at 10,000 matches a float8[] of scores took 13 ms more to send and parse than
 * the int[] of ids (PostgreSQL 17, docs/search.md), and the order is the same.
 */
export function rankedTable(ranked: readonly { id: number }[]): RawBuilder<unknown> {
  return sql`unnest(${ranked.map((record) => record.id)}::int[]) with ordinality as ranked(id, position)`;
}
