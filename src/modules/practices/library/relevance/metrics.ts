/**
 * The figures by which a ranking is judged against graded judgements (relevance/README.md): recall at k, nDCG at 10
 * and the reciprocal rank, each for one query, and their mean over the queries of the set.
 */

/** The grade of each judged entry by its key: 3 about exactly this, 2 clearly relevant, 1 partly; unlisted, not relevant. */
export type Judgements = Readonly<Record<string, number>>;

const gradeOf = (judgements: Judgements, key: string): number => judgements[key] ?? 0;

function relevantKeys(judgements: Judgements): string[] {
  const keys = Object.keys(judgements).filter((key) => gradeOf(judgements, key) >= 1);
  // A query nobody judged relevant would make every figure 0 or undefined: it is a mistake in the set, not a result.
  if (keys.length === 0) throw new Error('a query needs at least one entry judged relevant');
  return keys;
}

/** The share of the entries judged relevant (grade 1 or more) that are among the first k of the ranking. */
export function recallAt(ranking: readonly string[], judgements: Judgements, k: number): number {
  const relevant = relevantKeys(judgements);
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((key) => top.has(key)).length / relevant.length;
}

/**
 * Recall at k with the denominator capped at k (BEIR's "capped recall"): a query with nine relevant practices can put
 * at most five in the first five, so plain recall@5 cannot pass 5/9 there however good the ranking; capped, a perfect
 * first five scores 1.
 */
export function cappedRecallAt(ranking: readonly string[], judgements: Judgements, k: number): number {
  const relevant = relevantKeys(judgements);
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((key) => top.has(key)).length / Math.min(k, relevant.length);
}

/** Discounted cumulative gain of grades in rank order: gain 2^grade − 1, discounted by log2(rank + 1). */
function discountedGain(grades: readonly number[]): number {
  return grades.reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
}

/** nDCG at k: the ranking's gain over the best gain the judgements allow in k places. */
export function ndcgAt(ranking: readonly string[], judgements: Judgements, k: number): number {
  relevantKeys(judgements);
  const gained = discountedGain(ranking.slice(0, k).map((key) => gradeOf(judgements, key)));
  const ideal = discountedGain(
    Object.values(judgements)
      .filter((grade) => grade >= 1)
      .sort((a, b) => b - a)
      .slice(0, k),
  );
  return gained / ideal;
}

/** 1 / the rank of the first entry judged relevant, or 0 when the ranking has none. */
export function reciprocalRank(ranking: readonly string[], judgements: Judgements): number {
  relevantKeys(judgements);
  const first = ranking.findIndex((key) => gradeOf(judgements, key) >= 1);
  return first === -1 ? 0 : 1 / (first + 1);
}

/** The four figures the issue reports, for one ranking (the first ten results are enough for all of them). */
export interface Figures {
  recallAt5: number;
  cappedRecallAt5: number;
  recallAt10: number;
  ndcgAt10: number;
  mrr: number;
}

export function figuresOf(ranking: readonly string[], judgements: Judgements): Figures {
  return {
    recallAt5: recallAt(ranking, judgements, 5),
    cappedRecallAt5: cappedRecallAt(ranking, judgements, 5),
    recallAt10: recallAt(ranking, judgements, 10),
    ndcgAt10: ndcgAt(ranking, judgements, 10),
    mrr: reciprocalRank(ranking, judgements),
  };
}

/** Each figure averaged over the queries, every query weighing the same. */
export function meanFigures(perQuery: readonly Figures[]): Figures {
  if (perQuery.length === 0) throw new Error('no queries to average');
  const mean = (pick: (figures: Figures) => number) => perQuery.reduce((sum, figures) => sum + pick(figures), 0) / perQuery.length;
  return {
    recallAt5: mean((figures) => figures.recallAt5),
    cappedRecallAt5: mean((figures) => figures.cappedRecallAt5),
    recallAt10: mean((figures) => figures.recallAt10),
    ndcgAt10: mean((figures) => figures.ndcgAt10),
    mrr: mean((figures) => figures.mrr),
  };
}
