/**
 * Which practices a library search finds and in what order, decided over the catalogue (catalogue.ts): those the
 * reader may see, among what the query's words found (or every practice without words), that pass the filters. Facet
 * counts are taken over the matches with each facet under the other filters, so every option shows what choosing it
 * would give.
 */
import type { Catalogue, CatalogueEntry, FacetCodes, SingleFacet } from './catalogue.js';
import type { Facet, FacetCounts, SearchFilters, SearchOrder, TextMatch, Visibility } from './search.js';

/** Whether the reader may find the practice: published, or within their roles (coordinator, editor, proposer). */
export function mayFind(entry: CatalogueEntry, visibility: Visibility): boolean {
  if (visibility.allStatuses || entry.status === 'published') return true;
  if (visibility.programmeIds.includes(entry.programmeId)) return true;
  if (visibility.partnerIds.includes(entry.ownerPartnerId) && entry.status !== 'declined') return true;
  return visibility.proposerUserId !== null && entry.proposedByUserId === visibility.proposerUserId;
}

const singleFacets: readonly SingleFacet[] = ['country', 'partner', 'scope', 'status'];

/** For each facet, which of its numbered values the filters choose (null: the filter is not used). */
function chosenCodes(codes: FacetCodes, filters: SearchFilters): Record<Facet, Uint8Array | null> {
  const chosen = (facet: Facet, values: readonly (string | number)[]) => {
    if (values.length === 0) return null;
    const wanted = new Set(values.map(String));
    return Uint8Array.from(codes.values[facet], (value) => (wanted.has(value) ? 1 : 0));
  };
  return {
    theme: chosen('theme', filters.themes),
    country: chosen('country', filters.countries),
    partner: chosen('partner', filters.partners),
    scope: chosen('scope', filters.scopes),
    status: chosen('status', filters.statuses),
  };
}

export interface LibraryMatches {
  facets: FacetCounts;
  /**
   * The ids of the matches passing every filter, in the order asked (`relevance` is the ranking's, the newest without
   * words): all of them, or the `limit` from `offset` on (a page: only its ids are made and ordered).
   */
  ordered(order: SearchOrder | 'id', offset?: number, limit?: number): number[];
}

/** Whether the reader may find the practice at a place: mayFind, answered from the status alone for most readers. */
function finderFor(catalogue: Catalogue, visibility: Visibility): (place: number) => boolean {
  if (visibility.allStatuses) return () => true;
  const published = catalogue.codes.values.status.indexOf('published');
  const statuses = catalogue.codes.single.status;
  const hasRoles = visibility.programmeIds.length > 0 || visibility.partnerIds.length > 0 || visibility.proposerUserId !== null;
  if (!hasRoles) return (place) => statuses[place] === published;
  return (place) => statuses[place] === published || mayFind(catalogue.entries[place] as CatalogueEntry, visibility);
}

/** What the search finds in the catalogue, with its facet counts. */
export function matchesOf(catalogue: Catalogue, filters: SearchFilters, visibility: Visibility, match: TextMatch | null): LibraryMatches {
  const { codes } = catalogue;
  const chosen = chosenCodes(codes, filters);
  const mayFindAt = finderFor(catalogue, visibility);
  // The hot loop reads the single-valued facets by position: the same order in each of these arrays.
  const columns = singleFacets.map((facet) => codes.single[facet]);
  const accepted = singleFacets.map((facet) => chosen[facet]);
  const tallies = singleFacets.map((facet) => new Int32Array(codes.values[facet].length));
  const themeTallies = new Int32Array(codes.values.theme.length);
  const { themeCodes, themeStarts } = codes;
  const tallyThemes = (place: number) => {
    for (let at = themeStarts[place] as number; at < (themeStarts[place + 1] as number); at += 1) {
      const code = themeCodes[at] as number;
      themeTallies[code] = (themeTallies[code] as number) + 1;
    }
  };
  const tally = (facet: number, place: number) => {
    const code = (columns[facet] as Int32Array)[place] as number;
    const counts = tallies[facet] as Int32Array;
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
  };
  const themeFilter = chosen.theme;
  const hasTheme = (place: number, wanted: Uint8Array) => {
    for (let at = themeStarts[place] as number; at < (themeStarts[place + 1] as number); at += 1) if (wanted[themeCodes[at] as number] === 1) return true;
    return false;
  };
  // Without filters (most searches) every match the reader may find passes: the failures are not looked for.
  const filtered = themeFilter !== null || accepted.some((wanted) => wanted !== null);
  let complete = 0;
  // Places in the catalogue of the matches passing every filter, in the ranking's order.
  const passing: number[] = [];
  const consider = (place: number, hasEveryWord: boolean) => {
    if (!mayFindAt(place)) return;
    if (filtered) {
      // Which filters the practice fails: -1 for themes, a position in singleFacets for the others.
      let failures = 0;
      let failed = -1;
      if (themeFilter !== null && !hasTheme(place, themeFilter)) failures += 1;
      for (let facet = 0; facet < columns.length; facet += 1) {
        const wanted = accepted[facet];
        if (wanted === null || wanted === undefined || wanted[(columns[facet] as Int32Array)[place] as number] === 1) continue;
        failures += 1;
        failed = facet;
      }
      if (failures === 1) {
        // A facet's options count the practices passing every other filter.
        if (failed === -1) tallyThemes(place);
        else tally(failed, place);
      }
      if (failures > 0) return;
    }
    passing.push(place);
    if (hasEveryWord) complete += 1;
    tallyThemes(place);
    for (let facet = 0; facet < columns.length; facet += 1) tally(facet, place);
  };
  if (match) {
    const { ids, matchedSlots } = match.ranking;
    for (let at = 0; at < ids.length; at += 1) {
      const place = catalogue.placeOf(ids[at] as number);
      if (place !== undefined) consider(place, matchedSlots[at] === match.slots);
    }
  } else {
    for (let place = 0; place < catalogue.entries.length; place += 1) consider(place, true);
  }
  // A loop rather than flatMap: the partner facet has a value per partner (2,000 at scale), most of them not found.
  const counted = (facet: Facet, counts: Int32Array) => {
    const values = codes.values[facet];
    const found = new Map<string, number>();
    for (let code = 0; code < values.length; code += 1) {
      const count = counts[code] as number;
      if (count > 0) found.set(values[code] as string, count);
    }
    return found;
  };
  const countsOf = Object.fromEntries(singleFacets.map((facet, at) => [facet, counted(facet, tallies[at] as Int32Array)])) as Record<
    SingleFacet,
    Map<string, number>
  >;
  const idsOf = (places: readonly number[]) => places.map((place) => (catalogue.entries[place] as CatalogueEntry).id);
  return {
    facets: { total: passing.length, complete, counts: { theme: counted('theme', themeTallies), ...countsOf } },
    ordered(order, offset = 0, limit = Number.POSITIVE_INFINITY) {
      const end = offset + limit;
      if (order === 'id')
        return idsOf(passing)
          .sort((one, other) => one - other)
          .slice(offset, end);
      if (order === 'relevance' && match) return idsOf(passing.slice(offset, end));
      // By title (the catalogue's order) or the newest (its newest-first order): that order walked, keeping the places
      // passing, until the page is full — not thousands of matches sorted for twenty.
      const isPassing = new Uint8Array(catalogue.entries.length);
      for (const place of passing) isPassing[place] = 1;
      const walk = order === 'title' ? null : catalogue.newestFirst;
      const places: number[] = [];
      for (let at = 0; at < isPassing.length && places.length < end; at += 1) {
        const place = walk ? (walk[at] as number) : at;
        if (isPassing[place] === 1) places.push(place);
      }
      return idsOf(places.slice(offset));
    },
  };
}
