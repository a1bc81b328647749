/**
 * Near-duplicate titles: the same practice under a slightly different title ("Open Data Portal of Tartu" and "Tartu
 * open data portal"). Similarity is PostgreSQL pg_trgm's measure, computed here so the import can compare a file's
 * rows with each other and with the library without a query per row, and without the extension on the server.
 */

/** A title as the exact-duplicate check compares it (as the `title_key` column holds it): case and spacing ignored. */
export function titleKey(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}

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
    let first = ' ';
    let second = ' ';
    for (const character of `${word} `) {
      trigrams.add(first + second + character);
      first = second;
      second = character;
    }
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

/** A growing list of integers in a typed array: a 100,000-row file's index stays a few megabytes, outside the JS heap. */
class IntList {
  private items = new Int32Array(4);
  length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length] = value;
    this.length += 1;
  }

  at(index: number): number {
    return this.items[index] ?? 0;
  }
}

/** One owner's titles: each title's sorted trigram ids in one flat list, and for each trigram the titles that have it. */
interface OwnerTitles<T> {
  values: T[];
  starts: IntList;
  trigrams: IntList;
  postings: Map<number, IntList>;
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

  private groupOf(owner: number): OwnerTitles<T> {
    let group = this.owners.get(owner);
    if (!group) {
      group = { values: [], starts: new IntList(), trigrams: new IntList(), postings: new Map(), seen: new Int32Array(64) };
      group.starts.push(0);
      this.owners.set(owner, group);
    }
    return group;
  }

  /** Adds a title, given as its trigrams (trigramsOf), so a caller with several indexes cuts it up once. */
  add(owner: number, trigrams: readonly string[], value: T): void {
    this.insert(this.groupOf(owner), this.idsOf(trigrams, true), value);
  }

  /**
   * One of the owner's indexed titles at least `threshold` similar to this one, if any: the first found looking
   * under the rarest trigrams first. A look-up reads at most `lookupBudget` index entries, which bounds a file of
   * 100,000 titles sharing most of their words; such a file may then miss a warning, never a refusal.
   */
  similarTo(owner: number, trigrams: readonly string[]): { value: T; similarity: number } | undefined {
    const group = this.owners.get(owner);
    return group ? this.lookUp(group, this.idsOf(trigrams, false)) : undefined;
  }

  /** similarTo, then add: a file's rows are compared with the rows before them, each title cut up once. */
  similarToThenAdd(owner: number, trigrams: readonly string[], value: T): { value: T; similarity: number } | undefined {
    const group = this.groupOf(owner);
    const ids = this.idsOf(trigrams, true);
    const similar = this.lookUp(group, ids);
    this.insert(group, ids, value);
    return similar;
  }

  private insert(group: OwnerTitles<T>, ids: readonly number[], value: T): void {
    const position = group.values.push(value) - 1;
    for (const id of ids) {
      group.trigrams.push(id);
      let list = group.postings.get(id);
      if (!list) group.postings.set(id, (list = new IntList()));
      list.push(position);
    }
    group.starts.push(group.trigrams.length);
    if (group.seen.length < group.values.length) {
      const grown = new Int32Array(group.seen.length * 2);
      grown.set(group.seen);
      group.seen = grown;
    }
  }

  private lookUp(group: OwnerTitles<T>, trigrams: number[]): { value: T; similarity: number } | undefined {
    const size = trigrams.length;
    if (size === 0) return undefined;
    const prefix = size - Math.ceil(similarTitleThreshold * size) + 1;
    const lists: IntList[] = [];
    for (const id of trigrams) {
      const list = group.postings.get(id);
      if (list) lists.push(list);
    }
    lists.sort((a, b) => a.length - b.length);
    this.lookups += 1;
    let budget = lookupBudget;
    for (let index = 0; index < Math.min(prefix, lists.length); index += 1) {
      const list = lists[index] as IntList;
      for (let item = 0; item < list.length; item += 1) {
        const position = list.at(item);
        if ((budget -= 1) < 0) return undefined;
        if (group.seen[position] === this.lookups) continue;
        group.seen[position] = this.lookups;
        const start = group.starts.at(position);
        const otherSize = group.starts.at(position + 1) - start;
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
function sharedCount(a: number[], b: IntList, from: number, to: number): number {
  let shared = 0;
  for (let i = 0, j = from; i < a.length && j < to;) {
    const x = a[i] as number;
    const y = b.at(j);
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return shared;
}
