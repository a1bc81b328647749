/** SQL for the plans' public feed: endorsed versions of a programme's or a partner's plans, newest endorsement first. */
import type { Executor } from '../../core/db/database.js';

export function newestEndorsed(db: Executor, scope: { programmeId?: number | undefined; partnerId?: number | undefined }, limit: number) {
  let query = db
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .innerJoin('partners', 'partners.id', 'plans.partner_id')
    .select([
      'plans.id',
      'plan_versions.number',
      'plan_versions.content',
      'plan_versions.endorsed_on',
      'plan_versions.endorsing_body',
      'plan_versions.approved_at',
      'plan_versions.updated_at',
      'partners.name as partner_name',
    ])
    .where('plan_versions.status', '=', 'endorsed');
  if (scope.programmeId !== undefined) query = query.where('plans.programme_id', '=', scope.programmeId);
  if (scope.partnerId !== undefined) query = query.where('plans.partner_id', '=', scope.partnerId);
  return query.orderBy('plan_versions.updated_at', 'desc').orderBy('plan_versions.id', 'desc').limit(limit).execute();
}
