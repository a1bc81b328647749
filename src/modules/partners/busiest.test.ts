/** The partner filter's busiest partners: the same as sorting every partner with a match by count, then id. */
import { describe, expect, it } from 'vitest';
import { busiestOf } from './service.js';

describe('the busiest partners', () => {
  it('are the first of every partner with a match sorted by most matches, ties by id', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (const [partners, size] of [
      [2_000, 30],
      [40, 30],
      [12, 30],
      [500, 1],
      [0, 30],
    ] as const) {
      // Few distinct counts, so ties are common; some partners without a match, in no particular order of ids.
      const matches = new Map(Array.from({ length: partners }, () => [Math.floor(random() * 100_000), Math.floor(random() * 8)] as const));
      const sorted = [...matches]
        .filter(([, count]) => count > 0)
        .sort(([idA, countA], [idB, countB]) => countB - countA || idA - idB)
        .slice(0, size)
        .map(([id]) => id);
      expect(busiestOf(matches, size)).toEqual(sorted);
    }
  });
});
