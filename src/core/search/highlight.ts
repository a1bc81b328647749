/**
 * Marking the words a search found a record through, in titles and snippets: PostgreSQL's ts_headline puts marks
 * around them that no record's text can contain (control characters are removed from all input), and the pages turn
 * them into <mark> (core/views/components/Highlighted.tsx), the JSON answers into «…». The SQL that marks them is in
 * marking-queries.ts.
 */

export const highlightStart = '\u0001';
export const highlightEnd = '\u0002';

const markers = new RegExp(`[${highlightStart}${highlightEnd}]`, 'g');

/** The marked text without its marks. */
export function unmarked(text: string): string {
  return text.replace(markers, '');
}

/** The marked text for a plain-text reader: matched words between « and ». */
export function plainMarked(text: string): string {
  return text.replace(markers, (marker) => (marker === highlightStart ? '«' : '»'));
}
