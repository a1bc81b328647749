/**
 * The platform search's queries over plans and their actions, found by version: everyone finds what a plan's latest
 * endorsed version says, the programme's staff also what the version being written says; each plan (each action) is
 * listed once, through its best-matching version.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, shownTable } from '../../core/search/marking-queries.js';
import type { ShownRow, VisibleRow } from '../search/service.js';

export interface ShownVersionRow extends ShownRow {
  plan_id: number;
  number: number;
  partner_name: string;
  action_key: string | null;
}

/** Who sees the versions being written: every programme's staff, or those of the programmes given. */
export interface DraftReaders {
  all: boolean;
  programmeIds: number[];
}

/**
 * The versions the actor may read, as `readable(id, plan_id)`: each plan's latest endorsed one, and the open one for
 * the plan's peers. A few thousand rows at most.
 */
function readableVersions(drafts: DraftReaders): RawBuilder<unknown> {
  const peers = drafts.all ? sql`true` : sql`p.programme_id = any(${drafts.programmeIds}::int[])`;
  return sql`readable as (
      (select distinct on (plan_id) id, plan_id from plan_versions where status = 'endorsed' order by plan_id, number desc)
      union all
      select v.id, v.plan_id from plan_versions v join plans p on p.id = v.plan_id where v.status <> 'endorsed' and ${peers}
    )`;
}

const language = sql`coalesce(v.content ->> 'language', (select pr.text_language from programmes pr where pr.id = p.programme_id))`;

/** The plan versions the actor may read, each listed as its plan (found once, through its best-ranked version). */
export async function visiblePlanVersions(db: Executor, drafts: DraftReaders): Promise<VisibleRow[]> {
  const { rows } = await sql<VisibleRow>`with ${readableVersions(drafts)} select id, plan_id as listed_as from readable`.execute(db);
  return rows;
}

/** The actions of the versions the actor may read, each listed as its plan's action (its key within the plan). */
export async function visibleActions(db: Executor, drafts: DraftReaders): Promise<VisibleRow[]> {
  const { rows } = await sql<VisibleRow>`
    with ${readableVersions(drafts)}
    select d.id, (dense_rank() over (order by readable.plan_id, d.action_key))::int as listed_as
    from plan_action_documents d join readable on readable.id = d.version_id
  `.execute(db);
  return rows;
}

/** The plan versions shown, in the order given: the partner's name and the instruments' words marked. */
export async function shownPlanVersions(db: Executor, ids: readonly number[], markings: readonly string[]): Promise<ShownVersionRow[]> {
  const query = sql<string>`page.marking`;
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<ShownVersionRow>`
    select page.id, page.plan_id, page.number, null::text as action_key,
      ${markedWhole(config, sql`page.partner_name`, query)} as partner_name, '' as title,
      ${markedPassage(config, sql`page.text`, query)} as snippet, page.language
    from (
      select v.id, v.plan_id, v.number, pa.name as partner_name, shown.marking, shown.position, ${language} as language,
        (select string_agg(concat_ws(' – ', i ->> 'name', i ->> 'improvement'), '. ') from jsonb_array_elements(v.content -> 'instruments') as i) as text
      from ${shownTable(ids, markings)} join plan_versions v on v.id = shown.id join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
    ) as page
    order by page.position
  `.execute(db);
  return rows;
}

/** The actions shown, in the order given, with their title and description marked. */
export async function shownActions(db: Executor, ids: readonly number[], markings: readonly string[]): Promise<ShownVersionRow[]> {
  const query = sql<string>`page.marking`;
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<ShownVersionRow>`
    select page.id, page.plan_id, page.number, page.action_key, page.partner_name,
      ${markedWhole(config, sql`coalesce(page.action ->> 'title', '')`, query)} as title,
      ${markedPassage(config, sql`concat_ws(' ', page.action ->> 'description', page.action ->> 'background')`, query)} as snippet, page.language
    from (
      select d.id, d.action_key, v.plan_id, v.number, pa.name as partner_name, shown.marking, shown.position, ${language} as language,
        (select a from jsonb_array_elements(v.content -> 'actions') as a where a ->> 'key' = d.action_key) as action
      from ${shownTable(ids, markings)} join plan_action_documents d on d.id = shown.id join plan_versions v on v.id = d.version_id
        join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
    ) as page
    order by page.position
  `.execute(db);
  return rows;
}
