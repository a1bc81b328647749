/**
 * The `search.kinds` extension point: each module whose records the platform-wide search finds (practices, events,
 * plans …) describes each kind of record it owns, and answers for them: given the records the search index ranked
 * (best first), the ones the actor may see, in that order, with their titles and snippets marked. The search module
 * ranks and shows; each owner keeps its own visibility rules.
 */
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import type { Translate } from '../../core/i18n/i18n.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Actor } from '../../core/policy/actor.js';
import type { Ranking } from '../../core/search/search-index.js';
import { can, type PolicyAction } from '../../core/policy/policy.js';

/** The records of one kind the index found, best first, and the words they were found through (to mark them). */
export interface KindMatch {
  ranked: Ranking;
  /** What to mark in each of the records given: a tsquery of the query's words it holds (core/search/marked-words.ts). */
  markingsOf: (ids: readonly number[]) => string[];
}

/** One record found, as a result shows it. */
export interface FoundRecord {
  /** The id the index ranked (for a plan, its version; for an action, its version and key). */
  id: number;
  /** With the matched words between core/search/highlight.ts's marks. */
  title: string;
  /** The record's page. */
  url: string;
  /** A passage of its text, marked likewise; may be empty. */
  snippet: string;
  /** The language title and snippet are written in, when known. */
  language: Locale | null;
}

export interface FoundRecords {
  /** How many of the ranked records the actor may see. */
  total: number;
  /** The best `limit` of them, in the ranking's order. */
  items: FoundRecord[];
}

/** The language of the request, for the words a result adds to the record's own ("Regional Action Plan of …"). */
export interface Reader {
  locale: Locale;
  t: Translate;
}

export interface SearchableKind {
  /** The kind's name in search_documents, lower case: 'practice', 'event' … */
  kind: string;
  /** Catalogue key of the group's heading ("Good practices"). */
  groupKey: string;
  /** Catalogue key of a count of records of the kind, plural forms with {{count}} and {{formatted}} ("12 practices"). */
  countKey: string;
  /**
   * The actor's visible records among those ranked, in the ranking's order: how many, and the best `limit` with their
   * titles and snippets marked. Counted and chosen in memory, over the ids the kind's visibility rule lets the actor
   * see, kept per scope under the versions of the tables it reads (`foundAmong`, visible-records.ts); SQL reads only
   * the rows shown. A record written in several languages (an indicator's names) is shown in the reader's language
   * where it can be. With `limit` 0 (the kind filtered out) only the count is asked for.
   */
  find(db: Db, actor: Actor, match: KindMatch, limit: number, reader: Reader): Promise<FoundRecords>;
  /** Where "all N …" leads, when the kind has its own search page (the library); otherwise the platform search filtered to the kind. */
  allHref?: (q: string) => string;
}

export const searchableKinds = extensionPoint<SearchableKind>('search.kinds');

/** A row of a kind's query for the records shown: title and snippet marked (core/search/marking-queries.ts). */
export interface ShownRow {
  id: number;
  title: string;
  snippet: string;
  language: Locale | null;
}

/** The records shown, each with its page's URL. */
export function shownRecords<Row extends ShownRow>(rows: readonly Row[], urlOf: (row: Row) => string): FoundRecord[] {
  return rows.map((row) => ({ id: row.id, title: row.title, url: urlOf(row), snippet: row.snippet, language: row.language }));
}

/**
 * The programmes in which the actor may take a programme-wide action (see drafts, see unvalidated values), for a
 * kind's SQL: every programme for an administrator, else those of their memberships that the policy allows.
 */
export function programmesAllowing(actor: Actor, action: PolicyAction): { all: boolean; programmeIds: number[] } {
  if (actor.kind === 'system') return { all: true, programmeIds: [] };
  if (actor.kind !== 'user') return { all: false, programmeIds: [] };
  // An administrator's grant holds in every programme, so asking for none in particular answers for all.
  if (actor.isAdmin && can(actor, action)) return { all: true, programmeIds: [] };
  const programmeIds = [...new Set(actor.memberships.map((membership) => membership.programmeId))];
  return { all: false, programmeIds: programmeIds.filter((programmeId) => can(actor, action, { programmeId })) };
}
