/**
 * The platform search's queries over plans and their actions, found by version: everyone finds what a plan's latest
 * endorsed version says, the programme's staff also what the version being written says; each plan (each action) is
 * listed once, through its best-matching version.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../core/db/database.js';
import { markedPassage, markedWhole, markedWordsQuery, rankedTable } from '../../core/search/highlight.js';
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

/** The versions of plan `p` the actor may read as `v`: the latest endorsed one, and the open one for its peers. */
function readableVersion(drafts: DraftReaders): RawBuilder<boolean> {
  const peers = drafts.all ? sql`true` : sql`p.programme_id = any(${drafts.programmeIds}::int[])`;
  return sql<boolean>`((v.status = 'endorsed' and v.number = (select max(e.number) from plan_versions e where e.plan_id = v.plan_id and e.status = 'endorsed'))
    or (v.status <> 'endorsed' and ${peers}))`;
}

const language = sql`coalesce(v.content ->> 'language', (select pr.text_language from programmes pr where pr.id = p.programme_id))`;

/** How many plans have a readable version among those ranked, and the best `limit`: the partner's name, the instruments' words. */
export async function findRankedPlans(
  db: Executor,
  drafts: DraftReaders,
  ranked: { id: number; score: number }[],
  words: string[],
  limit: number,
): Promise<FoundVersionRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<FoundVersionRow>`
    with found as (
      select distinct on (v.plan_id) v.id, ranked.score
      from plan_versions v join ${rankedTable(ranked)} on ranked.id = v.id join plans p on p.id = v.plan_id
      where ${readableVersion(drafts)}
      order by v.plan_id, ranked.score desc
    )
    select counted.total, page.id, page.plan_id, page.number, null::text as action_key,
      ${markedWhole(config, sql`page.partner_name`, query)} as partner_name, null::text as title,
      ${markedPassage(config, sql`page.text`, query)} as snippet, page.language
    from (select count(*)::int as total from found) as counted
    left join lateral (
      select v.id, v.plan_id, v.number, pa.name as partner_name, found.score, ${language} as language,
        (select string_agg(concat_ws(' – ', i ->> 'name', i ->> 'improvement'), '. ') from jsonb_array_elements(v.content -> 'instruments') as i) as text
      from found join plan_versions v on v.id = found.id join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
      order by found.score desc, v.id desc limit ${limit}
    ) as page on true
    order by page.score desc, page.id desc
  `.execute(db);
  return rows;
}

/** How many actions have a readable version among those ranked, and the best `limit` with title and description marked. */
export async function findRankedActions(
  db: Executor,
  drafts: DraftReaders,
  ranked: { id: number; score: number }[],
  words: string[],
  limit: number,
): Promise<FoundVersionRow[]> {
  const query = markedWordsQuery(words);
  const config = sql`practice_text_config(page.language)`;
  const { rows } = await sql<FoundVersionRow>`
    with found as (
      select distinct on (v.plan_id, d.action_key) d.id, ranked.score
      from plan_action_documents d join ${rankedTable(ranked)} on ranked.id = d.id
        join plan_versions v on v.id = d.version_id join plans p on p.id = v.plan_id
      where ${readableVersion(drafts)}
      order by v.plan_id, d.action_key, ranked.score desc
    )
    select counted.total, page.id, page.plan_id, page.number, page.action_key, page.partner_name,
      ${markedWhole(config, sql`coalesce(page.action ->> 'title', '')`, query)} as title,
      ${markedPassage(config, sql`concat_ws(' ', page.action ->> 'description', page.action ->> 'background')`, query)} as snippet, page.language
    from (select count(*)::int as total from found) as counted
    left join lateral (
      select d.id, d.action_key, v.plan_id, v.number, pa.name as partner_name, found.score, ${language} as language,
        (select a from jsonb_array_elements(v.content -> 'actions') as a where a ->> 'key' = d.action_key) as action
      from found join plan_action_documents d on d.id = found.id join plan_versions v on v.id = d.version_id
        join plans p on p.id = v.plan_id join partners pa on pa.id = p.partner_id
      order by found.score desc, d.id desc limit ${limit}
    ) as page on true
    order by page.score desc, page.id desc
  `.execute(db);
  return rows;
}
