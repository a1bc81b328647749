/**
 * What the maturity self-assessment holds about a person with an account: the answers they gave as a partner's
 * editor. Erasure keeps the answers (the round's scores stand) but no longer says whose they were. An invited
 * stakeholder (no account) erases their own name and email through their private link while the round is open; the
 * email goes anyway when the round is submitted, and the name stays for the partner's staff until then erased.
 */
import type { Db, Tx } from '../../../core/db/database.js';
import type { PersonalDataPart } from '../types.js';
import * as queries from './queries.js';

async function exportFor(db: Db, userId: number) {
  return (await queries.listAnswersByUser(db, userId)).map((row) => ({
    roundId: row.round_id,
    round: row.label,
    question: row.question_key,
    level: row.level,
    comment: row.comment,
  }));
}

async function erase(trx: Tx, userId: number): Promise<void> {
  await queries.detachAnswersOf(trx, userId);
}

export const maturityPersonalData: PersonalDataPart = { exportFor, erase };
