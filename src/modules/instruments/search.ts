/** Instruments in the platform-wide search, as the catalogue shows them to the actor (published, or within their roles). */
import { fill } from '../../core/extensions.js';
import { foundRecords, searchableKinds } from '../search/service.js';
import { visibilityOf } from './catalogue/service.js';
import { findRankedInstruments } from './search-queries.js';

export const instrumentSearch = fill(searchableKinds, {
  kind: 'instrument',
  groupKey: 'instruments.search.group',
  countKey: 'instruments.search.count',
  async find(db, actor, { ranked, words }, limit) {
    return foundRecords(await findRankedInstruments(db, visibilityOf(actor), ranked, words, limit), (row) => `/instruments/${row.id}`);
  },
});
