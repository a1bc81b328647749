import { describe, expect, it } from 'vitest';
import { byScore } from './score-order.js';

/** The order by comparison: score, highest first, then id, highest first. */
function compared(places: Int32Array, scores: Float64Array, ids: Int32Array): number[] {
  return [...places].sort((one, other) => (scores[other] as number) - (scores[one] as number) || (ids[other] as number) - (ids[one] as number));
}

/** A repeatable sequence of numbers in [0, 1). */
function randomNumbers(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('a ranking’s order', () => {
  it('is the order by comparison, for scores far apart, equal, and equal only to single precision', () => {
    const random = randomNumbers(7);
    const size = 20_000;
    const scores = new Float64Array(size);
    const ids = Int32Array.from({ length: size }, (_, place) => 1 + ((place * 7_919) % size));
    for (let place = 0; place < size; place += 1) {
      const kind = place % 4;
      // Spread over many magnitudes; exactly equal; a few units in the last place apart (one single-precision value).
      scores[place] = kind === 0 ? random() * 10 ** (random() * 6 - 3) : kind === 1 ? 2.5 : kind === 2 ? 1.25 + random() * 1e-12 : random() * 30;
    }
    const places = Int32Array.from({ length: size }, (_, at) => (at * 4_099) % size);
    expect([...byScore(places, size, scores, ids)]).toEqual(compared(places, scores, ids));
  });

  it('orders only the first places counted, and leaves the places given as they were', () => {
    const scores = Float64Array.of(0.5, 3, 1, 3, 2);
    const ids = Int32Array.of(10, 11, 12, 13, 14);
    const places = Int32Array.of(0, 1, 2, 3, 4, 99);
    expect([...byScore(places, 5, scores, ids)]).toEqual([3, 1, 4, 2, 0]);
    expect([...places]).toEqual([0, 1, 2, 3, 4, 99]);
    expect([...byScore(places, 0, scores, ids)]).toEqual([]);
  });
});
