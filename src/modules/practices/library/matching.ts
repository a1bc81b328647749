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
  /** The ids of the matches passing every filter, in the order asked: `relevance` is the ranking's (newest without words). */
  ordered(order: SearchOrder | 'id'): number[];
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
  const tallyThemes = (place: number) => {
    for (const code of codes.themes[place] as number[]) themeTallies[code] = (themeTallies[code] as number) + 1;
  };
  const tally = (facet: number, place: number) => {
    const code = (columns[facet] as Int32Array)[place] as number;
    const counts = tallies[facet] as Int32Array;
    if (code >= 0) counts[code] = (counts[code] as number) + 1;
  };
  const themeFilter = chosen.theme;
  let complete = 0;
  // Places in the catalogue of the matches passing every filter, in the ranking's order.
  const passing: number[] = [];
  const consider = (place: number, hasEveryWord: boolean) => {
    if (!mayFindAt(place)) return;
    // Which filters the practice fails: -1 for themes, a position in singleFacets for the others.
    let failures = 0;
    let failed = -1;
    if (themeFilter !== null && !(codes.themes[place] as number[]).some((code) => themeFilter[code] === 1)) failures += 1;
    for (let facet = 0; facet < columns.length; facet += 1) {
      const wanted = accepted[facet];
      if (wanted === null || wanted === undefined || wanted[(columns[facet] as Int32Array)[place] as number] === 1) continue;
      failures += 1;
      failed = facet;
    }
    if (failures === 0) {
      passing.push(place);
      if (hasEveryWord) complete += 1;
      tallyThemes(place);
      for (let facet = 0; facet < columns.length; facet += 1) tally(facet, place);
    } else if (failures === 1) {
      // A facet's options count the practices passing every other filter.
      if (failed === -1) tallyThemes(place);
      else tally(failed, place);
    }
  };
  if (match) {
    for (let at = 0; at < match.ids.length; at += 1) {
      const place = catalogue.placeOf(match.ids[at] as number);
      if (place !== undefined) consider(place, match.complete[at] === true);
    }
  } else {
    for (let place = 0; place < catalogue.entries.length; place += 1) consider(place, true);
  }
  const counted = (facet: Facet, counts: Int32Array) =>
    new Map(codes.values[facet].flatMap((value, code) => ((counts[code] as number) > 0 ? [[value, counts[code] as number] as const] : [])));
  const countsOf = Object.fromEntries(singleFacets.map((facet, at) => [facet, counted(facet, tallies[at] as Int32Array)])) as Record<
    SingleFacet,
    Map<string, number>
  >;
  const idsOf = (places: readonly number[]) => places.map((place) => (catalogue.entries[place] as CatalogueEntry).id);
  return {
    facets: { total: passing.length, complete, counts: { theme: counted('theme', themeTallies), ...countsOf } },
    ordered(order) {
      if (order === 'id') return idsOf(passing).sort((one, other) => one - other);
      if (order === 'relevance' && match) return idsOf(passing);
      if (order === 'title') return idsOf([...passing].sort((one, other) => one - other));
      const rank = catalogue.newestRank;
      return idsOf([...passing].sort((one, other) => (rank[one] as number) - (rank[other] as number)));
    },
  };
}
