/** The SQL of the CPSV-AP export: the published instruments in batches. */
import type { Db } from '../../../core/db/database.js';

/** One batch of published instruments after the given id, with their owner partner, for the CPSV-AP export. */
export function publishedBatch(db: Db, afterId: number, size: number, programmeId: number | undefined) {
  let query = db
    .selectFrom('instruments')
    .innerJoin('partners', 'partners.id', 'instruments.partner_id')
    .select([
      'instruments.id',
      'instruments.name',
      'instruments.description',
      'instruments.text_language',
      'instruments.kind',
      'instruments.theme_code',
      'instruments.channels',
      'instruments.audiences',
      'instruments.languages',
      'instruments.is_free',
      'instruments.cost_description',
      'instruments.stage',
      'instruments.partner_id',
      'partners.name as partner_name',
      'partners.nuts_code',
      'partners.nuts_name',
    ])
    .where('instruments.published', '=', true)
    .where('instruments.id', '>', afterId)
    .orderBy('instruments.id')
    .limit(size);
  if (programmeId !== undefined) query = query.where('instruments.programme_id', '=', programmeId);
  return query.execute();
}
