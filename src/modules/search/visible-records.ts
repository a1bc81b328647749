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
 * A kind's visible ids, sorted, with what each is listed as: 4 bytes an id, 8 when ids are grouped into records. What
 * a ranking gives is kept with the ranking (a kept ranking is the same array each time, core/search/rankings.ts), so
 * a search repeated while neither changes does not go through the thousands of ranked ids again.
 */
export class VisibleRecords {
  readonly #ids: Int32Array;
  readonly #listedAs: Int32Array | null;
  readonly #chosen = new WeakMap<Ranking, ChosenIds & { limit: number }>();

  constructor(rows: readonly VisibleRow[]) {
    const sorted = [...rows].sort((one, other) => one.id - other.id);
    this.#ids = Int32Array.from(sorted, (row) => row.id);
    this.#listedAs = sorted.every((row) => row.listed_as === row.id) ? null : Int32Array.from(sorted, (row) => row.listed_as);
  }

  get size(): number {
    return this.#ids.length;
  }

  /** The visible records among those ranked (best first; ids no longer visible, or deleted, are passed over). */
  among(ranked: Ranking, limit: number): ChosenIds {
    let chosen = this.#chosen.get(ranked);
    if (!chosen || chosen.limit < limit) this.#chosen.set(ranked, (chosen = { ...this.#choose(ranked, limit), limit }));
    return { total: chosen.total, ids: chosen.ids.slice(0, limit) };
  }

  #choose(ranked: Ranking, limit: number): ChosenIds {
    const listedAs = this.#listedAs;
    const listed = listedAs ? new Set<number>() : null;
    const ids: number[] = [];
    let total = 0;
    for (const id of ranked.ids) {
      const at = this.#placeOf(id);
      if (at < 0) continue;
      if (listedAs && listed) {
        const record = listedAs[at] as number;
        if (listed.has(record)) continue;
        listed.add(record);
      }
      total += 1;
      if (ids.length < limit) ids.push(id);
    }
    return { total, ids };
  }

  /** The id's place in the sorted ids, or -1. */
  #placeOf(id: number): number {
    const ids = this.#ids;
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = ids[middle] as number;
      if (found === id) return middle;
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/**
 * The most scopes kept per kind, least recently used out first: staff of a few dozen programmes searching at once.
 * At the benchmark's scale (10,000 practices and instruments, 2,000 events, 1,500 plans, about 9,000 actions) a scope
 * of every kind takes at most about 250 kB, so 50 scopes of every kind stay under 13 MB.
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
