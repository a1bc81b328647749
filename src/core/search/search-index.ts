/**
 * The ranking side of search: an inverted index of every searchable record (search_documents, kept by triggers —
 * migrations/20261209_0900_search_index.ts), held in memory by each node and brought up to date from the database
 * before every ranking that follows a write, so a change is found at once on every node. It scores with BM25 over
 * field-weighted term frequencies (title counts more than body), with query "slots" (a word, or a phrase of the
 * glossary, each with alternative readings: stems in the five languages, translations, a typo's correction) scored by
 * their best alternative. The database remains the only source of truth: a node that starts builds its index from it.
 */
import { DataVersionReader, dataVersionOf } from '../cache/data-version.js';
import type { Executor } from '../db/database.js';
import { byScore } from './score-order.js';
import { documentChangesSince } from './search-queries.js';
import { readVector, type FieldBoosts } from './tsvector.js';

/** Title occurrences count three times a body occurrence; a summary or keyword twice; practical details half. */
const fieldBoosts: FieldBoosts = { A: 3, B: 2, C: 1, D: 0.5 };
/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const k1 = 1.2;
const b = 0.75;
/** A lexeme in more than this share of a kind's records is one of the field's common words (see #candidatesOf). */
const commonShare = 0.5;

/** One thing a query asks for, found in a record through the best of its alternatives. */
export interface QuerySlot {
  /** The query's own words for it, as typed. */
  label: string;
  alternatives: SlotAlternative[];
}

export interface SlotAlternative {
  /** How much a match through this alternative counts: the words as typed 1, a translation or synonym less. */
  boost: number;
  /** Its words, each as the set of lexemes it may appear as (its readings in the languages the platform indexes). */
  words: string[][];
  /**
   * Whether a record must hold every one of its words to match it (a glossary term: "nyílt adat" is a name, and
   * "adat" alone is not it), or counts by the share of them it holds (the words as typed).
   */
  whole: boolean;
}

/**
 * A kind's records matching a query, best first, as parallel typed arrays: 14 bytes a record, where an object per
 * record took about 72, so a node keeps five times as many rankings in the same memory (rankings.ts) — a platform
 * search ranks six kinds, some 33,000 records for a broad query at 10,000 practices. Never changed once made: what is
 * derived from a ranking may be kept with it (keyed by the ranking itself).
 */
export class Ranking {
  static readonly empty = new Ranking(new Int32Array(0), new Float64Array(0), new Uint16Array(0));

  constructor(
    readonly ids: Int32Array,
    readonly scores: Float64Array,
    /** How many of the query's slots each record matches. */
    readonly matchedSlots: Uint16Array,
  ) {}

  get length(): number {
    return this.ids.length;
  }

  get bytes(): number {
    return this.ids.byteLength + this.scores.byteLength + this.matchedSlots.byteLength;
  }
}

/**
 * A lexeme's records: their places in the index (dense numbers, so scores can be summed in typed arrays) and weighted
 * frequencies, in typed arrays that double as they fill. Typed arrays hold their numbers outside the JS heap, where a
 * garbage collection does not trace them: as arrays of numbers, the postings of 33,000 records (millions of entries)
 * made every full collection of a node some 75 ms longer.
 */
class Posting {
  places = new Int32Array(2);
  weights = new Float32Array(2);
  length = 0;

  push(place: number, weight: number): void {
    if (this.length === this.places.length) {
      const [places, weights] = [new Int32Array(this.length * 2), new Float32Array(this.length * 2)];
      places.set(this.places);
      weights.set(this.weights);
      [this.places, this.weights] = [places, weights];
    }
    this.places[this.length] = place;
    // Weights are sums of the field boosts, multiples of 0.5: exact in single precision.
    this.weights[this.length] = weight;
    this.length += 1;
  }

  /** Takes a place out, the others kept in order. */
  remove(place: number): void {
    const at = this.places.subarray(0, this.length).indexOf(place);
    if (at === -1) return;
    this.places.copyWithin(at, at + 1, this.length);
    this.weights.copyWithin(at, at + 1, this.length);
    this.length -= 1;
  }
}

/**
 * Whether `touched` of `size` places are enough that zeroing the whole array (a memory fill) is cheaper than zeroing
 * them one by one: past a sixteenth, the writes scattered over the array cost more (a broad query touches most places).
 */
function isMost(touched: number, size: number): boolean {
  return touched > size >>> 4;
}

/**
 * Scores of a ranking step by place, with the places touched, so clearing a few costs only what was used (and most,
 * one fill of the array: isMost). Kept by the kind and reused by its next ranking (a ranking runs to its end without
 * awaiting, so one at a time): a broad query touches most records, and fresh arrays per ranking were a tenth of its
 * time in garbage collection.
 */
class Scores {
  values: Float64Array;
  touched: Int32Array;
  count = 0;

  constructor(size: number) {
    this.values = new Float64Array(size);
    this.touched = new Int32Array(size);
  }

  raise(place: number, score: number): void {
    const before = this.values[place] as number;
    if (before === 0) this.touched[this.count++] = place;
    if (score > before) this.values[place] = score;
  }

  add(place: number, score: number): void {
    const before = this.values[place] as number;
    if (before === 0) this.touched[this.count++] = place;
    this.values[place] = before + score;
  }

  clear(): void {
    if (isMost(this.count, this.values.length)) this.values.fill(0);
    else for (let at = 0; at < this.count; at += 1) this.values[this.touched[at] as number] = 0;
    this.count = 0;
  }
}

/** What one ranking works in: a word's, an alternative's and a slot's scores, and each record's sums over the slots. */
class RankingScratch {
  readonly word: Scores;
  readonly alternative: Scores;
  readonly slot: Scores;
  /** Summed over the slots; `found` are the places with a match, `count` of them. */
  readonly total: Scores;
  readonly matchedSlots: Uint16Array;
  readonly matchedRarity: Float64Array;
  /** How many of an alternative's words each place holds (cleared with `alternative`). */
  readonly alternativeWords: Uint16Array;

  constructor(readonly size: number) {
    [this.word, this.alternative, this.slot, this.total] = [new Scores(size), new Scores(size), new Scores(size), new Scores(size)];
    this.alternativeWords = new Uint16Array(size);
    this.matchedSlots = new Uint16Array(size);
    this.matchedRarity = new Float64Array(size);
  }

  clear(): void {
    const { total } = this;
    if (isMost(total.count, this.size)) {
      this.matchedSlots.fill(0);
      this.matchedRarity.fill(0);
    } else
      for (let at = 0; at < total.count; at += 1) {
        const place = total.touched[at] as number;
        this.matchedSlots[place] = 0;
        this.matchedRarity[place] = 0;
      }
    total.clear();
  }
}

const noPositions = new Uint16Array(0);
const noNumbers = new Int32Array(0);

const slotLexemes = new WeakMap<QuerySlot, readonly string[]>();

/** Every lexeme a slot may be found through, once each; read for every kind a query ranks, so worked out once a slot. */
function lexemesOf(slot: QuerySlot): readonly string[] {
  let lexemes = slotLexemes.get(slot);
  if (!lexemes) slotLexemes.set(slot, (lexemes = [...new Set(slot.alternatives.flatMap((alternative) => alternative.words.flat()))]));
  return lexemes;
}

/**
 * Each lexeme a slot's single-word alternatives may be found through, with the highest boost it comes with. A word's
 * readings in the five languages and its synonyms' share lexemes ("servic" of "service" and "e-service"), and the
 * slot keeps a record's best score, so a lexeme scored at its highest boost is scored for all of them: one pass over
 * its records, not one per alternative naming it.
 */
function singleWordBoosts(slot: QuerySlot): Map<string, number> {
  const boosts = new Map<string, number>();
  for (const { boost, words } of slot.alternatives) {
    if (words.length !== 1) continue;
    for (const lexeme of words[0] ?? []) boosts.set(lexeme, Math.max(boost, boosts.get(lexeme) ?? 0));
  }
  return boosts;
}

/**
 * The scores of the words that several alternatives of several words share, within one ranking. A glossary concept's
 * phrases repeat their words across the five languages and the synonyms ("digital service", "e-service platform",
 * "servizio digitale" …): scored once and kept, a repeated word is added to each alternative in one pass over the
 * records holding it, instead of its readings' records being scored again (half the ranking's work for a broad
 * query; docs/performance/search.md, ninth pass). Only words met more than once are kept, as typed arrays, for the
 * ranking's duration.
 */
class WordScores {
  readonly #repeated = new Set<string>();
  readonly #kept = new Map<string, { places: Int32Array; values: Float64Array }>();

  constructor(slots: readonly QuerySlot[]) {
    const seen = new Set<string>();
    for (const slot of slots)
      for (const { words } of slot.alternatives) {
        if (words.length === 1) continue;
        for (const readings of words) {
          const key = readings.join('\u0000');
          if (seen.has(key)) this.#repeated.add(key);
          seen.add(key);
        }
      }
  }

  /** A word's scores, counted over the candidates alone when `among` is given (a common word's slot). */
  kept(readings: readonly string[], among: Uint8Array | null): { places: Int32Array; values: Float64Array } | undefined {
    return this.#kept.get(WordScores.#keyOf(readings, among));
  }

  keep(readings: readonly string[], among: Uint8Array | null, scores: Scores): void {
    if (!this.#repeated.has(readings.join('\u0000'))) return;
    const places = scores.touched.slice(0, scores.count);
    const values = new Float64Array(places.length);
    for (let at = 0; at < places.length; at += 1) values[at] = scores.values[places[at] as number] as number;
    this.#kept.set(WordScores.#keyOf(readings, among), { places, values });
  }

  static #keyOf(readings: readonly string[], among: Uint8Array | null): string {
    return `${among ? 'candidates' : 'all'}\u0000${readings.join('\u0000')}`;
  }
}

/** The records of one kind (practices, events, …). */
class KindIndex {
  /** Each lexeme's number, and each number's lexeme and records: a record's lexemes are kept as numbers. */
  readonly #lexemeNumbers = new Map<string, number>();
  readonly #lexemes: string[] = [];
  readonly #postings: Posting[] = [];
  /** Each record's place, and each place's record id (-1 when free), weighted length and lexemes' numbers. */
  readonly #placeOf = new Map<number, number>();
  #ids: number[] = [];
  #lengths: number[] = [];
  #lexemesOf: Int32Array[] = [];
  /**
   * Each place's word positions: how many each of its lexemes has, then the positions themselves, lexeme by lexeme, in
   * one array a record (a tsvector keeps at most 256 positions a lexeme, each at most 16,383).
   */
  #positions: Uint16Array[] = [];
  readonly #free: number[] = [];
  totalLength = 0;
  /** Each place's BM25 length normalisation (#lengthNormsOf), forgotten at any change: it depends on the average length. */
  #lengthNorms: Float64Array | null = null;
  #scratch: RankingScratch | null = null;

  get size(): number {
    return this.#placeOf.size;
  }

  put(id: number, vector: string): void {
    this.remove(id);
    this.#lengthNorms = null;
    const { lexemes, weights, positions, ends } = readVector(vector, fieldBoosts);
    const place = this.#free.pop() ?? this.#ids.length;
    const numbers = new Int32Array(lexemes.length);
    let length = 0;
    for (const [at, lexeme] of lexemes.entries()) {
      const weight = weights[at] as number;
      const number = this.#numberOf(lexeme);
      (this.#postings[number] as Posting).push(place, weight);
      numbers[at] = number;
      length += weight;
    }
    this.#placeOf.set(id, place);
    this.#ids[place] = id;
    this.#lengths[place] = length;
    this.#lexemesOf[place] = numbers;
    const recordPositions = new Uint16Array(lexemes.length + positions.length);
    ends.forEach((end, at) => (recordPositions[at] = end - (at === 0 ? 0 : (ends[at - 1] as number))));
    recordPositions.set(positions, lexemes.length);
    this.#positions[place] = recordPositions;
    this.totalLength += length;
  }

  remove(id: number): void {
    const place = this.#placeOf.get(id);
    if (place === undefined) return;
    this.#lengthNorms = null;
    for (const number of this.#lexemesOf[place] ?? noNumbers) this.#postings[number]?.remove(place);
    this.#placeOf.delete(id);
    this.#ids[place] = -1;
    this.#lexemesOf[place] = noNumbers;
    this.#positions[place] = noPositions;
    this.totalLength -= this.#lengths[place] as number;
    this.#free.push(place);
  }

  /** Where the record has each of the wanted lexemes it holds (none for a record not in the index). */
  positionsIn(id: number, wanted: ReadonlySet<string>): Map<string, Uint16Array> {
    const found = new Map<string, Uint16Array>();
    const place = this.#placeOf.get(id);
    if (place === undefined) return found;
    const positions = this.#positions[place] ?? noPositions;
    const numbers = this.#lexemesOf[place] ?? noNumbers;
    let start = numbers.length;
    // An indexed loop: the best 40 records of six kinds are looked at for every search, each through all its lexemes.
    for (let at = 0; at < numbers.length; at += 1) {
      const end = start + (positions[at] as number);
      const lexeme = this.#lexemes[numbers[at] as number] as string;
      if (wanted.has(lexeme)) found.set(lexeme, positions.subarray(start, end));
      start = end;
    }
    return found;
  }

  /** Which of the lexemes any of the records holds. */
  heldBy(ids: readonly number[], lexemes: ReadonlySet<string>): Set<string> {
    const held = new Set<string>();
    for (const id of ids) {
      const place = this.#placeOf.get(id);
      if (place === undefined) continue;
      for (const number of this.#lexemesOf[place] ?? noNumbers) {
        const lexeme = this.#lexemes[number] as string;
        if (lexemes.has(lexeme)) held.add(lexeme);
      }
    }
    return held;
  }

  /** How rare a lexeme is (BM25's inverse document frequency): a word in few records tells more about them. */
  rarityOf(lexeme: string): number {
    const holders = this.documentFrequency(lexeme);
    return holders === 0 ? 0 : Math.log(1 + (this.size - holders + 0.5) / (holders + 0.5));
  }

  /**
   * Raises each record's score in `into` to its BM25 score for this lexeme (one of a word's readings) times `boost`;
   * only the candidates' when given. Computed as it goes, not kept per lexeme: a broad query's first search met some
   * 200 lexemes new to the node, and keeping each one's scores (thousands of holders) made a tenth of its time garbage
   * collection, for a division saved per holder.
   */
  #scoreLexeme(lexeme: string, into: Scores, boost: number, candidates: Uint8Array | null): void {
    const posting = this.#postingOf(lexeme);
    if (!posting) return;
    const { places, weights, length } = posting;
    const norms = this.#lengthNormsOf();
    const rarity = this.rarityOf(lexeme);
    for (let at = 0; at < length; at += 1) {
      const place = places[at] as number;
      if (candidates !== null && candidates[place] !== 1) continue;
      const weight = weights[at] as number;
      into.raise(place, boost * ((rarity * weight * (k1 + 1)) / (weight + (norms[place] as number))));
    }
  }

  /** BM25's length normalisation of each place: a long record's occurrences count for less. */
  #lengthNormsOf(): Float64Array {
    if (this.#lengthNorms) return this.#lengthNorms;
    const averageLength = this.totalLength / this.size;
    this.#lengthNorms = Float64Array.from(this.#lengths, (length) => k1 * (1 - b + (b * length) / averageLength));
    return this.#lengthNorms;
  }

  /**
   * The records a query may find when some of its words are the field's common words and others are not: those
   * holding a rarer one. A word held by more than half the records ("digital", "service" among e-government
   * practices) is no evidence of relevance — its weight in the Robertson–Spärck Jones idf of the original BM25 is
   * zero or less — yet the records sharing only such words with a query would make up most of its results and of the
   * time spent ranking them. So common words only add to the scores of records found otherwise (the cutoff frequency
   * of Lucene's common-terms query). Null when every record holding a lexeme may be found: no common lexeme, or
   * nothing but common ones.
   */
  #candidatesOf(slots: readonly QuerySlot[]): { places: Uint8Array; common: ReadonlySet<QuerySlot> } | null {
    // A word is as common as its most common reading (its stem in the language most records are written in), and a
    // slot when each of its words as typed is; its synonyms and translations go with it.
    const isCommon = (readings: readonly string[]) => readings.some((lexeme) => this.documentFrequency(lexeme) > this.size * commonShare);
    const found = slots.filter((slot) => lexemesOf(slot).some((lexeme) => this.documentFrequency(lexeme) > 0));
    const common = new Set(found.filter((slot) => (slot.alternatives[0]?.words ?? []).every(isCommon)));
    if (common.size === 0 || common.size === found.length) return null;
    const places = new Uint8Array(this.#ids.length);
    for (const slot of found) {
      if (common.has(slot)) continue;
      for (const lexeme of lexemesOf(slot)) {
        const posting = this.#postingOf(lexeme);
        if (posting) for (let at = 0; at < posting.length; at += 1) places[posting.places[at] as number] = 1;
      }
    }
    return { places, common };
  }

  documentFrequency(lexeme: string): number {
    return this.#postingOf(lexeme)?.length ?? 0;
  }

  #postingOf(lexeme: string): Posting | undefined {
    const number = this.#lexemeNumbers.get(lexeme);
    return number === undefined ? undefined : this.#postings[number];
  }

  /** The lexeme's number, given it when new (a number outlives the lexeme's last record: a few strings a kind). */
  #numberOf(lexeme: string): number {
    let number = this.#lexemeNumbers.get(lexeme);
    if (number === undefined) {
      number = this.#lexemes.length;
      this.#lexemeNumbers.set(lexeme, number);
      this.#lexemes.push(lexeme);
      this.#postings.push(new Posting());
    }
    return number;
  }

  #scratchOf(places: number): RankingScratch {
    if (this.#scratch?.size !== places) this.#scratch = new RankingScratch(places);
    return this.#scratch;
  }

  rank(slots: QuerySlot[]): Ranking {
    if (this.size === 0) return Ranking.empty;
    const scratch = this.#scratchOf(this.#ids.length);
    const { word, alternative, slot: slotBest, total, matchedSlots, matchedRarity, alternativeWords } = scratch;
    // How much each slot tells: the rarity of its rarest word as typed (a slot of common words tells little).
    const slotRarity = slots.map((slot) =>
      Math.max(0, ...(slot.alternatives[0]?.words ?? []).flatMap((readings) => readings.map((lexeme) => this.rarityOf(lexeme)))),
    );
    const queryRarity = slotRarity.reduce((sum, rarity) => sum + rarity, 0);
    const candidates = this.#candidatesOf(slots);
    const wordScores = new WordScores(slots);
    for (const [slotAt, slot] of slots.entries()) {
      const among = candidates?.common.has(slot) ? candidates.places : null;
      // A single word is the whole alternative: its best reading's score goes straight to the slot (each lexeme once).
      for (const [lexeme, boost] of singleWordBoosts(slot)) this.#scoreLexeme(lexeme, slotBest, boost, among);
      for (const { boost, words, whole } of slot.alternatives) {
        if (words.length === 1) continue;
        // An alternative of several words ("virtual assistant") counts by the share of its words a record has; a
        // glossary term only when the record has them all.
        for (const readings of words) {
          const kept = wordScores.kept(readings, among);
          if (kept) {
            for (let at = 0; at < kept.places.length; at += 1) {
              const place = kept.places[at] as number;
              alternative.add(place, kept.values[at] as number);
              alternativeWords[place] = (alternativeWords[place] as number) + 1;
            }
            continue;
          }
          for (const lexeme of new Set(readings)) this.#scoreLexeme(lexeme, word, 1, among);
          for (let at = 0; at < word.count; at += 1) {
            const place = word.touched[at] as number;
            alternative.add(place, word.values[place] as number);
            alternativeWords[place] = (alternativeWords[place] as number) + 1;
          }
          wordScores.keep(readings, among, word);
          word.clear();
        }
        for (let at = 0; at < alternative.count; at += 1) {
          const place = alternative.touched[at] as number;
          const held = alternativeWords[place] as number;
          alternativeWords[place] = 0;
          if (whole && held < words.length) continue;
          slotBest.raise(place, (boost * (alternative.values[place] as number)) / words.length);
        }
        alternative.clear();
      }
      const rarity = slotRarity[slotAt] ?? 0;
      for (let at = 0; at < slotBest.count; at += 1) {
        const place = slotBest.touched[at] as number;
        total.add(place, slotBest.values[place] as number);
        matchedSlots[place] = (matchedSlots[place] as number) + 1;
        matchedRarity[place] = (matchedRarity[place] as number) + rarity;
      }
      slotBest.clear();
    }
    // Records with more of what the query says first among near scores: a coordination factor by the share of the
    // query's rarity matched, so missing a common word ("online") costs less than missing a rare one ("permit").
    const found = total.count;
    const score = total.values;
    for (let at = 0; at < found; at += 1) {
      const place = total.touched[at] as number;
      const share = queryRarity > 0 ? (matchedRarity[place] as number) / queryRarity : (matchedSlots[place] as number) / slots.length;
      score[place] = (score[place] as number) * (0.5 + 0.5 * share);
    }
    const order = byScore(total.touched, found, score, this.#ids);
    const ranking = new Ranking(new Int32Array(found), new Float64Array(found), new Uint16Array(found));
    for (let at = 0; at < found; at += 1) {
      const place = order[at] as number;
      ranking.ids[at] = this.#ids[place] as number;
      ranking.scores[at] = score[place] as number;
      ranking.matchedSlots[at] = matchedSlots[place] as number;
    }
    scratch.clear();
    return ranking;
  }
}

/**
 * The words written in the records (lower case), with how many records have used each: what a typo is corrected to.
 * Words are only added — a record's earlier words are not kept to be taken away — so a word may outlive its records;
 * a correction is offered only when it finds records (query-analysis.ts), so such a word is never suggested.
 */
export class Vocabulary {
  readonly #records = new Map<string, number>();
  /**
   * The words by their first character, each group in the order the words came: a typo's correction looks at those
   * sharing its first letter alone, not at the 100,000 words of 33,000 records.
   */
  readonly #byFirst = new Map<string, string[]>();

  add(words: Iterable<string>): void {
    for (const word of words) {
      const records = this.#records.get(word);
      this.#records.set(word, (records ?? 0) + 1);
      if (records !== undefined) continue;
      const first = word[0] ?? '';
      const group = this.#byFirst.get(first);
      if (group) group.push(word);
      else this.#byFirst.set(first, [word]);
    }
  }

  has(word: string): boolean {
    return this.#records.has(word);
  }

  recordsUsing(word: string): number {
    return this.#records.get(word) ?? 0;
  }

  /** The words beginning with the first character (UTF-16 unit) of `word`, in the order they came. */
  wordsLike(word: string): readonly string[] {
    return this.#byFirst.get(word[0] ?? '') ?? [];
  }
}

/** The index of one database, shared by every request of the process. */
/** How many changed records the index reads in before letting other work run. */
const yieldEvery = 1_000;

export class SearchIndex {
  readonly #db: Executor;
  readonly #kinds = new Map<string, KindIndex>();
  readonly vocabulary = new Vocabulary();
  readonly #version: DataVersionReader;
  #syncedVersion = 0;
  #contentVersion = 0;
  #syncing: Promise<void> | null = null;

  constructor(db: Executor) {
    this.#db = db;
    this.#version = new DataVersionReader(() => dataVersionOf(db));
  }

  /** The data version the index holds every record of. */
  get version(): number {
    return this.#syncedVersion;
  }

  /**
   * The data version at which the index's records last changed: what is derived from them alone (a query's analysis,
   * a ranking) stays right while it holds, through the writes to everything else.
   */
  get contentVersion(): number {
    return this.#contentVersion;
  }

  /** Brings the index up to the data version current when called (one reading of the changes for concurrent callers). */
  async refresh(): Promise<void> {
    const current = await this.#version.current();
    while (this.#syncedVersion < current) {
      this.#syncing ??= this.#readChanges().finally(() => (this.#syncing = null));
      await this.#syncing;
    }
  }

  async #readChanges(): Promise<void> {
    const rows = await documentChangesSince(this.#db, this.#syncedVersion);
    for (const [at, row] of rows.entries()) {
      // A node builds its index while it serves (the modules' prepare): 30,000 records are some 2 s of this thread's
      // time, so other requests get a turn between batches. Readers wait for the whole reading (refresh).
      if (at > 0 && at % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
      if (row.kind === null) continue;
      const kind = this.#kind(row.kind);
      if (row.removed) {
        kind.remove(row.record_id);
        continue;
      }
      kind.put(row.record_id, row.vector);
      this.vocabulary.add(readVector(row.words, fieldBoosts).lexemes);
    }
    const version = Number(rows[0]?.version ?? this.#syncedVersion);
    if (rows.some((row) => row.kind !== null)) this.#contentVersion = version;
    if (version > this.#syncedVersion) this.#syncedVersion = version;
  }

  #kind(name: string): KindIndex {
    let kind = this.#kinds.get(name);
    if (!kind) this.#kinds.set(name, (kind = new KindIndex()));
    return kind;
  }

  /** The records of a kind that match any slot, best first. */
  rank(kind: string, slots: QuerySlot[]): Ranking {
    return this.#kinds.get(kind)?.rank(slots) ?? Ranking.empty;
  }

  /** Where a record of a kind has each of the wanted lexemes it holds. */
  positionsIn(kind: string, id: number, wanted: ReadonlySet<string>): Map<string, Uint16Array> {
    return this.#kinds.get(kind)?.positionsIn(id, wanted) ?? new Map<string, Uint16Array>();
  }

  /** Which of the lexemes any of the records of a kind holds. */
  heldBy(kind: string, ids: readonly number[], lexemes: ReadonlySet<string>): Set<string> {
    return this.#kinds.get(kind)?.heldBy(ids, lexemes) ?? new Set<string>();
  }

  /** How many records of any kind hold the lexeme. */
  documentFrequency(lexeme: string): number {
    let count = 0;
    for (const kind of this.#kinds.values()) count += kind.documentFrequency(lexeme);
    return count;
  }
}

const indexes = new WeakMap<Executor, SearchIndex>();

/** The database's index, up to date with every write committed before this call. */
export async function searchIndexOf(db: Executor): Promise<SearchIndex> {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new SearchIndex(db)));
  await index.refresh();
  return index;
}
