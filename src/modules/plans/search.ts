/**
 * Regional Action Plans and their actions in the platform-wide search: the public finds endorsed plans, the
 * programme's staff (who review drafts: plan.read_draft) also the versions being written. Each plan (each action) is
 * found once, through its best-ranked readable version.
 */
import { fill } from '../../core/extensions.js';
import { foundAmong, programmesAllowing, searchableKinds, shownRecords, type VisibleRecordsSource } from '../search/service.js';
import { shownActions, shownPlanVersions, visibleActions, visiblePlanVersions, type DraftReaders } from './search-queries.js';

/** The readable versions depend on the plans' programmes and the versions' statuses; the actions on their documents too. */
const visiblePlans: VisibleRecordsSource<DraftReaders> = { kind: 'plan', tables: ['plans', 'plan_versions'], rows: visiblePlanVersions };
const visibleActionsOf: VisibleRecordsSource<DraftReaders> = {
  kind: 'action',
  tables: ['plans', 'plan_versions', 'plan_action_documents'],
  rows: visibleActions,
};

const planSearch = fill(searchableKinds, {
  kind: 'plan',
  groupKey: 'plans.search.group',
  countKey: 'plans.search.count',
  async find(db, actor, match, limit, { t }) {
    return foundAmong(db, visiblePlans, programmesAllowing(actor, 'plan.read_draft'), match, limit, async (ids, markings) => {
      const rows = await shownPlanVersions(db, ids, markings);
      const named = rows.map((row) => ({ ...row, title: t('plans.document.title', { partner: row.partner_name }) }));
      return shownRecords(named, (row) => `/plans/${row.plan_id}?version=${row.number}`);
    });
  },
});

const actionSearch = fill(searchableKinds, {
  kind: 'action',
  groupKey: 'plans.search.actionGroup',
  countKey: 'plans.search.actionCount',
  async find(db, actor, match, limit) {
    return foundAmong(db, visibleActionsOf, programmesAllowing(actor, 'plan.read_draft'), match, limit, async (ids, markings) =>
      shownRecords(await shownActions(db, ids, markings), (row) => `/plans/${row.plan_id}?version=${row.number}#action-${row.action_key}`),
    );
  },
});

export const planSearchFills = [planSearch, actionSearch];
