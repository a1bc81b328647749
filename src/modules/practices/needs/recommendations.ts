/**
 * Practices recommended for partners' learning needs, stored rather than computed per visit: ranking a need's
 * words against the whole library costs milliseconds per need at 10,000 practices, and a partner page shows every
 * need. A need's recommendations are computed when the need is written; a change to the published library marks
 * its programme for the background worker, which recomputes them within a poll interval.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../core/db/database.js';
import type { Theme } from '../../themes/service.js';
import type { LearningNeed } from './service.js';

export const recommendationsPerNeed = 3;

export interface Recommendation {
  need: LearningNeed;
  theme: Pick<Theme, 'code' | 'names'>;
  practices: { id: number; title: string; ownerPartnerId: number; ownerName: string; score: number }[];
}

/**
 * Recomputes the stored recommendations of some needs, or of every need of a programme: the published practices
 * of the other partners, matching the need's words (its match_query) in their full text or having its theme,
 * ranked on their rank vectors plus a bonus for the theme.
 */
export async function refreshRecommendations(trx: Tx, scope: { needIds: number[] } | { programmeId: number }): Promise<void> {
  const needs: RawBuilder<boolean> = 'needIds' in scope ? sql`n.id = any(${scope.needIds}::int[])` : sql`pa.programme_id = ${scope.programmeId}`;
  await sql`delete from need_recommendations r using learning_needs n join partners pa on pa.id = n.partner_id where r.need_id = n.id and ${needs}`.execute(trx);
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

/** Marks a programme's recommendations for recomputation after a change to its published practices. */
export async function requestRecommendationRefresh(trx: Tx, programmeId: number): Promise<void> {
  await sql`insert into recommendation_refreshes (programme_id) values (${programmeId}) on conflict do nothing`.execute(trx);
}

/**
 * The worker's task: recomputes each programme waiting, one transaction each, claimed with a row lock so two
 * nodes never do the same one. Returns how many programmes were refreshed.
 */
export async function refreshRequestedRecommendations(db: Db): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const request = await trx.selectFrom('recommendation_refreshes').select('programme_id').orderBy('requested_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!request) return false;
      await refreshRecommendations(trx, { programmeId: request.programme_id });
      await trx.deleteFrom('recommendation_refreshes').where('programme_id', '=', request.programme_id).execute();
      return true;
    });
    if (!claimed) return refreshed;
    refreshed += 1;
  }
}

/** Each of the partner's needs with its theme and the practices recommended for it, best first. */
export async function recommendationsFor(db: Db, partnerId: number): Promise<Recommendation[]> {
  const { rows } = await sql<{ id: number; theme_code: string; theme_names: Record<string, string>; description: string; practices: Recommendation['practices'] }>`
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
  return rows.map((row) => ({
    need: { id: row.id, partnerId, themeCode: row.theme_code, description: row.description },
    theme: { code: row.theme_code, names: row.theme_names },
    practices: row.practices,
  }));
}
