/**
 * What action plans hold about a person, for their download and for erasure: the comments they wrote, the reports
 * they submitted and the documents they uploaded. Erasure keeps these records (the plan's review and monitoring
 * history) and replaces the person's name. A plan's contact person is part of the plan and is edited there.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';
import * as reportQueries from './reports/queries.js';
import * as planQueries from './writing/queries.js';

async function exportFor(db: Db, userId: number) {
  const [comments, reports, files] = await Promise.all([
    planQueries.listCommentsOfAuthor(db, userId),
    reportQueries.listReportsOfSubmitter(db, userId),
    reportQueries.listFilesOfUploader(db, userId),
  ]);
  return { comments, reports, files };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await planQueries.renameCommentAuthor(trx, userId, label);
  await reportQueries.renameReportSubmitter(trx, userId, label);
}

export const plansPersonalData: PersonalDataHolder = { name: 'actionPlans', exportFor, erase };
