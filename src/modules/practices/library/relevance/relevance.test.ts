/**
 * The library's search measured on the judged set of real practices (README.md), against a plain BM25 over the same
 * texts: the four figures of issue #15, printed for both and asserted as the goals, so a drop fails the build.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseWorld } from '../../../../core/testing/world.js';
import { bm25Ranker } from './bm25.js';
import { measureRelevance } from './measure.js';
import { meanFigures, type Figures } from './metrics.js';
import { loadRelevanceSet, readRelevanceSet, type JudgedPractice, type RelevanceSet } from './set.js';

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

describe('condensed lists, for a library holding practices outside the set (bench/search.ts)', () => {
  it('leave the unjudged practices out of both rankings, where plain lists count them as not relevant', async () => {
    const query = set.queries.find((judged) => judged.query === 'open data portal');
    if (!query) throw new Error('the set has lost its query "open data portal"');
    const unjudged: JudgedPractice[] = ['Riga', 'Turku', 'Braga'].map((city) => ({
      key: `practice of ${city}`,
      title: `Open data portal of ${city}`,
      summary: `${city} publishes its open data on an open data portal.`,
      description: `The open data portal of ${city} lists every open dataset of the city.`,
      language: 'en',
      keywords: ['open data portal'],
      source: `https://example.org/${city}`,
    }));
    const measure = async (documents: JudgedPractice[], judgedOnly = false) =>
      (await measureRelevance(fixture.db, [query], keyById, bm25Ranker(documents), { judgedOnly }))[0];
    const before = await measure(set.practices);
    // The new practices are outside keyById: unjudged, as the benchmark's generated ones.
    await loadRelevanceSet(fixture.db, unjudged, { ownerPartnerId: fixture.world.partnerA.id });
    const plain = await measure([...set.practices, ...unjudged]);
    const condensed = await measure([...set.practices, ...unjudged], true);
    expect(plain?.library.ndcgAt10).toBeLessThan(before?.library.ndcgAt10 ?? 0);
    expect(plain?.bm25.ndcgAt10).toBeLessThan(before?.bm25.ndcgAt10 ?? 0);
    expect(condensed).toEqual({ ...before });
  });
});
