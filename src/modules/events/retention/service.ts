/**
 * Retention: participants' personal data is kept while it serves the event and its follow-up, then anonymised.
 * An administrator anonymises everyone registered for events that ended more than the configured number of months
 * ago (PARTICIPANT_RETENTION_MONTHS); the statistics do not move, since what they count is kept.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { anonymise } from '../registration/queries.js';
import { countAnonymisable } from './queries.js';

export function retentionCutoff(months: number, now = new Date()): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function countParticipantsToAnonymise(db: Db, cutoff: Date): Promise<number> {
  return (await countAnonymisable(db, cutoff)).rows[0]?.count ?? 0;
}

export async function anonymiseParticipantsBefore(db: Db, actor: Actor, cutoff: Date): Promise<Outcome<{ anonymised: number }, 'forbidden'>> {
  if (!can(actor, 'event.participants.anonymise')) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const anonymised = await anonymise(trx, { endedBefore: cutoff });
    await recordAudit(trx, actor, {
      action: 'registration.anonymise_old',
      entityType: 'registration',
      entityId: 'events-ended-before',
      after: { endedBefore: cutoff.toISOString(), anonymised },
    });
    return done({ anonymised });
  });
}
