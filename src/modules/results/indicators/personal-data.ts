/**
 * What indicators hold about a person: the values they reported and the reviews they made. Erasure keeps the values
 * (the figures stay) and replaces the person's name with the label given.
 */
import type { PersonalDataPart } from '../types.js';
import * as queries from './queries.js';

export const reportsPersonalData: PersonalDataPart = {
  async exportFor(db, userId) {
    return (await queries.listReportsOfPerson(db, userId)).map((row) => ({ ...row, value: Number(row.value) }));
  },
  async erase(trx, userId, label) {
    await queries.relabelPerson(trx, userId, label);
  },
};
