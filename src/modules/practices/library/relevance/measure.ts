/**
 * Measuring the library against the judged set (relevance.test.ts on the set alone, bench/search.ts with 10,000
 * generated practices around it): each query's first ten from the library and from BM25, and their figures.
 */
import type { Db } from '../../../../core/db/database.js';
import { anonymous } from '../../../../core/policy/actor.js';
import { searchQuerySchema } from '../../schema.js';
import { searchLibrary } from '../service.js';
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

export interface MeasuredQuery {
  query: string;
  library: Figures;
  bm25: Figures;
}

/** The key a practice is judged by: its key in the set, or (a practice outside the set, never relevant) its id. */
export const judgedKeyOf = (keyById: ReadonlyMap<number, string>, id: number): string => keyById.get(id) ?? `practice ${id}`;

/** Each query's figures for the library (on the database) and for BM25 (through the ranker given, over the same practices). */
export async function measureRelevance(
  db: Db,
  queries: readonly JudgedQuery[],
  keyById: ReadonlyMap<number, string>,
  bm25: (query: string) => string[],
): Promise<MeasuredQuery[]> {
  const measured: MeasuredQuery[] = [];
  for (const { query, judgements } of queries) {
    const library = (await libraryTopTen(db, query)).map((id) => judgedKeyOf(keyById, id));
    measured.push({ query, library: figuresOf(library, judgements), bm25: figuresOf(bm25(query).slice(0, 10), judgements) });
  }
  return measured;
}
