/**
 * The library's catalogue: every practice's columns that the search filters, counts and orders by, kept in memory.
 * Counting five facets and picking a page among the thousands of practices a broad query shares a word
 * with took PostgreSQL 50–150 ms per query at 10,000 practices, on every node, and again after every write (the
 * ranked ids had to travel into SQL to be joined to their rows). Read once per change, the same work is a pass over
 * arrays in a few milliseconds, and SQL is asked only for the twenty rows of the page (issue #15). It is kept under
 * the practices table's own version, which every change to a practice raises: the catalogue a request uses holds every
 * such change committed before it asked, on any node, and writes to other records (reminders, registrations) leave it
 * kept.
 */
import { KeptPerVersion } from '../../../core/cache/kept-per-version.js';
import { tableVersionsOf } from '../../../core/cache/table-versions.js';
import type { Executor } from '../../../core/db/database.js';
import type { PracticeStatus } from '../tables.js';
import type { Facet } from './search.js';
import { catalogueRows } from './search-queries.js';

export interface CatalogueEntry {
  id: number;
  programmeId: number;
  ownerPartnerId: number;
  proposedByUserId: number | null;
  status: PracticeStatus;
  country: string | null;
  scope: string | null;
  themes: string[];
  /** Milliseconds since 1970, for ordering by the newest. */
  publishedAt: number | null;
  updatedAt: number;
}

/** A facet with one value per practice (or none: -1), as numbers standing for the values. */
export type SingleFacet = Exclude<Facet, 'theme'>;

/**
 * Each facet's values numbered, and each entry's values by number, so that counting a search's facets over
 * thousands of matches adds to arrays instead of looking up strings.
 */
export interface FacetCodes {
  values: Record<Facet, string[]>;
  single: Record<SingleFacet, Int32Array>;
  /** Every entry's theme codes one after the other: those of the entry at a place run from `themeStarts[place]` to `themeStarts[place + 1]`. */
  themeCodes: Int32Array;
  themeStarts: Int32Array;
}

export class Catalogue {
  /** In title order, as PostgreSQL collates `lower(title)` (the order of the list by title, unchanged from SQL). */
  readonly entries: readonly CatalogueEntry[];
  readonly codes: FacetCodes;
  /** Each id's place plus one (0: no such practice), by id: ids are the table's serial numbers, a dense range. */
  readonly #placeById: Int32Array;
  #newestFirst: Int32Array | null = null;

  constructor(entries: readonly CatalogueEntry[]) {
    this.entries = entries;
    this.#placeById = new Int32Array(entries.reduce((most, entry) => Math.max(most, entry.id), 0) + 1);
    entries.forEach((entry, place) => (this.#placeById[entry.id] = place + 1));
    this.codes = codesOf(entries);
  }

  /** The entry's place in `entries`, or undefined for a practice deleted since it was ranked. */
  placeOf(id: number): number | undefined {
    const place = this.#placeById[id];
    return place ? place - 1 : undefined;
  }

  /** The places from the newest to the oldest: published latest, then updated latest (unpublished last), then id. */
  get newestFirst(): Int32Array {
    if (!this.#newestFirst) {
      const order = this.entries.map((_, place) => place);
      const at = (place: number) => this.entries[place] as CatalogueEntry;
      order.sort((one, other) => {
        const [a, b] = [at(one), at(other)];
        if (a.publishedAt !== b.publishedAt) return a.publishedAt === null ? 1 : b.publishedAt === null ? -1 : b.publishedAt - a.publishedAt;
        return b.updatedAt - a.updatedAt || b.id - a.id;
      });
      this.#newestFirst = Int32Array.from(order);
    }
    return this.#newestFirst;
  }
}

function codesOf(entries: readonly CatalogueEntry[]): FacetCodes {
  const numbering: Record<Facet, Map<string, number>> = { theme: new Map(), country: new Map(), partner: new Map(), scope: new Map(), status: new Map() };
  const codeOf = (facet: Facet, value: string | null) => {
    if (value === null) return -1;
    const numbers = numbering[facet];
    let code = numbers.get(value);
    if (code === undefined) numbers.set(value, (code = numbers.size));
    return code;
  };
  const column = (facet: SingleFacet, valueOf: (entry: CatalogueEntry) => string | null) => Int32Array.from(entries, (entry) => codeOf(facet, valueOf(entry)));
  const single: Record<SingleFacet, Int32Array> = {
    country: column('country', (entry) => entry.country),
    partner: column('partner', (entry) => String(entry.ownerPartnerId)),
    scope: column('scope', (entry) => entry.scope),
    status: column('status', (entry) => entry.status),
  };
  const themeStarts = new Int32Array(entries.length + 1);
  entries.forEach((entry, place) => (themeStarts[place + 1] = (themeStarts[place] as number) + entry.themes.length));
  const themeCodes = Int32Array.from(
    entries.flatMap((entry) => entry.themes),
    (theme) => codeOf('theme', theme),
  );
  const values = Object.fromEntries(Object.entries(numbering).map(([facet, numbers]) => [facet, [...numbers.keys()]])) as Record<Facet, string[]>;
  return { values, single, themeCodes, themeStarts };
}

const kept = new WeakMap<Executor, KeptPerVersion<Catalogue>>();

/** The catalogue as of the practices table's version read now: every write committed before this call is in it. */
export async function catalogueOf(db: Executor): Promise<Catalogue> {
  // Read before the rows, so the catalogue is at least as new as the version it is kept under.
  const version = await tableVersionsOf(db, ['practices']);
  let catalogues = kept.get(db);
  if (!catalogues) kept.set(db, (catalogues = new KeptPerVersion(1)));
  return catalogues.get('catalogue', version, async () => {
    const rows = await catalogueRows(db);
    return new Catalogue(
      rows.map((row) => ({
        id: row.id,
        programmeId: row.programme_id,
        ownerPartnerId: row.owner_partner_id,
        proposedByUserId: row.proposed_by_user_id,
        status: row.status,
        country: row.location_country,
        scope: row.geographical_scope,
        themes: row.theme_codes,
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
      })),
    );
  });
}
