/**
 * The library's search measured on the judged set of real practices (README.md), against a plain BM25 over the same
 * texts: the four figures of issue #15, printed for both and asserted as the goals, so a drop fails the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseWorld } from '../../../../core/testing/world.js';
import { bm25Ranker } from './bm25.js';
import { measureRelevance } from './measure.js';
import { meanFigures, type Figures } from './metrics.js';
import { loadRelevanceSet, readRelevanceSet, type RelevanceSet } from './set.js';

const fixture = useDatabaseWorld();
let set: RelevanceSet;
let keyById = new Map<number, string>();

beforeAll(async () => {
  set = await readRelevanceSet();
  const ids = await loadRelevanceSet(fixture.db, set.practices, { ownerPartnerId: fixture.world.partnerA.id });
  keyById = new Map([...ids].map(([key, id]) => [id, key]));
});

const figureNames: (keyof Figures)[] = ['recallAt5', 'cappedRecallAt5', 'recallAt10', 'ndcgAt10', 'mrr'];
const row = (name: string, figures: Figures) => `| ${name.padEnd(8)} | ${figureNames.map((figure) => figures[figure].toFixed(2).padStart(15)).join(' | ')} |`;

describe('relevance on real practices (issue #15)', () => {
  let library: Figures;
  let bm25: Figures;

  beforeAll(async () => {
    // BM25 ranks the set alone: the database holds nothing else (bench/search.ts adds 10,000 practices to both).
    const measured = await measureRelevance(fixture.db, set.queries, keyById, bm25Ranker(set.practices));
    library = meanFigures(measured.map((query) => query.library));
    bm25 = meanFigures(measured.map((query) => query.bm25));
    const perQuery = measured.map(
      (query) => `  ${query.query.padEnd(68)} library nDCG ${query.library.ndcgAt10.toFixed(2)}  BM25 nDCG ${query.bm25.ndcgAt10.toFixed(2)}`,
    );
    console.log(
      [
        `Relevance set: ${set.practices.length} practices, ${set.queries.length} queries`,
        `|          | ${figureNames.map((figure) => figure.padStart(15)).join(' | ')} |`,
        row('library', library),
        row('BM25', bm25),
        ...perQuery,
      ].join('\n'),
    );
  });

  for (const figure of figureNames)
    it(`the library is at least as good as BM25 on ${figure}`, () => {
      expect(library[figure]).toBeGreaterThanOrEqual(bm25[figure]);
    });

  // Plain recall@5 cannot reach 1 where a query has more than five relevant practices (this set's ceiling is 0.90):
  // the goal is asserted on capped recall@5, plain recall@5 is held to BM25 above and printed (docs/decisions.md).
  it('the library finds at least 85% of the relevant practices its first five can hold (capped recall@5 ≥ 0.85)', () => {
    expect(library.cappedRecallAt5).toBeGreaterThanOrEqual(0.85);
  });

  it('the library ranks them well (nDCG@10 ≥ 0.85)', () => {
    expect(library.ndcgAt10).toBeGreaterThanOrEqual(0.85);
  });
});
