/** The platform search's queries over events: every event is public (event.read), so every event may be found. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, shownTable } from '../../core/search/marking-queries.js';
import type { ShownRow, VisibleRow } from '../search/service.js';

/** Every event's id (see search/visible-records.ts). */
export async function visibleEvents(db: Executor): Promise<VisibleRow[]> {
  const { rows } = await sql<VisibleRow>`select id, id as listed_as from events`.execute(db);
  return rows;
}

/** The events shown, in the order given, with their title and description marked. */
export async function shownEvents(db: Executor, ids: readonly number[], markings: readonly string[]): Promise<ShownRow[]> {
  const query = sql<string>`shown.marking`;
  const config = sql`practice_text_config(e.text_language)`;
  const { rows } = await sql<ShownRow>`
    select e.id, ${markedWhole(config, sql`e.title`, query)} as title, ${markedPassage(config, sql`e.description`, query)} as snippet,
      e.text_language as language
    from ${shownTable(ids, markings)} join events e on e.id = shown.id
    order by shown.position
  `.execute(db);
  return rows;
}
