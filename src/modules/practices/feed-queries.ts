/** SQL for the practices' public feed: the newest published practices of a programme or of an owner partner. */
import type { Executor } from '../../core/db/database.js';

export function newestPublished(db: Executor, scope: { programmeId?: number | undefined; partnerId?: number | undefined }, limit: number) {
  let query = db
    .selectFrom('practices')
    .innerJoin('partners', 'partners.id', 'practices.owner_partner_id')
    .select([
      'practices.id',
      'practices.title',
      'practices.summary',
      'practices.language',
      'practices.updated_at',
      'practices.published_at',
      'partners.name as partner_name',
    ])
    .where('practices.status', '=', 'published');
  if (scope.programmeId !== undefined) query = query.where('practices.programme_id', '=', scope.programmeId);
  if (scope.partnerId !== undefined) query = query.where('practices.owner_partner_id', '=', scope.partnerId);
  return query.orderBy('practices.published_at', 'desc').orderBy('practices.id', 'desc').limit(limit).execute();
}
