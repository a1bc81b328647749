/** The platform search's query over events: every event is public (event.read), so all ranked events are found. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, markedWordsQuery, rankedTable } from '../../core/search/marking-queries.js';
import type { FoundRow } from '../search/service.js';

/** How many of the ranked events there are, and the best `limit` with their title and description marked (one row when none). */
export async function findRankedEvents(db: Executor, ranked: readonly { id: number }[], words: string[], limit: number): Promise<FoundRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.text_language)`;
  const { rows } = await sql<FoundRow>`
    with found as (select e.id, ranked.position from events e join ${rankedTable(ranked)} on ranked.id = e.id),
    top as (select id, position from found order by position limit ${limit})
    select counted.total, page.id, ${markedWhole(config, sql`page.title`, query)} as title,
      ${markedPassage(config, sql`page.description`, query)} as snippet, page.text_language as language
    from (select count(*)::int as total from found) as counted
    left join lateral (select e.id, e.title, e.description, e.text_language, top.position from top join events e on e.id = top.id) as page on true
    order by page.position
  `.execute(db);
  return rows;
}
