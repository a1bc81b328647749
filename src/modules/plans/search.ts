/**
 * Regional Action Plans and their actions in the platform-wide search: the public finds endorsed plans, the
 * programme's staff (who review drafts: plan.read_draft) also the versions being written.
 */
import { fill } from '../../core/extensions.js';
import { foundRecords, programmesAllowing, searchableKinds } from '../search/service.js';
import { findRankedActions, findRankedPlans } from './search-queries.js';

const planSearch = fill(searchableKinds, {
  kind: 'plan',
  groupKey: 'plans.search.group',
  countKey: 'plans.search.count',
  async find(db, actor, { ranked, words }, limit, { t }) {
    const rows = await findRankedPlans(db, programmesAllowing(actor, 'plan.read_draft'), ranked, words, limit);
    const named = rows.map((row) => ({ ...row, title: row.partner_name === null ? null : t('plans.document.title', { partner: row.partner_name }) }));
    return foundRecords(named, (row) => `/plans/${row.plan_id}?version=${row.number}`);
  },
});

const actionSearch = fill(searchableKinds, {
  kind: 'action',
  groupKey: 'plans.search.actionGroup',
  countKey: 'plans.search.actionCount',
  async find(db, actor, { ranked, words }, limit) {
    const rows = await findRankedActions(db, programmesAllowing(actor, 'plan.read_draft'), ranked, words, limit);
    return foundRecords(rows, (row) => `/plans/${row.plan_id}?version=${row.number}#action-${row.action_key}`);
  },
});

export const planSearchFills = [planSearch, actionSearch];
