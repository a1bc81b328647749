/**
 * The good practice library's public API: what other modules, the composition root, the test scaffolding and the
 * benchmark may use. Each sub-capability (library, needs, transfers) keeps its use cases in its own service.ts.
 */
import type { Db } from '../../core/db/database.js';
import { listPublishedOnThemes } from './library/queries.js';

export * from './library/service.js';
export * from './needs/service.js';
export * from './needs/recommendations.js';
export * from './transfers/service.js';
export { transferEventSource, type TransferEvent, type TransferEventSource } from './transfers/events.js';
export { practiceSchema, searchQuerySchema, type PracticeFormInput } from './schema.js';

/** Published practices of a programme on any of the themes (what other modules suggest, e.g. for a weak maturity dimension). */
export async function listPublishedPracticesOnThemes(
  db: Db,
  programmeId: number,
  themeCodes: readonly string[],
  limit = 10,
): Promise<{ id: number; title: string; ownerPartnerId: number; themeCodes: string[] }[]> {
  if (themeCodes.length === 0) return [];
  const rows = await listPublishedOnThemes(db, programmeId, themeCodes, limit);
  return rows.map((row) => ({ id: row.id, title: row.title, ownerPartnerId: row.owner_partner_id, themeCodes: row.theme_codes }));
}

/** The library's relevance yardstick (the judged set, its figures and the BM25 baseline), for the search benchmark. */
export { bm25Ranker, type Bm25Document } from './library/relevance/bm25.js';
export { judgedKeyOf, measureRelevance, type MeasuredQuery } from './library/relevance/measure.js';
export { meanFigures, type Figures } from './library/relevance/metrics.js';
export { loadRelevanceSet, readRelevanceSet, type RelevanceSet } from './library/relevance/set.js';
