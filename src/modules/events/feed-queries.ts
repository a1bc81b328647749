/** SQL for the events' public feed: the events of a programme or host partner that have not ended, newest announced first. */
import type { Executor } from '../../core/db/database.js';

export function newestUpcoming(db: Executor, scope: { programmeId?: number | undefined; partnerId?: number | undefined }, now: Date, limit: number) {
  let query = db
    .selectFrom('events')
    .innerJoin('partners', 'partners.id', 'events.host_partner_id')
    .select([
      'events.id',
      'events.title',
      'events.description',
      'events.starts_at',
      'events.ends_at',
      'events.time_zone',
      'events.created_at',
      'events.updated_at',
      'partners.name as partner_name',
    ])
    .where('events.ends_at', '>', now);
  if (scope.programmeId !== undefined) query = query.where('events.programme_id', '=', scope.programmeId);
  if (scope.partnerId !== undefined) query = query.where('events.host_partner_id', '=', scope.partnerId);
  return query.orderBy('events.created_at', 'desc').orderBy('events.id', 'desc').limit(limit).execute();
}
