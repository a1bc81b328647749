/** SQL of learning needs and of the practices recommended for them. */
import { sql, type RawBuilder } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';

export function listNeeds(db: Executor, partnerId: number) {
  return db.selectFrom('learning_needs').select(['id', 'partner_id', 'theme_code', 'description']).where('partner_id', '=', partnerId).orderBy('id').execute();
}

export function findNeed(db: Executor, needId: number) {
  return db.selectFrom('learning_needs').select(['id', 'partner_id', 'theme_code', 'description']).where('id', '=', needId).executeTakeFirst();
}

export function lockNeed(trx: Tx, needId: number) {
  return trx.selectFrom('learning_needs').select(['id', 'partner_id', 'theme_code', 'description']).where('id', '=', needId).forUpdate().executeTakeFirst();
}

export function insertNeed(trx: Tx, need: { partnerId: number; themeCode: string; description: string }) {
  return trx
    .insertInto('learning_needs')
    .values({ partner_id: need.partnerId, theme_code: need.themeCode, description: need.description })
    .returning(['id', 'partner_id', 'theme_code', 'description'])
    .executeTakeFirstOrThrow();
}

export function updateNeed(trx: Tx, needId: number, need: { themeCode: string; description: string }) {
  return trx
    .updateTable('learning_needs')
    .set({ theme_code: need.themeCode, description: need.description, updated_at: sql<Date>`now()` })
    .where('id', '=', needId)
    .returning(['id', 'partner_id', 'theme_code', 'description'])
    .executeTakeFirstOrThrow();
}

export function deleteNeed(trx: Tx, needId: number) {
  return trx.deleteFrom('learning_needs').where('id', '=', needId).execute();
}

export const recommendationsPerNeed = 3;

/**
 * Recomputes the stored recommendations of some needs, or of every need of a programme: the published practices
 * of the other partners, matching the need's words (its match_query) in their full text or having its theme,
 * ranked on their rank vectors plus a bonus for the theme.
 */
export async function refreshRecommendations(trx: Tx, scope: { needIds: number[] } | { programmeId: number }): Promise<void> {
  const needs: RawBuilder<boolean> = 'needIds' in scope ? sql`n.id = any(${scope.needIds}::int[])` : sql`pa.programme_id = ${scope.programmeId}`;
  await sql`delete from need_recommendations r using learning_needs n join partners pa on pa.id = n.partner_id where r.need_id = n.id and ${needs}`.execute(
    trx,
  );
  await sql`
    insert into need_recommendations (need_id, practice_id, position, score)
    select n.id, best.id, best.position, best.score
    from learning_needs n
    join partners pa on pa.id = n.partner_id
    cross join lateral (
      select ranked.id, ranked.score, row_number() over (order by ranked.score desc, ranked.published_at desc nulls last, ranked.id) as position
      from (
        select p.id, p.published_at,
          (coalesce(ts_rank(p.rank_vector, n.match_query), 0) + case when n.theme_code = any(p.theme_codes) then 0.5 else 0 end)::real as score
        from practices p
        where p.status = 'published' and p.programme_id = pa.programme_id and p.owner_partner_id <> n.partner_id
          and (p.search_vector @@ n.match_query or n.theme_code = any(p.theme_codes))
        order by score desc, p.published_at desc nulls last, p.id
        limit ${recommendationsPerNeed}
      ) ranked
    ) best
    where ${needs}
  `.execute(trx);
}

export async function insertRecommendationRefresh(trx: Tx, programmeId: number): Promise<void> {
  await sql`insert into recommendation_refreshes (programme_id) values (${programmeId}) on conflict do nothing`.execute(trx);
}

/** The oldest programme waiting for a refresh, locked; one another node holds is skipped, so two never do the same. */
export function claimRecommendationRefresh(trx: Tx) {
  return trx.selectFrom('recommendation_refreshes').select('programme_id').orderBy('requested_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
}

export async function deleteRecommendationRefresh(trx: Tx, programmeId: number): Promise<void> {
  await trx.deleteFrom('recommendation_refreshes').where('programme_id', '=', programmeId).execute();
}

export interface RecommendationRow {
  id: number;
  theme_code: string;
  theme_names: Record<string, string>;
  description: string;
  practices: { id: number; title: string; ownerPartnerId: number; ownerName: string; score: number }[];
}

/** Each of the partner's needs with its theme and its recommended practices, best first. */
export async function listRecommendations(db: Executor, partnerId: number): Promise<RecommendationRow[]> {
  const { rows } = await sql<RecommendationRow>`
    select n.id, n.theme_code, theme.names as theme_names, n.description,
      coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'ownerPartnerId', p.owner_partner_id, 'ownerName', owner.name, 'score', r.score) order by r.position)
        filter (where p.id is not null), '[]') as practices
    from learning_needs n
    join themes theme on theme.code = n.theme_code
    left join need_recommendations r on r.need_id = n.id
    -- A practice withdrawn since the last refresh is not shown meanwhile.
    left join practices p on p.id = r.practice_id and p.status = 'published'
    left join partners owner on owner.id = p.owner_partner_id
    where n.partner_id = ${partnerId}
    group by n.id, n.theme_code, theme.names, n.description
    order by n.id
  `.execute(db);
  return rows;
}
