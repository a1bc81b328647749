/**
 * Near-duplicate titles: the same practice under a slightly different title ("Open Data Portal of Tartu" and "Tartu
 * open data portal"). Similarity is PostgreSQL pg_trgm's measure, computed here so the import can compare a file's
 * rows with each other and with the library without a query per row, and without the extension on the server.
 */

/**
 * Two titles of one owner this similar are flagged (pg_trgm's default, 0.3, is meant for search). Measured: the same
 * practice reworded scores 0.73–0.92 (a typo 0.85, a plural 0.91, a reordering with "of" 0.92, an accent 0.73, "in
 * Tallinn" / "of Tallinn city" 0.74); different practices with close titles score up to 0.70 ("… of Tartu" / "… of
 * Tallinn" 0.70, "Practice 1" / "Practice 2" 0.69, "Call 2023" / "Call 2024" and "… parking fees" / "… waste fees"
 * 0.67). 0.72 lies between the two.
 */
export const similarTitleThreshold = 0.72;

/**
 * pg_trgm's trigrams of a text: its words (runs of letters and digits), lower-cased, each padded with two spaces
 * before and one after, cut into every run of three characters; each trigram once.
 */
export function trigramsOf(text: string): string[] {
  const trigrams = new Set<string>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const characters = [...`  ${word} `];
    for (let index = 2; index < characters.length; index += 1) trigrams.add(`${characters[index - 2] as string}${characters[index - 1] as string}${characters[index] as string}`);
  }
  return [...trigrams];
}

/** pg_trgm's `similarity(a, b)`: the trigrams both have, over the trigrams either has. */
export function titleSimilarity(a: string, b: string): number {
  const first = new Set(trigramsOf(a));
  const second = trigramsOf(b);
  if (first.size === 0 || second.length === 0) return 0;
  const shared = second.filter((trigram) => first.has(trigram)).length;
  return shared / (first.size + second.length - shared);
}

/** The most similar of some titles to a title, at or above the threshold. */
export function mostSimilar<T extends { title: string }>(title: string, candidates: readonly T[]): (T & { similarity: number }) | undefined {
  let best: (T & { similarity: number }) | undefined;
  for (const candidate of candidates) {
    const similarity = titleSimilarity(title, candidate.title);
    if (similarity >= similarTitleThreshold && similarity > (best?.similarity ?? 0)) best = { ...candidate, similarity };
  }
  return best;
}

/** Index entries one look-up reads at most (see similarTo). */
const lookupBudget = 300;

/** One owner's titles: each title's sorted trigram ids in one flat list, and for each trigram the titles that have it. */
interface OwnerTitles<T> {
  values: T[];
  starts: number[];
  trigrams: number[];
  postings: Map<number, number[]>;
  /** The lookup that last looked at each title, so a lookup compares a title once and allocates nothing. */
  seen: Int32Array;
}

/**
 * Titles grouped by owner, each indexed under all its trigrams, to find a title at least `threshold` similar to a
 * new one without comparing it with every title. Such a title shares at least ceil(threshold × n) of the new title's
 * n trigrams, so it is listed under one of any n − ceil(threshold × n) + 1 of them: looking only under the rarest
 * that many misses none (the prefix filter of set-similarity joins).
 */
export class SimilarTitleIndex<T> {
  private readonly trigramIds = new Map<string, number>();
  private readonly owners = new Map<number, OwnerTitles<T>>();
  private lookups = 0;

  private idsOf(trigrams: readonly string[], create: boolean): number[] {
    const ids: number[] = [];
    for (const trigram of trigrams) {
      let id = this.trigramIds.get(trigram);
      if (id === undefined && create) this.trigramIds.set(trigram, (id = this.trigramIds.size));
      // A trigram no title has yet still counts towards the new title's size.
      ids.push(id ?? -1 - ids.length);
    }
    return ids.sort((a, b) => a - b);
  }

  /** Adds a title, given as its trigrams (trigramsOf), so a caller with several indexes cuts it up once. */
  add(owner: number, trigrams: readonly string[], value: T): void {
    let group = this.owners.get(owner);
    if (!group) this.owners.set(owner, (group = { values: [], starts: [0], trigrams: [], postings: new Map(), seen: new Int32Array(64) }));
    const position = group.values.push(value) - 1;
    for (const id of this.idsOf(trigrams, true)) {
      group.trigrams.push(id);
      const list = group.postings.get(id);
      if (list) list.push(position);
      else group.postings.set(id, [position]);
    }
    group.starts.push(group.trigrams.length);
    if (group.seen.length < group.values.length) {
      const grown = new Int32Array(group.seen.length * 2);
      grown.set(group.seen);
      group.seen = grown;
    }
  }

  /**
   * One of the owner's indexed titles at least `threshold` similar to this one, if any: the first found looking
   * under the rarest trigrams first. A look-up reads at most `lookupBudget` index entries, which bounds a file of
   * 100,000 titles sharing most of their words; such a file may then miss a warning, never a refusal.
   */
  similarTo(owner: number, titleTrigrams: readonly string[]): { value: T; similarity: number } | undefined {
    const group = this.owners.get(owner);
    const trigrams = this.idsOf(titleTrigrams, false);
    const size = trigrams.length;
    if (!group || size === 0) return undefined;
    const prefix = size - Math.ceil(similarTitleThreshold * size) + 1;
    const lists = trigrams.map((id) => group.postings.get(id) ?? []).sort((a, b) => a.length - b.length);
    this.lookups += 1;
    let budget = lookupBudget;
    for (const list of lists.slice(0, prefix)) {
      for (const position of list) {
        if ((budget -= 1) < 0) return undefined;
        if (group.seen[position] === this.lookups) continue;
        group.seen[position] = this.lookups;
        const start = group.starts[position] ?? 0;
        const otherSize = (group.starts[position + 1] ?? start) - start;
        // Sizes too far apart cannot reach the threshold (|A ∩ B| ≤ the smaller, |A ∪ B| ≥ the larger).
        if (Math.min(size, otherSize) < similarTitleThreshold * Math.max(size, otherSize)) continue;
        const shared = sharedCount(trigrams, group.trigrams, start, start + otherSize);
        const similarity = shared / (size + otherSize - shared);
        if (similarity >= similarTitleThreshold) return { value: group.values[position] as T, similarity };
      }
    }
    return undefined;
  }
}

/** How many ids two sorted lists share; the second is a slice of a longer list. */
function sharedCount(a: number[], b: number[], from: number, to: number): number {
  let shared = 0;
  for (let i = 0, j = from; i < a.length && j < to; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}
