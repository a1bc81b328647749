/**
 * A ranking's order: records by score, highest first, ties by id, highest first (so every node, and PGlite and
 * PostgreSQL, list them alike). A broad query matches most of a kind's records — 10,000 practices — and sorting them
 * with a comparator took a quarter of its ranking (the engine's own numeric sort of typed arrays is no faster). So
 * they are put in order of their scores rounded to single precision by a radix sort (three passes over the records,
 * each by 11 of the 32 bits), and only records whose scores agree to single precision are then compared one by one.
 */

const digitBits = 11;
const digits = 2 ** digitBits;
const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/** The places, `count` of them, ordered by their scores (positive numbers) and, between equal scores, by their records' ids. */
export function byScore(places: Int32Array, count: number, scores: Float64Array, ids: ArrayLike<number>): Int32Array {
  let [keys, order] = [new Uint32Array(count), places.slice(0, count)];
  for (let at = 0; at < count; at += 1) {
    // A positive float's bits, read as an unsigned integer, grow with it (rounding to single precision keeps its
    // order); taken from the largest value, the highest score sorts first.
    single[0] = scores[order[at] as number] as number;
    keys[at] = 0xffffffff - (singleBits[0] as number);
  }
  let [nextKeys, nextOrder] = [new Uint32Array(count), new Int32Array(count)];
  const starts = new Int32Array(digits);
  for (let shift = 0; shift < 32; shift += digitBits) {
    starts.fill(0);
    for (let at = 0; at < count; at += 1) {
      const digit = ((keys[at] as number) >>> shift) & (digits - 1);
      starts[digit] = (starts[digit] as number) + 1;
    }
    // Each digit's records start where the smaller digits' end.
    for (let digit = 0, start = 0; digit < digits; digit += 1) {
      const holders = starts[digit] as number;
      starts[digit] = start;
      start += holders;
    }
    for (let at = 0; at < count; at += 1) {
      const digit = ((keys[at] as number) >>> shift) & (digits - 1);
      const to = starts[digit] as number;
      starts[digit] = to + 1;
      nextKeys[to] = keys[at] as number;
      nextOrder[to] = order[at] as number;
    }
    [keys, nextKeys, order, nextOrder] = [nextKeys, keys, nextOrder, order];
  }
  // A run of equal single-precision scores is put in its exact order.
  const before = (one: number, other: number) => (scores[other] as number) - (scores[one] as number) || (ids[other] as number) - (ids[one] as number);
  let runStart = 0;
  for (let at = 1; at <= count; at += 1) {
    if (at < count && keys[at] === keys[runStart]) continue;
    if (at - runStart > 1) orderRun(order, runStart, at, scores, ids, before);
    runStart = at;
  }
  return order;
}

/** Runs this short are put in order by insertion: a sort call per run cost more than its comparisons. */
const shortRun = 16;
/** Composite keys of (id, place) stay exact in a double while ids fit 31 bits and places 21. */
const mostPlaces = 2 ** 21;

/**
 * Puts order[start, end) — places whose scores agree to single precision — in their exact order. A common word gives
 * thousands of records the very same score (10,000 generated instruments for "chatbot"), and comparing them one by one
 * by id took a millisecond a ranking: such a run is ordered by the engine's own numeric sort of keys made of the id,
 * highest first, and the place.
 */
function orderRun(
  order: Int32Array,
  start: number,
  end: number,
  scores: Float64Array,
  ids: ArrayLike<number>,
  before: (one: number, other: number) => number,
): void {
  if (end - start <= shortRun) {
    for (let at = start + 1; at < end; at += 1) {
      const place = order[at] as number;
      let to = at;
      for (; to > start && before(order[to - 1] as number, place) > 0; to -= 1) order[to] = order[to - 1] as number;
      order[to] = place;
    }
    return;
  }
  const score = scores[order[start] as number] as number;
  let same = scores.length <= mostPlaces;
  for (let at = start + 1; same && at < end; at += 1) same = scores[order[at] as number] === score;
  if (!same) {
    order.subarray(start, end).sort(before);
    return;
  }
  const composite = new Float64Array(end - start);
  for (let at = start; at < end; at += 1) {
    const place = order[at] as number;
    composite[at - start] = (0x7fffffff - (ids[place] as number)) * mostPlaces + place;
  }
  composite.sort();
  for (let at = start; at < end; at += 1) order[at] = (composite[at - start] as number) % mostPlaces;
}
