/**
 * The ranking side of search: an inverted index of every searchable record (search_documents, kept by triggers —
 * migrations/20261209_0900_search_index.ts), held in memory by each node and brought up to date from the database
 * before every ranking that follows a write, so a change is found at once on every node. It scores with BM25 over
 * field-weighted term frequencies (title counts more than body), with query "slots" (a word, or a phrase of the
 * glossary, each with alternative readings: stems in the five languages, translations, a typo's correction) scored by
 * their best alternative. The database remains the only source of truth: a node that starts builds its index from it.
 */
import { sql } from 'kysely';
import { DataVersionReader, dataVersionOf } from '../cache/data-version.js';
import type { Executor } from '../db/database.js';
import { weightedLexemes, type FieldBoosts } from './tsvector.js';

/** Title occurrences count three times a body occurrence; a summary or keyword twice; practical details half. */
const fieldBoosts: FieldBoosts = { A: 3, B: 2, C: 1, D: 0.5 };
/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const k1 = 1.2;
const b = 0.75;

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
}

export interface RankedRecord {
  id: number;
  score: number;
  /** How many of the query's slots the record matches. */
  matchedSlots: number;
}

interface Posting {
  ids: number[];
  weights: number[];
}

interface IndexedRecord {
  length: number;
  lexemes: string[];
  words: string[];
}

/** The records of one kind (practices, events, …). */
class KindIndex {
  readonly postings = new Map<string, Posting>();
  readonly records = new Map<number, IndexedRecord>();
  totalLength = 0;

  put(id: number, vector: string, words: string[]): void {
    this.remove(id);
    const lexemes = weightedLexemes(vector, fieldBoosts);
    let length = 0;
    for (const { lexeme, weight } of lexemes) {
      let posting = this.postings.get(lexeme);
      if (!posting) this.postings.set(lexeme, (posting = { ids: [], weights: [] }));
      posting.ids.push(id);
      posting.weights.push(weight);
      length += weight;
    }
    this.records.set(id, { length, lexemes: lexemes.map((entry) => entry.lexeme), words });
    this.totalLength += length;
  }

  remove(id: number): void {
    const record = this.records.get(id);
    if (!record) return;
    for (const lexeme of record.lexemes) {
      const posting = this.postings.get(lexeme);
      if (!posting) continue;
      const at = posting.ids.indexOf(id);
      if (at === -1) continue;
      posting.ids.splice(at, 1);
      posting.weights.splice(at, 1);
      if (posting.ids.length === 0) this.postings.delete(lexeme);
    }
    this.records.delete(id);
    this.totalLength -= record.length;
  }

  /** How rare a lexeme is (BM25's inverse document frequency): a word in few records tells more about them. */
  rarityOf(lexeme: string): number {
    const holders = this.postings.get(lexeme)?.ids.length ?? 0;
    return holders === 0 ? 0 : Math.log(1 + (this.records.size - holders + 0.5) / (holders + 0.5));
  }

  /** Each record's BM25 score for one lexeme. */
  scoresOf(lexeme: string): Map<number, number> {
    const scores = new Map<number, number>();
    const posting = this.postings.get(lexeme);
    if (!posting) return scores;
    const averageLength = this.totalLength / this.records.size;
    const rarity = this.rarityOf(lexeme);
    for (let at = 0; at < posting.ids.length; at += 1) {
      const id = posting.ids[at] as number;
      const weight = posting.weights[at] as number;
      const length = this.records.get(id)?.length ?? averageLength;
      scores.set(id, (rarity * weight * (k1 + 1)) / (weight + k1 * (1 - b + (b * length) / averageLength)));
    }
    return scores;
  }

  documentFrequency(lexeme: string): number {
    return this.postings.get(lexeme)?.ids.length ?? 0;
  }

  rank(slots: QuerySlot[]): RankedRecord[] {
    const totals = new Map<number, RankedRecord & { matchedRarity: number }>();
    // How much each slot tells: the rarity of its rarest word as typed (a slot of common words tells little).
    const slotRarity = slots.map((slot) =>
      Math.max(0, ...(slot.alternatives[0]?.words ?? []).flatMap((readings) => readings.map((lexeme) => this.rarityOf(lexeme)))),
    );
    const queryRarity = slotRarity.reduce((sum, rarity) => sum + rarity, 0);
    for (const [slotAt, slot] of slots.entries()) {
      const best = new Map<number, number>();
      for (const alternative of slot.alternatives) {
        // An alternative of several words ("virtual assistant") counts by the share of its words a record has.
        const summed = new Map<number, number>();
        for (const readings of alternative.words) {
          const wordScores = new Map<number, number>();
          for (const lexeme of new Set(readings)) {
            for (const [id, score] of this.scoresOf(lexeme)) if (score > (wordScores.get(id) ?? 0)) wordScores.set(id, score);
          }
          for (const [id, score] of wordScores) summed.set(id, (summed.get(id) ?? 0) + score);
        }
        for (const [id, score] of summed) {
          const weighted = (alternative.boost * score) / alternative.words.length;
          if (weighted > (best.get(id) ?? 0)) best.set(id, weighted);
        }
      }
      for (const [id, score] of best) {
        const total = totals.get(id) ?? { id, score: 0, matchedSlots: 0, matchedRarity: 0 };
        total.score += score;
        total.matchedSlots += 1;
        total.matchedRarity += slotRarity[slotAt] ?? 0;
        totals.set(id, total);
      }
    }
    // Records with more of what the query says first among near scores: a coordination factor by the share of the
    // query's rarity matched, so missing a common word ("online") costs less than missing a rare one ("permit").
    return [...totals.values()]
      .map(({ id, score, matchedSlots, matchedRarity }) => ({
        id,
        matchedSlots,
        score: score * (0.5 + 0.5 * (queryRarity > 0 ? matchedRarity / queryRarity : matchedSlots / Math.max(1, slots.length))),
      }))
      .sort((one, other) => other.score - one.score || other.id - one.id);
  }
}

/** The words written in the records (lower case), with how many records use each: what a typo is corrected to. */
export class Vocabulary {
  readonly #records = new Map<string, number>();

  add(words: readonly string[]): void {
    for (const word of words) this.#records.set(word, (this.#records.get(word) ?? 0) + 1);
  }

  remove(words: readonly string[]): void {
    for (const word of words) {
      const count = (this.#records.get(word) ?? 0) - 1;
      if (count > 0) this.#records.set(word, count);
      else this.#records.delete(word);
    }
  }

  has(word: string): boolean {
    return this.#records.has(word);
  }

  recordsUsing(word: string): number {
    return this.#records.get(word) ?? 0;
  }

  words(): IterableIterator<string> {
    return this.#records.keys();
  }
}

/** A changed record, or (kind null) the version alone when nothing changed. */
interface DocumentRow {
  kind: string | null;
  record_id: number;
  removed: boolean;
  vector: string;
  words: string;
  version: string | number;
}

/** The index of one database, shared by every request of the process. */
export class SearchIndex {
  readonly #db: Executor;
  readonly #kinds = new Map<string, KindIndex>();
  readonly vocabulary = new Vocabulary();
  readonly #version: DataVersionReader;
  #syncedVersion = 0;
  #syncing: Promise<void> | null = null;

  constructor(db: Executor) {
    this.#db = db;
    this.#version = new DataVersionReader(() => dataVersionOf(db));
  }

  /** The data version the index holds every record of. */
  get version(): number {
    return this.#syncedVersion;
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
    // One statement, so the version it reads and the rows it returns are of the same snapshot.
    const { rows } = await sql<DocumentRow>`
      select v.version, d.kind, d.record_id, d.removed, d.vector::text as vector, d.words::text as words
      from (select version from data_version) as v left join search_documents d on d.revision > ${this.#syncedVersion}
    `.execute(this.#db);
    for (const row of rows) {
      if (row.kind === null) continue;
      const kind = this.#kind(row.kind);
      const before = kind.records.get(row.record_id);
      if (before) this.vocabulary.remove(before.words);
      if (row.removed) {
        kind.remove(row.record_id);
        continue;
      }
      const words = weightedLexemes(row.words, fieldBoosts).map((entry) => entry.lexeme);
      kind.put(row.record_id, row.vector, words);
      this.vocabulary.add(words);
    }
    const version = Number(rows[0]?.version ?? this.#syncedVersion);
    if (version > this.#syncedVersion) this.#syncedVersion = version;
  }

  #kind(name: string): KindIndex {
    let kind = this.#kinds.get(name);
    if (!kind) this.#kinds.set(name, (kind = new KindIndex()));
    return kind;
  }

  /** The records of a kind that match any slot, best first. */
  rank(kind: string, slots: QuerySlot[]): RankedRecord[] {
    return this.#kinds.get(kind)?.rank(slots) ?? [];
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
