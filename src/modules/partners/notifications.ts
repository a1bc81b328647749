/** The names of followed partners, for the notifications module's lists of what a person follows. */
import type { Db } from '../../core/db/database.js';
import { fill } from '../../core/extensions.js';
import { followTargets } from '../notifications/service.js';
import { listPartnerNames } from './queries.js';

export const partnerFollowTargets = fill(followTargets, {
  type: 'partner',
  async describe(db: Db, ids: readonly number[]) {
    const rows = await listPartnerNames(db, ids);
    return new Map(rows.map((row) => [row.id, { title: row.name, href: `/partners/${row.id}` }]));
  },
});
