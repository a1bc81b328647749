/** Indicators in the platform-wide search, as the results dashboard shows them (public ones; all for the programme's staff). */
import { fill } from '../../core/extensions.js';
import { foundAmong, programmesAllowing, searchableKinds, shownRecords, type VisibleRecordsSource } from '../search/service.js';
import { shownIndicators, visibleIndicators, type IndicatorStaff } from './search-queries.js';

const visible: VisibleRecordsSource<IndicatorStaff> = { kind: 'indicator', tables: ['indicators'], rows: visibleIndicators };

export const indicatorSearch = fill(searchableKinds, {
  kind: 'indicator',
  groupKey: 'results.search.group',
  countKey: 'results.search.count',
  async find(db, actor, match, limit, { locale }) {
    return foundAmong(db, visible, programmesAllowing(actor, 'results.read_unvalidated'), match, limit, async (ids, markings) =>
      shownRecords(await shownIndicators(db, ids, markings, locale), (row) => `/results/indicators/${row.id}`),
    );
  },
});
