/** The platform search's queries over indicators: enabled ones, public ones for everyone, all of them for the programme's staff. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import type { Locale } from '../../core/i18n/locales.js';
import { markedPassage, markedWhole, shownTable } from '../../core/search/marking-queries.js';
import type { ShownRow, VisibleRow } from '../search/service.js';

/** Who sees every enabled indicator of a programme, public or not: every programme's staff, or those of the programmes given. */
export interface IndicatorStaff {
  all: boolean;
  programmeIds: number[];
}

/** The ids of the indicators the staff's scope shows (see search/visible-records.ts). */
export async function visibleIndicators(db: Executor, staff: IndicatorStaff): Promise<VisibleRow[]> {
  const visible = staff.all ? sql`true` : sql`(i.public or i.programme_id = any(${staff.programmeIds}::int[]))`;
  const { rows } = await sql<VisibleRow>`select i.id, i.id as listed_as from indicators i where i.enabled and ${visible}`.execute(db);
  return rows;
}

/**
 * The indicators shown, in the order given: each named in the reader's language when it has a name in it, else in
 * English, else in its first language, with its definition in the same language.
 */
export async function shownIndicators(db: Executor, ids: readonly number[], markings: readonly string[], locale: Locale): Promise<ShownRow[]> {
  const query = sql<string>`page.marking`;
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<ShownRow>`
    select page.id, ${markedWhole(config, sql`page.code || ' – ' || coalesce(page.names ->> page.language, '')`, query)} as title,
      ${markedPassage(config, sql`coalesce(page.definitions ->> page.language, '')`, query)} as snippet, page.language
    from (
      select i.id, i.code, i.names, i.definitions, shown.marking, shown.position,
        case when i.names ? ${locale} then ${locale} when i.names ? 'en' then 'en' else (select min(key) from jsonb_object_keys(i.names) as key) end as language
      from ${shownTable(ids, markings)} join indicators i on i.id = shown.id
    ) as page
    order by page.position
  `.execute(db);
  return rows;
}
