/** The practices' public feed: newly published good practices, each in the language it is written in. */
import { fill } from '../../core/extensions.js';
import { publicFeeds } from '../workspace/service.js';
import { newestPublished } from './feed-queries.js';

export const practiceFeed = fill(publicFeeds, {
  name: 'practices',
  titleKey: 'workspace.feeds.practicesTitle',
  labelKey: 'workspace.feeds.practices',
  action: 'practice.read_published',
  entries: async (db, scope) =>
    (await newestPublished(db, scope, 50)).map((row) => ({
      title: row.title,
      path: `/practices/${row.id}`,
      updated: row.updated_at,
      published: row.published_at,
      summary: row.summary,
      author: row.partner_name,
      language: row.language,
    })),
});
