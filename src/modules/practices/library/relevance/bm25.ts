/**
 * The plain BM25 the library is measured against (issue #15): title, summary and description as one text,
 * lower-cased words split on anything that is not a letter or a digit, no stemming, no stopwords, k1 1.2, b 0.75.
 * Any practice sharing a word with the query is ranked; it knows nothing of languages, synonyms or typos on purpose.
 */

export interface Bm25Document {
  key: string;
  title: string;
  summary: string;
  description: string;
}

const k1 = 1.2;
const b = 0.75;

/** Lower-cased words: runs of Unicode letters, digits and combining marks ("e-invoicing" is two words). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/**
 * A ranker over the documents: their words are counted once, so many queries over many documents (the benchmark ranks
 * the set's queries over 10,000 practices) do not count them again for each query.
 */
export function bm25Ranker(documents: readonly Bm25Document[]): (query: string) => string[] {
  const bags = documents.map((document) => wordsOf(`${document.title} ${document.summary} ${document.description}`));
  const averageLength = bags.reduce((sum, words) => sum + words.length, 0) / Math.max(1, bags.length);
  const counts = bags.map((words) => {
    const count = new Map<string, number>();
    for (const word of words) count.set(word, (count.get(word) ?? 0) + 1);
    return count;
  });
  return (query) => {
    // A repeated query word counts once, as in most BM25 implementations of a short query.
    const terms = [...new Set(wordsOf(query))];
    const idf = new Map(
      terms.map((term) => {
        const holding = counts.filter((count) => count.has(term)).length;
        return [term, Math.log(1 + (documents.length - holding + 0.5) / (holding + 0.5))];
      }),
    );
    return documents
      .map((document, index) => {
        const lengthRatio = (bags[index]?.length ?? 0) / averageLength;
        const score = terms.reduce((sum, term) => {
          const frequency = counts[index]?.get(term) ?? 0;
          return sum + ((idf.get(term) ?? 0) * frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * lengthRatio));
        }, 0);
        return { key: document.key, score, index };
      })
      .filter((scored) => scored.score > 0)
      .sort((x, y) => y.score - x.score || x.index - y.index)
      .map((scored) => scored.key);
  };
}

/** The keys of the documents sharing at least one word with the query, best first; equal scores keep the documents' order. */
export function bm25Ranking(documents: readonly Bm25Document[], query: string): string[] {
  return bm25Ranker(documents)(query);
}
