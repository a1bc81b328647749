/** Events in the platform-wide search: every event is public, found by its title, agenda, description and venue. */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { foundRecords, searchableKinds } from '../search/service.js';
import { findRankedEvents } from './search-queries.js';

export const eventSearch = fill(searchableKinds, {
  kind: 'event',
  groupKey: 'events.search.group',
  countKey: 'events.search.count',
  async find(db, actor, { ranked, words }, limit) {
    if (!can(actor, 'event.read')) return { total: 0, items: [] };
    return foundRecords(await findRankedEvents(db, ranked, words, limit), (row) => `/events/${row.id}`);
  },
});
