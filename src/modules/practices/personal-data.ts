/**
 * What the library holds about a person, for their download and for erasure: the review steps they took, the
 * practices they proposed, the transfer stages they recorded and the assessments they scored. Erasure keeps
 * these records (they are the programme's evidence) and replaces the person's name.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';
import * as libraryQueries from './library/queries.js';
import * as transferQueries from './transfers/queries.js';

async function exportFor(db: Db, userId: number) {
  const [reviewSteps, proposals, transferStages, assessments] = await Promise.all([
    libraryQueries.listReviewStepsBy(db, userId),
    libraryQueries.listProposalsBy(db, userId),
    transferQueries.listStagesRecordedBy(db, userId),
    transferQueries.listAssessmentsBy(db, userId),
  ]);
  return { reviewSteps, proposals, transferStages, assessments };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await libraryQueries.relabelHistoryBy(trx, userId, label);
  await transferQueries.relabelStagesAndAssessmentsBy(trx, userId, label);
}

export const libraryPersonalData: PersonalDataHolder = { name: 'goodPractices', exportFor, erase };
