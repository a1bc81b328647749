/**
 * The platform search's queries over plans and their actions, found by version: everyone finds what a plan's latest
 * endorsed version says, the programme's staff also what the version being written says; each plan (each action) is
 * listed once, through its best-matching version.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, markedWordsQuery, rankedTable } from '../../core/search/marking-queries.js';
import type { FoundRow } from '../search/service.js';

export interface FoundVersionRow extends FoundRow {
  plan_id: number | null;
  number: number | null;
  partner_name: string | null;
  action_key: string | null;
}

/** Who sees the versions being written: every programme's staff, or those of the programmes given. */
export interface DraftReaders {
  all: boolean;
  programmeIds: number[];
}

/**
 * The versions the actor may read, as `readable(id, plan_id)`: each plan's latest endorsed one, and the open one for
 * the plan's peers. A few thousand rows at most, read before the ranked ids are joined to them.
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

/** How many plans have a readable version among those ranked, and the best `limit`: the partner's name, the instruments' words. */
export async function findRankedPlans(
  db: Executor,
  drafts: DraftReaders,
  ranked: readonly { id: number }[],
  words: string[],
  limit: number,
): Promise<FoundVersionRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<FoundVersionRow>`
    with ${readableVersions(drafts)},
    found as (
      select distinct on (readable.plan_id) readable.id, ranked.position
      from readable join ${rankedTable(ranked)} on ranked.id = readable.id
      order by readable.plan_id, ranked.position
    ),
    top as (select id, position from found order by position limit ${limit})
    select counted.total, page.id, page.plan_id, page.number, null::text as action_key,
      ${markedWhole(config, sql`page.partner_name`, query)} as partner_name, null::text as title,
      ${markedPassage(config, sql`page.text`, query)} as snippet, page.language
    from (select count(*)::int as total from found) as counted
    left join lateral (
      select v.id, v.plan_id, v.number, pa.name as partner_name, top.position, ${language} as language,
        (select string_agg(concat_ws(' – ', i ->> 'name', i ->> 'improvement'), '. ') from jsonb_array_elements(v.content -> 'instruments') as i) as text
      from top join plan_versions v on v.id = top.id join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
    ) as page on true
    order by page.position
  `.execute(db);
  return rows;
}

/** How many actions have a readable version among those ranked, and the best `limit` with title and description marked. */
export async function findRankedActions(
  db: Executor,
  drafts: DraftReaders,
  ranked: readonly { id: number }[],
  words: string[],
  limit: number,
): Promise<FoundVersionRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<FoundVersionRow>`
    with ${readableVersions(drafts)},
    found as (
      select distinct on (readable.plan_id, d.action_key) d.id, ranked.position
      from plan_action_documents d join ${rankedTable(ranked)} on ranked.id = d.id join readable on readable.id = d.version_id
      order by readable.plan_id, d.action_key, ranked.position
    ),
    top as (select id, position from found order by position limit ${limit})
    select counted.total, page.id, page.plan_id, page.number, page.action_key, page.partner_name,
      ${markedWhole(config, sql`coalesce(page.action ->> 'title', '')`, query)} as title,
      ${markedPassage(config, sql`concat_ws(' ', page.action ->> 'description', page.action ->> 'background')`, query)} as snippet, page.language
    from (select count(*)::int as total from found) as counted
    left join lateral (
      select d.id, d.action_key, v.plan_id, v.number, pa.name as partner_name, top.position, ${language} as language,
        (select a from jsonb_array_elements(v.content -> 'actions') as a where a ->> 'key' = d.action_key) as action
      from top join plan_action_documents d on d.id = top.id join plan_versions v on v.id = d.version_id
        join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
    ) as page on true
    order by page.position
  `.execute(db);
  return rows;
}
