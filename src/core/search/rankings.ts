/**
 * A query's ranking of one kind of record, proximity bonuses included, kept while the index holds the same records.
 * Ranking a broad query scores thousands of records (the field's common words are in most of them) and looks at the
 * best ones' word positions: 2–5 ms at 10,000 practices, most of a search's own work. People page through
 * the results of one query, narrow it with filters and come back to it, and each of those pages ranks the same words
 * over the same records again, on the library and on the platform search alike. Kept while the index's records stay
 * the same (its content version), so the first search after a searchable record changed ranks afresh, on every node.
 */
import { LRUCache } from 'lru-cache';
import { withProximity } from './proximity.js';
import type { AnalysedQuery } from './query-analysis.js';
import type { Ranking, SearchIndex } from './search-index.js';

/**
 * At most this many bytes of rankings are kept per index, least recently used out first: 1.5 million ranked records
 * (14 bytes each), forty-five broad platform searches over six kinds at 10,000 practices; what 300,000 records took as
 * objects before.
 */
const bytesKept = 21 * 1024 * 1024;

const kept = new WeakMap<SearchIndex, LRUCache<string, Ranking>>();

/** The kind's records matching the analysed query, best first; `text` is the query as typed (its phrase earns a bonus). */
export function rankingOf(index: SearchIndex, kind: string, analysed: AnalysedQuery, text: string): Ranking {
  let rankings = kept.get(index);
  if (!rankings) kept.set(index, (rankings = new LRUCache({ maxSize: bytesKept, sizeCalculation: (ranking) => ranking.bytes + 64 })));
  const key = `${index.contentVersion}\n${kind}\n${text}`;
  const found = rankings.get(key);
  if (found) return found;
  const positionsOf = (id: number, wanted: ReadonlySet<string>) => index.positionsIn(kind, id, wanted);
  const ranking = withProximity(index.rank(kind, analysed.slots), analysed.slots, analysed.phrases, positionsOf);
  rankings.set(key, ranking);
  return ranking;
}
