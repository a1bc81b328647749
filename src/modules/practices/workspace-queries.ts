/** SQL for My work (/me): the practices waiting for one person and their partners' drafts, one statement each. */
import type { Executor } from '../../core/db/database.js';

/** How many items of one kind /me lists at most: a longer list is worked through on the module's own pages. */
const shown = 50;

/** Submitted practices of the coordinator's programmes; proposals and returned practices of the editor's partners. */
export function practicesWaiting(db: Executor, reviewProgrammes: readonly number[], editedPartners: readonly number[]) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'language', 'status', 'programme_id', 'owner_partner_id'])
    .where((eb) =>
      eb.or([
        ...(reviewProgrammes.length > 0 ? [eb.and([eb('status', '=', 'submitted'), eb('programme_id', 'in', reviewProgrammes)])] : []),
        ...(editedPartners.length > 0 ? [eb.and([eb('status', 'in', ['proposed', 'returned']), eb('owner_partner_id', 'in', editedPartners)])] : []),
      ]),
    )
    .orderBy('updated_at')
    .orderBy('id')
    .limit(shown)
    .execute();
}

/** The drafts of the editor's partners, the most recently changed first. */
export function practiceDrafts(db: Executor, editedPartners: readonly number[]) {
  return db
    .selectFrom('practices')
    .select(['id', 'title', 'language', 'programme_id', 'owner_partner_id'])
    .where('status', '=', 'draft')
    .where('owner_partner_id', 'in', editedPartners)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(shown)
    .execute();
}
