/** Events in the platform-wide search: every event is public, found by its title, agenda, description and venue. */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { foundAmong, searchableKinds, shownRecords, type VisibleRecordsSource } from '../search/service.js';
import { shownEvents, visibleEvents } from './search-queries.js';

const visible: VisibleRecordsSource<null> = { kind: 'event', tables: ['events'], rows: (db) => visibleEvents(db) };

export const eventSearch = fill(searchableKinds, {
  kind: 'event',
  groupKey: 'events.search.group',
  countKey: 'events.search.count',
  async find(db, actor, match, limit) {
    if (!can(actor, 'event.read')) return { total: 0, items: [] };
    return foundAmong(db, visible, null, match, limit, async (ids, markings) =>
      shownRecords(await shownEvents(db, ids, markings), (row) => `/events/${row.id}`),
    );
  },
});
