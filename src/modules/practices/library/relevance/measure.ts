/**
 * Measuring the library against the judged set (relevance.test.ts on the set alone, bench/search.ts with 10,000
 * generated practices around it): each query's first ten from the library and from BM25, and their figures.
 */
import type { Db } from '../../../../core/db/database.js';
import { anonymous } from '../../../../core/policy/actor.js';
import { searchQuerySchema } from '../../schema.js';
import { libraryMatches, searchLibrary } from '../service.js';
import { figuresOf, type Figures } from './metrics.js';
import type { JudgedQuery } from './set.js';

/**
 * The library's answer to one query as the /practices page gives it (words typed, relevance order, first page),
 * reduced to the first ten practices' ids. Adapt this one function when the engine's entry point changes.
 */
export async function libraryTopTen(db: Db, query: string): Promise<number[]> {
  const page = await searchLibrary(db, anonymous, searchQuerySchema.parse({ q: query, sort: 'relevance' }));
  return page.hits.slice(0, 10).map((hit) => hit.id);
}

/**
 * The library's whole answer to one query in its relevance order, as its exports read it (every page at once), for
 * condensed lists: the set's practices may lie far beyond the first page among 10,000 others.
 */
export async function libraryOrder(db: Db, query: string): Promise<number[]> {
  return (await libraryMatches(db, anonymous, searchQuerySchema.parse({ q: query, sort: 'relevance' }))).ordered('relevance');
}

export interface MeasuredQuery {
  query: string;
  library: Figures;
  bm25: Figures;
}

/** The key a practice is judged by: its key in the set, or (a practice outside the set, never relevant) its id. */
export const judgedKeyOf = (keyById: ReadonlyMap<number, string>, id: number): string => keyById.get(id) ?? `practice ${id}`;

export interface MeasureOptions {
  /**
   * Condensed lists (Sakai, SIGIR 2007): the practices outside the set are taken out of both rankings before their
   * first ten are cut, so a practice nobody judged is neither counted as not relevant nor in the way. For a library
   * holding other practices than the set's (bench/search.ts), where an unjudged practice may well be relevant.
   */
  judgedOnly?: boolean;
}

/** Each query's figures for the library (on the database) and for BM25 (through the ranker given, over the same practices). */
export async function measureRelevance(
  db: Db,
  queries: readonly JudgedQuery[],
  keyById: ReadonlyMap<number, string>,
  bm25: (query: string) => string[],
  { judgedOnly = false }: MeasureOptions = {},
): Promise<MeasuredQuery[]> {
  const judgedKeys = new Set(keyById.values());
  const measured: MeasuredQuery[] = [];
  for (const { query, judgements } of queries) {
    const ids = judgedOnly ? (await libraryOrder(db, query)).filter((id) => keyById.has(id)) : await libraryTopTen(db, query);
    const library = ids.slice(0, 10).map((id) => judgedKeyOf(keyById, id));
    const bm25Keys = bm25(query).filter((key) => !judgedOnly || judgedKeys.has(key));
    measured.push({ query, library: figuresOf(library, judgements), bm25: figuresOf(bm25Keys.slice(0, 10), judgements) });
  }
  return measured;
}
