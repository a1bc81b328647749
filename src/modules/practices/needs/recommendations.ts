/**
 * Practices recommended for partners' learning needs, stored rather than computed per visit: ranking a need's
 * words against the whole library costs milliseconds per need at 10,000 practices, and a partner page shows every
 * need. A need's recommendations are computed when the need is written; a change to the published library marks
 * its programme for the background worker, which recomputes them within a poll interval.
 */
import type { Db, Tx } from '../../../core/db/database.js';
import type { Theme } from '../../themes/service.js';
import * as queries from './queries.js';
import type { LearningNeed } from './service.js';

export { recommendationsPerNeed, refreshRecommendations } from './queries.js';

export interface Recommendation {
  need: LearningNeed;
  theme: Pick<Theme, 'code' | 'names'>;
  practices: queries.RecommendationRow['practices'];
}

/** Marks a programme's recommendations for recomputation after a change to its published practices. */
export async function requestRecommendationRefresh(trx: Tx, programmeId: number): Promise<void> {
  await queries.insertRecommendationRefresh(trx, programmeId);
}

/**
 * The worker's task: recomputes each programme waiting, one transaction each, claimed with a row lock so two
 * nodes never do the same one. Returns how many programmes were refreshed.
 */
export async function refreshRequestedRecommendations(db: Db): Promise<number> {
  let refreshed = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const request = await queries.claimRecommendationRefresh(trx);
      if (!request) return false;
      await queries.refreshRecommendations(trx, { programmeId: request.programme_id });
      await queries.deleteRecommendationRefresh(trx, request.programme_id);
      return true;
    });
    if (!claimed) return refreshed;
    refreshed += 1;
  }
}

/** Each of the partner's needs with its theme and the practices recommended for it, best first. */
export async function recommendationsFor(db: Db, partnerId: number): Promise<Recommendation[]> {
  return (await queries.listRecommendations(db, partnerId)).map((row) => ({
    need: { id: row.id, partnerId, themeCode: row.theme_code, description: row.description },
    theme: { code: row.theme_code, names: row.theme_names },
    practices: row.practices,
  }));
}
