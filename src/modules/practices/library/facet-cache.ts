/**
 * The library's facet counts, kept per data version. Counting every facet over the matches is the library page's
 * largest query at programme scale (15–25 ms over 5,800 practices on a quiet machine, the same for every visitor
 * opening the library), while practices change far less often than the library is read (issue #13). Kept under the
 * filters and the reader's visibility, so each reader gets the counts of what they may see; any write raises the
 * version, so the counts are exact at the next request.
 */
import { dataVersionOf } from '../../../core/cache/data-version.js';
import { KeptPerVersion } from '../../../core/cache/kept-per-version.js';
import type { Executor } from '../../../core/db/database.js';
import type { FacetCounts, SearchFilters, TextMatch, Visibility } from './search.js';
import { facetCounts } from './search-queries.js';

/**
 * Searches kept per database: the library without words and the common searches. A whole-library entry names every
 * owner partner (2,000 at scale, about 100 kB); a search's far fewer, so this stays within a few megabytes.
 */
const limit = 100;
const keptByDatabase = new WeakMap<Executor, KeptPerVersion<FacetCounts>>();

/** The counts for the filters, the reader's visibility and what the search words found (which the words and version decide). */
export async function keptFacetCounts(db: Executor, filters: SearchFilters, visibility: Visibility, match: TextMatch | null): Promise<FacetCounts> {
  // Read before counting, so the counts are at least as new as the version they are kept under.
  const version = String(await dataVersionOf(db));
  let kept = keptByDatabase.get(db);
  if (!kept) {
    kept = new KeptPerVersion(limit);
    keptByDatabase.set(db, kept);
  }
  const asked = { ...filters };
  return kept.get(JSON.stringify([asked, visibility, match?.indexVersion]), version, () => facetCounts(db, asked, visibility, match));
}
