/**
 * The events' public feed: events announced and not over yet, newest announcement first; the summary says when, in
 * the event's own time zone and the reader's language, then what.
 */
import { fill } from '../../core/extensions.js';
import { publicFeeds } from '../workspace/service.js';
import { newestUpcoming } from './feed-queries.js';
import { formatEventTime } from './time.js';

/** Descriptions can be long; a feed reader shows the start and links to the page. */
const summaryLength = 500;

export const eventFeed = fill(publicFeeds, {
  name: 'events',
  titleKey: 'workspace.feeds.eventsTitle',
  labelKey: 'workspace.feeds.events',
  action: 'event.read',
  entries: async (db, scope, { locale }) =>
    (await newestUpcoming(db, scope, new Date(), 50)).map((row) => {
      const description = row.description.length > summaryLength ? `${row.description.slice(0, summaryLength - 1)}…` : row.description;
      return {
        title: row.title,
        path: `/events/${row.id}`,
        updated: row.updated_at,
        published: row.created_at,
        summary: `${formatEventTime(row.starts_at, row.ends_at, row.time_zone, locale)}. ${description}`.trim(),
        author: row.partner_name,
        language: null,
      };
    }),
});
