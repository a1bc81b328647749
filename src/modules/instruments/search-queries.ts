/** The platform search's queries over instruments: published ones, and the unpublished ones the actor's roles show. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, shownTable } from '../../core/search/marking-queries.js';
import type { ShownRow, VisibleRow } from '../search/service.js';
import type { Visibility } from './catalogue/queries.js';

/** The catalogue's rule (catalogue/queries.ts visibleTo) over the alias `i`. */
function visibleCondition(visibility: Visibility): RawBuilder<boolean> {
  if (visibility.allUnpublished) return sql<boolean>`true`;
  const options = [sql`i.published`];
  if (visibility.partnerIds.length) options.push(sql`i.partner_id = any(${visibility.partnerIds}::int[])`);
  if (visibility.programmeIds.length) options.push(sql`i.programme_id = any(${visibility.programmeIds}::int[])`);
  return sql<boolean>`(${sql.join(options, sql` or `)})`;
}

/** The ids of the instruments the visibility shows (see search/visible-records.ts). */
export async function visibleInstruments(db: Executor, visibility: Visibility): Promise<VisibleRow[]> {
  const { rows } = await sql<VisibleRow>`select i.id, i.id as listed_as from instruments i where ${visibleCondition(visibility)}`.execute(db);
  return rows;
}

/** The instruments shown, in the order given, with their name and description marked. */
export async function shownInstruments(db: Executor, ids: readonly number[], markings: readonly string[]): Promise<ShownRow[]> {
  const query = sql<string>`shown.marking`;
  const config = sql`practice_text_config(i.text_language)`;
  const { rows } = await sql<ShownRow>`
    select i.id, ${markedWhole(config, sql`i.name`, query)} as title, ${markedPassage(config, sql`i.description`, query)} as snippet,
      i.text_language as language
    from ${shownTable(ids, markings)} join instruments i on i.id = shown.id
    order by shown.position
  `.execute(db);
  return rows;
}
