/** The relevance figures on rankings small enough to compute by hand. */
import { describe, expect, it } from 'vitest';
import { cappedRecallAt, figuresOf, meanFigures, ndcgAt, recallAt, reciprocalRank } from './metrics.js';

const judgements = { a: 3, b: 2, c: 1 };

describe('recall at k', () => {
  it('is the share of the relevant entries among the first k, whatever their grade', () => {
    expect(recallAt(['a', 'x', 'c', 'y', 'b'], judgements, 2)).toBeCloseTo(1 / 3);
    expect(recallAt(['a', 'x', 'c', 'y', 'b'], judgements, 5)).toBe(1);
    expect(recallAt([], judgements, 5)).toBe(0);
  });

  it('refuses a query with nothing judged relevant', () => {
    expect(() => recallAt(['a'], { a: 0 }, 5)).toThrow(/at least one entry/);
  });
});

describe('nDCG at 10', () => {
  it('is 1 for the ideal order and less when a better entry comes later', () => {
    expect(ndcgAt(['a', 'b', 'c'], judgements, 10)).toBe(1);
    // DCG of c, b, a: 1/log2(2) + 3/log2(3) + 7/log2(4) = 1 + 1.8928 + 3.5 = 6.3928;
    // ideal a, b, c: 7 + 3/log2(3) + 1/log2(4) = 7 + 1.8928 + 0.5 = 9.3928.
    expect(ndcgAt(['c', 'b', 'a'], judgements, 10)).toBeCloseTo(6.3928 / 9.3928, 4);
  });

  it('counts only the first k places, against the best k grades', () => {
    // Top 1 is b: gain 3; the ideal top 1 is a: gain 7.
    expect(ndcgAt(['b', 'a'], judgements, 1)).toBeCloseTo(3 / 7);
    // An unjudged entry in first place pushes a to the second: 7/log2(3) over 9.3928.
    expect(ndcgAt(['x', 'a', 'b', 'c'], judgements, 10)).toBeCloseTo((7 / Math.log2(3) + 3 / 2 + 1 / Math.log2(5)) / 9.3928, 4);
  });
});

describe('reciprocal rank', () => {
  it('is one over the rank of the first relevant entry, of any grade, and 0 when none is found', () => {
    expect(reciprocalRank(['x', 'y', 'c', 'a'], judgements)).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['a'], judgements)).toBe(1);
    expect(reciprocalRank(['x', 'y'], judgements)).toBe(0);
  });
});

describe('the figures of a set', () => {
  it('caps recall at k by k, so a perfect first k scores 1 however many are relevant', () => {
    const many = { a: 3, b: 2, c: 1, d: 1, e: 1, f: 1, g: 1 };
    expect(recallAt(['a', 'b', 'c', 'd', 'e'], many, 5)).toBeCloseTo(5 / 7);
    expect(cappedRecallAt(['a', 'b', 'c', 'd', 'e'], many, 5)).toBe(1);
    expect(cappedRecallAt(['a', 'x', 'c', 'y', 'b'], judgements, 5)).toBe(1);
    expect(cappedRecallAt(['x', 'a'], many, 5)).toBeCloseTo(1 / 5);
  });

  it('average each figure over the queries', () => {
    const perfect = figuresOf(['a', 'b', 'c'], judgements);
    const empty = figuresOf([], judgements);
    expect(perfect).toEqual({ recallAt5: 1, cappedRecallAt5: 1, recallAt10: 1, ndcgAt10: 1, mrr: 1 });
    expect(meanFigures([perfect, empty])).toEqual({ recallAt5: 0.5, cappedRecallAt5: 0.5, recallAt10: 0.5, ndcgAt10: 0.5, mrr: 0.5 });
  });
});
