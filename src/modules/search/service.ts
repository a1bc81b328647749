/**
 * The platform-wide search: the words are analysed once (core/search: stems in five languages, the glossary's
 * synonyms and translations, typo corrections), each installed kind's records ranked by the search index, and each
 * owning module asked which of them the actor may see (the `search.kinds` point). Groups follow the platform's module order.
 */
import type { Db } from '../../core/db/database.js';
import { contributionsTo } from '../../core/module.js';
import type { Actor } from '../../core/policy/actor.js';
import { analyseQuery } from '../../core/search/query-analysis.js';
import { markingQueriesOf } from '../../core/search/marked-words.js';
import { rankingOf } from '../../core/search/rankings.js';
import { searchIndexOf, type Ranking } from '../../core/search/search-index.js';
import { searchableKinds, type FoundRecord, type Reader, type SearchableKind } from './kinds.js';
import type { PlatformSearchQuery } from './schema.js';

export * from './kinds.js';
export * from './visible-records.js';
export { platformSearchSchema, maxQueryLength, type PlatformSearchQuery } from './schema.js';

/** How many results each group shows when every kind is shown; a kind chosen alone shows pages of `pageSize`. */
export const groupSize = 3;
export const pageSize = 20;

export interface FoundResult extends FoundRecord {
  /** Whether it has every word of the query (or an alternative of it). */
  complete: boolean;
}

export interface ResultGroup {
  kind: string;
  groupKey: string;
  countKey: string;
  /** The records of the kind the actor may see that match. */
  total: number;
  /** Those shown: the best few, or a page when the kind is chosen alone; none for a kind filtered out. */
  items: FoundResult[];
  /** Where "all N …" leads. */
  allHref: string;
}

export interface PlatformSearch {
  /** Every installed kind with its count, shown or not (the filters' counts). */
  groups: ResultGroup[];
  total: number;
  /** The query with its typos corrected, when that finds what the typed words do not. */
  suggestion: string | null;
  /** Results were found, but none of those shown has every word. */
  partial: boolean;
  page: number;
  pageCount: number;
}

/** The installed kinds, in the platform's module order. */
export function installedKinds(): SearchableKind[] {
  return contributionsTo(searchableKinds);
}

/** The kinds asked for that no installed module offers (a mistyped or outdated link). */
export function unknownKinds(kinds: readonly string[]): string[] {
  const known = new Set(installedKinds().map((kind) => kind.kind));
  return kinds.filter((kind) => !known.has(kind));
}

export function searchHref(q: string, kinds: readonly string[] = [], page = 1): string {
  const parameters = new URLSearchParams();
  if (q) parameters.set('q', q);
  for (const kind of kinds) parameters.append('kind', kind);
  if (page > 1) parameters.set('page', String(page));
  const search = parameters.toString();
  return `/search${search ? `?${search}` : ''}`;
}

/** The answer when nothing is searched (no words, or a query refused): every kind, none found. */
export function nothingSearched(q: string): PlatformSearch {
  return { groups: installedKinds().map((kind) => groupOf(kind, q, 0, [])), total: 0, suggestion: null, partial: false, page: 1, pageCount: 1 };
}

/** Every kind's matches the actor may see, grouped; nothing without words. */
export async function searchPlatform(db: Db, actor: Actor, query: PlatformSearchQuery, reader: Reader): Promise<PlatformSearch> {
  const kinds = installedKinds();
  if (query.q.trim() === '') return nothingSearched(query.q);
  const index = await searchIndexOf(db);
  const analysed = await analyseQuery(db, index, query.q);
  const alone = query.kind.length === 1;
  const page = alone ? query.page : 1;
  const groups = await Promise.all(
    kinds.map(async (kind) => {
      const ranked = rankingOf(index, kind.kind, analysed, query.q);
      if (ranked.length === 0) return groupOf(kind, query.q, 0, []);
      const shown = query.kind.length === 0 || query.kind.includes(kind.kind);
      const limit = !shown ? 0 : alone ? page * pageSize : groupSize;
      const markingsOf = (ids: readonly number[]) => markingQueriesOf(index, kind.kind, ids, analysed);
      const found = await kind.find(db, actor, { ranked, markingsOf }, limit, reader);
      const pageItems = alone ? found.items.slice((page - 1) * pageSize) : found.items;
      const complete = completeAmong(ranked, pageItems, analysed.slots.length);
      const items = pageItems.map((item) => ({ ...item, complete: complete.has(item.id) }));
      return groupOf(kind, query.q, found.total, items);
    }),
  );
  const shownItems = groups.flatMap((group) => group.items);
  const chosen = groups.filter((group) => query.kind.length === 0 || query.kind.includes(group.kind));
  const total = chosen.reduce((sum, group) => sum + group.total, 0);
  const pageCount = alone ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  // A page beyond the last (an old link, fewer matches since) is answered as the last.
  if (page > pageCount) return searchPlatform(db, actor, { ...query, page: pageCount }, reader);
  return {
    groups,
    total,
    suggestion: analysed.suggestion,
    partial: shownItems.length > 0 && shownItems.every((item) => !item.complete),
    page,
    pageCount,
  };
}

/**
 * Which of the records shown have every slot of the query. They are among the first ranked, so the search stops
 * when it has met them all, instead of going through thousands of ranked records for a few shown.
 */
function completeAmong(ranked: Ranking, shown: readonly FoundRecord[], slots: number): Set<number> {
  const wanted = new Set(shown.map((item) => item.id));
  const complete = new Set<number>();
  for (let at = 0; at < ranked.length && wanted.size > 0; at += 1) {
    const id = ranked.ids[at] as number;
    if (wanted.delete(id) && ranked.matchedSlots[at] === slots) complete.add(id);
  }
  return complete;
}

function groupOf(kind: SearchableKind, q: string, total: number, items: FoundResult[]): ResultGroup {
  return { kind: kind.kind, groupKey: kind.groupKey, countKey: kind.countKey, total, items, allHref: kind.allHref?.(q) ?? searchHref(q, [kind.kind]) };
}
