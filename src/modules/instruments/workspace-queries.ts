/** SQL for My work (/me): the editor's partners' instruments not published yet. */
import type { Executor } from '../../core/db/database.js';

export function instrumentDrafts(db: Executor, editedPartners: readonly number[]) {
  return db
    .selectFrom('instruments')
    .select(['id', 'name', 'text_language', 'programme_id', 'partner_id'])
    .where('published', '=', false)
    .where('partner_id', 'in', editedPartners)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(50)
    .execute();
}
