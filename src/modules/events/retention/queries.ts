/** SQL for retention: how many participants of events that ended before a date still have their personal data. */
import { sql } from 'kysely';
import type { Executor } from '../../../core/db/database.js';

export function countAnonymisable(db: Executor, endedBefore: Date) {
  return sql<{ count: number }>`
    select count(*)::int as count from registrations r join events e on e.id = r.event_id
    where r.anonymised_at is null and e.ends_at < ${endedBefore}
  `.execute(db);
}
