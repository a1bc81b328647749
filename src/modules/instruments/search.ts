/** Instruments in the platform-wide search, as the catalogue shows them to the actor (published, or within their roles). */
import { fill } from '../../core/extensions.js';
import { foundAmong, searchableKinds, shownRecords, type VisibleRecordsSource } from '../search/service.js';
import type { Visibility } from './catalogue/queries.js';
import { visibilityOf } from './catalogue/service.js';
import { shownInstruments, visibleInstruments } from './search-queries.js';

const visible: VisibleRecordsSource<Visibility> = { kind: 'instrument', tables: ['instruments'], rows: visibleInstruments };

export const instrumentSearch = fill(searchableKinds, {
  kind: 'instrument',
  groupKey: 'instruments.search.group',
  countKey: 'instruments.search.count',
  async find(db, actor, match, limit) {
    return foundAmong(db, visible, visibilityOf(actor), match, limit, async (ids, markings) =>
      shownRecords(await shownInstruments(db, ids, markings), (row) => `/instruments/${row.id}`),
    );
  },
});
