/** The platform search's query over instruments: published ones, and the unpublished ones the actor's roles show. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, markedWordsQuery, rankedTable } from '../../core/search/marking-queries.js';
import type { FoundRow } from '../search/service.js';
import type { Visibility } from './catalogue/queries.js';

/** The catalogue's rule (catalogue/queries.ts visibleTo) over the alias `i`. */
function visibleCondition(visibility: Visibility): RawBuilder<boolean> {
  if (visibility.allUnpublished) return sql<boolean>`true`;
  const options = [sql`i.published`];
  if (visibility.partnerIds.length) options.push(sql`i.partner_id = any(${visibility.partnerIds}::int[])`);
  if (visibility.programmeIds.length) options.push(sql`i.programme_id = any(${visibility.programmeIds}::int[])`);
  return sql<boolean>`(${sql.join(options, sql` or `)})`;
}

/** How many of the ranked instruments the actor sees, and the best `limit` with name and description marked. */
export async function findRankedInstruments(
  db: Executor,
  visibility: Visibility,
  ranked: readonly { id: number }[],
  words: string[],
  limit: number,
): Promise<FoundRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.text_language)`;
  const { rows } = await sql<FoundRow>`
    with found as (select i.id, ranked.position from instruments i join ${rankedTable(ranked)} on ranked.id = i.id where ${visibleCondition(visibility)}),
    top as (select id, position from found order by position limit ${limit})
    select counted.total, page.id, ${markedWhole(config, sql`page.name`, query)} as title,
      ${markedPassage(config, sql`page.description`, query)} as snippet, page.text_language as language
    from (select count(*)::int as total from found) as counted
    left join lateral (select i.id, i.name, i.description, i.text_language, top.position from top join instruments i on i.id = top.id) as page on true
    order by page.position
  `.execute(db);
  return rows;
}
