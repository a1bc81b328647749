/** The platform search's query over indicators: enabled ones, public ones for everyone, all of them for the programme's staff. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import { markedPassage, markedWhole, markedWordsQuery, rankedTable } from '../../core/search/marking-queries.js';
import type { FoundRow } from '../search/service.js';

/**
 * How many of the ranked indicators the actor sees, and the best `limit`: each named in the reader's language when it
 * has a name in it, else in English, else in its first language, with its definition in the same language.
 */
export async function findRankedIndicators(
  db: Executor,
  staff: { all: boolean; programmeIds: number[] },
  ranked: readonly { id: number }[],
  words: string[],
  limit: number,
  locale: Locale,
): Promise<FoundRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.language)`;
  const visible = staff.all ? sql`true` : sql`(i.public or i.programme_id = any(${staff.programmeIds}::int[]))`;
  const { rows } = await sql<FoundRow>`
    with found as (select i.id, ranked.position from indicators i join ${rankedTable(ranked)} on ranked.id = i.id where i.enabled and ${visible}),
    top as (select id, position from found order by position limit ${limit})
    select counted.total, page.id, ${markedWhole(config, sql`page.code || ' – ' || coalesce(page.names ->> page.language, '')`, query)} as title,
      ${markedPassage(config, sql`coalesce(page.definitions ->> page.language, '')`, query)} as snippet, page.language
    from (select count(*)::int as total from found) as counted
    left join lateral (
      select i.id, i.code, i.names, i.definitions, top.position,
        case when i.names ? ${locale} then ${locale} when i.names ? 'en' then 'en' else (select min(key) from jsonb_object_keys(i.names) as key) end as language
      from top join indicators i on i.id = top.id
    ) as page on true
    order by page.position
  `.execute(db);
  return rows;
}
