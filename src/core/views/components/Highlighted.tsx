/** Text a search marked (core/search/highlight.ts), with the matched words in <mark>; the text itself is escaped like any other. */
import { highlightEnd, highlightStart } from '../../search/highlight.js';

export function Highlighted({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${highlightStart}[^${highlightEnd}]*${highlightEnd})`));
  return (
    <>
      {parts.map((part, index) =>
        part.startsWith(highlightStart) ? <mark key={index}>{part.slice(1, -1)}</mark> : part.replaceAll(highlightStart, '').replaceAll(highlightEnd, ''),
      )}
    </>
  );
}
