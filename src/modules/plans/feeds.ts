/** The plans' public feed: each endorsed version of a Regional Action Plan, linked to that version's page. */
import { fill } from '../../core/extensions.js';
import { publicFeeds } from '../workspace/service.js';
import { planContentSchema } from './content.js';
import { newestEndorsed } from './feed-queries.js';

export const planFeed = fill(publicFeeds, {
  name: 'plans',
  titleKey: 'workspace.feeds.plansTitle',
  labelKey: 'workspace.feeds.plans',
  action: 'plan.read_endorsed',
  // The entry's words are the platform's, so they are written in the reader's language.
  entries: async (db, scope, { locale, t, formatDate }) => {
    return (await newestEndorsed(db, scope, 50)).map((row) => ({
      title: t('workspace.feeds.planEntry', { partner: row.partner_name, number: row.number }),
      path: `/plans/${row.id}?version=${row.number}`,
      updated: row.updated_at,
      published: row.updated_at,
      summary: t('workspace.feeds.planSummary', {
        date: row.endorsed_on ? formatDate(row.endorsed_on) : '',
        body: row.endorsing_body ?? '',
        actions: planContentSchema.parse(row.content).actions.length,
      }),
      author: row.partner_name,
      language: locale,
    }));
  },
});
