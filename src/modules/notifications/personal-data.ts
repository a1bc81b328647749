/**
 * What notifications hold about a person, for their download and erasure: the notifications they received, their
 * choices per kind and what they follow. Erasure deletes all of it (nothing here is a record others rely on) and
 * removes the person as the actor of others' notifications.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { PersonalDataHolder } from '../../core/module.js';
import * as queries from './queries.js';

async function exportFor(db: Db, userId: number) {
  const [notifications, preferences, follows] = await Promise.all([
    queries.listAllNotificationsOf(db, userId),
    queries.listPreferencesOf(db, userId),
    queries.listFollowsOf(db, userId),
  ]);
  return {
    notifications: notifications.map((row) => ({
      kind: row.kind,
      message: row.message_key,
      values: row.message_values,
      link: row.link,
      createdAt: row.created_at.toISOString(),
      readAt: row.read_at?.toISOString() ?? null,
      delivery: row.delivery,
    })),
    preferences: preferences.map((row) => ({ kind: row.kind, cadence: row.cadence })),
    follows: follows.map((row) => ({ type: row.target_type, id: row.target_id, since: row.created_at.toISOString() })),
  };
}

async function erase(trx: Tx, userId: number): Promise<void> {
  await queries.deletePersonalRows(trx, userId);
}

export const notificationsPersonalData: PersonalDataHolder = { name: 'notifications', exportFor, erase };
