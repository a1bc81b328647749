/**
 * What results hold about a person: the values they reported or reviewed, and their maturity answers or invitation.
 * Erasure keeps the records (figures and scores stay) and replaces the person's name; an invited stakeholder's email
 * goes.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';
import { reportsPersonalData } from './indicators/index.js';
import { maturityPersonalData } from './maturity/index.js';

async function exportFor(db: Db, userId: number) {
  return { indicatorReports: await reportsPersonalData.exportFor(db, userId), maturity: await maturityPersonalData.exportFor(db, userId) };
}

async function erase(trx: Tx, userId: number, label: string): Promise<void> {
  await reportsPersonalData.erase(trx, userId, label);
  await maturityPersonalData.erase(trx, userId, label);
}

export const resultsPersonalData: PersonalDataHolder = { name: 'results', exportFor, erase };
