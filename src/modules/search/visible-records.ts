/**
 * Which of a kind's records a reader may find, kept in memory per scope of visibility, so that counting a search's
 * matches and choosing the best few is a pass over the ranking instead of a query. Each kind's SQL used to receive
 * every ranked id (10,000 instruments, 9,000 actions for a broad query) to apply its visibility rule, count and pick
 * three, on every request, even when the ranking itself was kept (docs/performance/search.md, fourth pass). Now the
 * kind's own visibility condition is asked once per scope — `select id … where <condition>` — and kept under the
 * versions of the tables it reads (core/cache/table-versions.ts): the set a search uses holds every write to those
 * tables committed before it asked, on any node, and SQL reads only the rows shown.
 * A scope is what the kind derives from the actor (the instruments' Visibility, the programmes whose drafts one
 * sees): plain data whose arrays are sets, so that readers with the same roles, and every anonymous visitor, share one.
 */
import { KeptPerVersion } from '../../core/cache/kept-per-version.js';
import { tableVersionsOf } from '../../core/cache/table-versions.js';
import type { Executor } from '../../core/db/database.js';
import type { Ranking } from '../../core/search/search-index.js';
import type { FoundRecord, FoundRecords, KindMatch } from './kinds.js';

/**
 * A record the reader may find: its id in the search index, and the record it is listed as, found once through its
 * best-ranked id (a plan through the best of its readable versions); its own id when each id is listed alone.
 */
export interface VisibleRow {
  id: number;
  listed_as: number;
}

/** How a kind's visible records are read: its tables (any write to them is a new version) and its visibility's query. */
export interface VisibleRecordsSource<Scope> {
  /** The kind's name, naming what is kept. */
  kind: string;
  /** Every table the query reads, each with its own version (table_versions). */
  tables: readonly string[];
  rows(db: Executor, scope: Scope): Promise<VisibleRow[]>;
}

export interface ChosenIds {
  /** How many records the ranking finds that the reader may see (each listed record once). */
  total: number;
  /** The best `limit` of them, in the ranking's order. */
  ids: number[];
}

/**
 * A kind's visible ids, each with what it is listed as. What a ranking gives is kept with the ranking (a kept ranking
 * is the same array each time, core/search/rankings.ts), so a search repeated while neither changes does not go
 * through the thousands of ranked ids again.
 */
export class VisibleRecords {
  readonly size: number;
  /**
   * Each visible id's place plus one, by id (0: not visible). Ids are the tables' serial numbers, a dense range, so a
   * ranked id is looked up in one step: a binary search of the sorted ids for each of the thousands a broad query
   * ranks in each kind was a sixth of a platform search's time (docs/performance/search.md, eleventh pass).
   */
  readonly #placeById: Int32Array;
  /** What the record at each place is listed as, when ids are grouped into records (plans' versions). */
  readonly #listedAs: Int32Array | null;
  /** One more than the highest record listed as, to mark those already counted by number. */
  readonly #listedLimit: number;
  readonly #chosen = new WeakMap<Ranking, ChosenIds & { limit: number }>();

  constructor(rows: readonly VisibleRow[]) {
    this.size = rows.length;
    this.#placeById = new Int32Array(rows.reduce((most, row) => Math.max(most, row.id), 0) + 1);
    rows.forEach((row, place) => (this.#placeById[row.id] = place + 1));
    this.#listedAs = rows.every((row) => row.listed_as === row.id) ? null : Int32Array.from(rows, (row) => row.listed_as);
    this.#listedLimit = this.#listedAs ? rows.reduce((most, row) => Math.max(most, row.listed_as), 0) + 1 : 0;
  }

  /** The visible records among those ranked (best first; ids no longer visible, or deleted, are passed over). */
  among(ranked: Ranking, limit: number): ChosenIds {
    let chosen = this.#chosen.get(ranked);
    if (!chosen || chosen.limit < limit) this.#chosen.set(ranked, (chosen = { ...this.#choose(ranked, limit), limit }));
    return { total: chosen.total, ids: chosen.ids.slice(0, limit) };
  }

  #choose(ranked: Ranking, limit: number): ChosenIds {
    const placeById = this.#placeById;
    const listedAs = this.#listedAs;
    // Records are serial numbers too: a byte each marks those counted, cheaper than a set for thousands ranked.
    const listed = listedAs ? new Uint8Array(this.#listedLimit) : null;
    const ids: number[] = [];
    let total = 0;
    const rankedIds = ranked.ids;
    for (let at = 0; at < rankedIds.length; at += 1) {
      const id = rankedIds[at] as number;
      // An id beyond the highest visible one (a record written since) reads undefined: not visible.
      const place = (placeById[id] ?? 0) - 1;
      if (place < 0) continue;
      if (listedAs && listed) {
        const record = listedAs[place] as number;
        if (listed[record] === 1) continue;
        listed[record] = 1;
      }
      total += 1;
      if (ids.length < limit) ids.push(id);
    }
    return { total, ids };
  }
}

/**
 * The most scopes kept per kind, least recently used out first: staff of a few dozen programmes searching at once.
 * A scope of a kind takes 4 bytes per id up to the kind's highest visible one (and 4 more per visible id when ids are
 * grouped): at the benchmark's scale (10,000 practices and instruments, 2,000 events, 1,500 plans, about 9,000
 * actions) a scope of every kind takes at most about 250 kB, so 50 scopes of every kind stay under 13 MB.
 */
const scopesKept = 50;

const kept = new WeakMap<Executor, Map<string, KeptPerVersion<VisibleRecords>>>();

/** Arrays as sets (sorted, once each), so that the same roles given in another order share a key. */
function keyOf(scope: unknown): string {
  return JSON.stringify(scope, (_name: string, value: unknown) => (Array.isArray(value) ? [...new Set(value as unknown[])].sort() : value)) ?? '';
}

/** The kind's records visible under the scope, as of table versions read now: every write committed before this call is in it. */
export async function visibleRecordsOf<Scope>(db: Executor, source: VisibleRecordsSource<Scope>, scope: Scope): Promise<VisibleRecords> {
  // Read before the rows, so the set is at least as new as the versions it is kept under.
  const version = await tableVersionsOf(db, source.tables);
  let kinds = kept.get(db);
  if (!kinds) kept.set(db, (kinds = new Map<string, KeptPerVersion<VisibleRecords>>()));
  let scopes = kinds.get(source.kind);
  if (!scopes) kinds.set(source.kind, (scopes = new KeptPerVersion(scopesKept)));
  return scopes.get(keyOf(scope), version, async () => new VisibleRecords(await source.rows(db, scope)));
}

/**
 * A kind's answer to the platform search (SearchableKind.find): the count and the best `limit` chosen in memory, then
 * the rows of those alone read by `shown` (in the order given) with the words to mark in them; no query at all when
 * none is shown.
 */
export async function foundAmong<Scope>(
  db: Executor,
  source: VisibleRecordsSource<Scope>,
  scope: Scope,
  { ranked, markingsOf }: KindMatch,
  limit: number,
  shown: (ids: number[], markings: string[]) => Promise<FoundRecord[]>,
): Promise<FoundRecords> {
  const { total, ids } = (await visibleRecordsOf(db, source, scope)).among(ranked, limit);
  return { total, items: ids.length === 0 ? [] : await shown(ids, markingsOf(ids)) };
}
