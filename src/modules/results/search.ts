/** Indicators in the platform-wide search, as the results dashboard shows them (public ones; all for the programme's staff). */
import { fill } from '../../core/extensions.js';
import { foundRecords, programmesAllowing, searchableKinds } from '../search/service.js';
import { findRankedIndicators } from './search-queries.js';

export const indicatorSearch = fill(searchableKinds, {
  kind: 'indicator',
  groupKey: 'results.search.group',
  countKey: 'results.search.count',
  async find(db, actor, { ranked, words }, limit, { locale }) {
    const staff = programmesAllowing(actor, 'results.read_unvalidated');
    return foundRecords(await findRankedIndicators(db, staff, ranked, words, limit, locale), (row) => `/results/indicators/${row.id}`);
  },
});
