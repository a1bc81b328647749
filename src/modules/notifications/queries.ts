/**
 * The notifications module's statements: writing a notice's rows, reading a person's list and unread count, claiming
 * rows for emails and digests (claims lock rows with FOR UPDATE SKIP LOCKED, so two nodes never take the same row),
 * preferences, follows and unsubscribe tokens. The people told are read from `users` (their address, language and
 * status), the one table of another module read here: every notification row refers to it.
 */
import { sql, type Insertable } from 'kysely';
import type { Db, Executor, Tx } from '../../core/db/database.js';
import type { Delivery, NotificationsTable } from './tables.js';
import type { Cadence, FollowTargetType } from './types.js';

// ---- writing a notice ---------------------------------------------------------------------------------------------

export async function nextNoticeId(trx: Tx): Promise<number> {
  const { rows } = await sql<{ id: number }>`select nextval('notification_notice_ids') as id`.execute(trx);
  return Number(rows[0]?.id);
}

/** Who follows any of the records, oldest follow first (the record named in a follower's "why" line). */
export function listFollowersOf(db: Executor, targets: readonly { type: FollowTargetType; id: number }[]) {
  return db
    .selectFrom('follows')
    .select(['user_id', 'target_type', 'target_id'])
    .where((eb) => eb.or(targets.map((target) => eb.and([eb('target_type', '=', target.type), eb('target_id', '=', target.id)]))))
    .orderBy('id')
    .execute();
}

export function listCadencesFor(db: Executor, userIds: readonly number[], kind: string) {
  return db.selectFrom('notification_preferences').select(['user_id', 'cadence']).where('kind', '=', kind).where('user_id', 'in', userIds).execute();
}

export async function insertNotifications(trx: Tx, rows: Insertable<NotificationsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
}

// ---- a person's notifications -------------------------------------------------------------------------------------

const listColumns = ['id', 'kind', 'message_key', 'message_values', 'link', 'created_at', 'read_at'] as const;

export function listNotificationsOf(db: Db, userId: number, limit: number, offset: number) {
  return db
    .selectFrom('notifications')
    .select(listColumns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countNotificationsOf(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** One count on the partial index of unread rows: asked on every page a signed-in person opens. */
export async function countUnreadOf(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Marks one of the person's notifications read (if not already); answers its link, or undefined if it is not theirs. */
export async function markRead(trx: Tx, userId: number, notificationId: number): Promise<string | undefined> {
  const row = await trx
    .updateTable('notifications')
    .set({ read_at: sql<Date>`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('user_id', '=', userId)
    .returning('link')
    .executeTakeFirst();
  return row?.link;
}

export async function markAllRead(trx: Tx, userId: number): Promise<number> {
  const result = await trx
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The newest notices of the programmes, each once however many people it was sent to. */
export function listRecentNotices(db: Db, programmeIds: readonly number[], limit: number) {
  return db
    .selectFrom('notifications')
    .select(['notice_id', 'message_key', 'message_values', 'link', 'created_at'])
    .distinctOn('notice_id')
    .where('programme_id', 'in', programmeIds)
    .orderBy('notice_id', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ---- emails and digests -------------------------------------------------------------------------------------------

const claimedColumns = [
  'notifications.id',
  'notifications.user_id',
  'notifications.kind',
  'notifications.message_key',
  'notifications.message_values',
  'notifications.link',
  'notifications.reason',
  'notifications.followed_type',
  'notifications.followed_id',
  'notifications.created_at',
] as const;

/** Up to `limit` notifications waiting to be emailed alone, claimed (marked emailed) until the end of `trx`. */
export function claimPendingEmails(trx: Tx, limit: number) {
  return trx
    .updateTable('notifications')
    .set({ delivery: 'emailed' })
    .where('id', 'in', (query) =>
      query.selectFrom('notifications').select('id').where('delivery', '=', 'pending_email').orderBy('id').limit(limit).forUpdate().skipLocked(),
    )
    .returning(claimedColumns)
    .execute();
}

/** People with notifications for the digest of `cadence` made before `periodStart`. */
export async function listDigestRecipients(db: Db, cadence: 'daily' | 'weekly', periodStart: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .distinct()
    .where('delivery', '=', 'pending_digest')
    .where('cadence', '=', cadence)
    .where('created_at', '<', periodStart)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification_digests as sent')
            .select('sent.user_id')
            .whereRef('sent.user_id', '=', 'notifications.user_id')
            .where('sent.cadence', '=', cadence)
            .where('sent.period_start', '=', periodStart),
        ),
      ),
    )
    .orderBy('user_id')
    .limit(limit)
    .execute();
  return rows.map((row) => row.user_id);
}

/**
 * Records the person's digest of the period; answers false when it exists already (another node made it, or is
 * making it: the insert waits for that node's transaction and then finds the key taken).
 */
export async function insertDigest(trx: Tx, userId: number, cadence: 'daily' | 'weekly', periodStart: Date): Promise<boolean> {
  const row = await trx
    .insertInto('notification_digests')
    .values({ user_id: userId, cadence, period_start: periodStart })
    .onConflict((conflict) => conflict.doNothing())
    .returning('user_id')
    .executeTakeFirst();
  return row !== undefined;
}

export function claimDigestRows(trx: Tx, userId: number, cadence: 'daily' | 'weekly', periodStart: Date) {
  return trx
    .updateTable('notifications')
    .set({ delivery: 'emailed' })
    .where('user_id', '=', userId)
    .where('delivery', '=', 'pending_digest')
    .where('cadence', '=', cadence)
    .where('created_at', '<', periodStart)
    .returning(claimedColumns)
    .execute();
}

export async function markNotEmailed(trx: Tx, ids: readonly number[]): Promise<void> {
  if (ids.length > 0) await trx.updateTable('notifications').set({ delivery: 'not_emailed' }).where('id', 'in', ids).execute();
}

/** Digests older than the longest period are only a record of what was sent: kept 60 days. */
export async function deleteOldDigests(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('notification_digests')
    .where('sent_at', '<', sql<Date>`now() - interval '60 days'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---- preferences ----------------------------------------------------------------------------------------------------

export function listPreferencesOf(db: Executor, userId: number) {
  return db.selectFrom('notification_preferences').select(['kind', 'cadence']).where('user_id', '=', userId).orderBy('kind').execute();
}

export async function upsertPreferences(trx: Tx, userId: number, choices: readonly { kind: string; cadence: Cadence }[]): Promise<void> {
  if (choices.length === 0) return;
  await trx
    .insertInto('notification_preferences')
    .values(choices.map((choice) => ({ user_id: userId, kind: choice.kind, cadence: choice.cadence })))
    .onConflict((conflict) =>
      conflict.columns(['user_id', 'kind']).doUpdateSet((eb) => ({ cadence: eb.ref('excluded.cadence'), updated_at: sql<Date>`now()` })),
    )
    .execute();
}

/** Notifications still waiting to be emailed follow the person's new choice for their kind. */
export async function applyCadenceToPending(trx: Tx, userId: number, kind: string, cadence: Cadence): Promise<void> {
  const delivery: Delivery = cadence === 'off' ? 'not_emailed' : cadence === 'immediate' ? 'pending_email' : 'pending_digest';
  await trx
    .updateTable('notifications')
    .set({ cadence, delivery })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('delivery', 'in', ['pending_email', 'pending_digest'])
    .execute();
}

// ---- follows --------------------------------------------------------------------------------------------------------

export async function insertFollow(trx: Tx, userId: number, type: FollowTargetType, id: number): Promise<boolean> {
  const row = await trx
    .insertInto('follows')
    .values({ user_id: userId, target_type: type, target_id: id })
    .onConflict((conflict) => conflict.columns(['user_id', 'target_type', 'target_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteFollow(trx: Tx, userId: number, type: FollowTargetType, id: number): Promise<boolean> {
  const result = await trx.deleteFrom('follows').where('user_id', '=', userId).where('target_type', '=', type).where('target_id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findFollow(db: Executor, userId: number, type: FollowTargetType, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('follows')
    .select('id')
    .where('user_id', '=', userId)
    .where('target_type', '=', type)
    .where('target_id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export function listFollowsOf(db: Executor, userId: number) {
  return db.selectFrom('follows').select(['target_type', 'target_id', 'created_at']).where('user_id', '=', userId).orderBy('id').execute();
}

// ---- unsubscribe tokens ---------------------------------------------------------------------------------------------

/** The person's unsubscribe token, made the first time they are emailed (`candidate` is used only then). */
export async function tokenOf(trx: Tx, userId: number, candidate: string): Promise<string> {
  await trx
    .insertInto('notification_tokens')
    .values({ user_id: userId, token: candidate })
    .onConflict((conflict) => conflict.column('user_id').doNothing())
    .execute();
  const row = await trx.selectFrom('notification_tokens').select('token').where('user_id', '=', userId).executeTakeFirstOrThrow();
  return row.token;
}

export function findTokenHolder(db: Executor, token: string) {
  return db.selectFrom('notification_tokens').select('user_id').where('token', '=', token).executeTakeFirst();
}

// ---- personal data --------------------------------------------------------------------------------------------------

export function listAllNotificationsOf(db: Db, userId: number) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'message_key', 'message_values', 'link', 'created_at', 'read_at', 'delivery'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

export async function deletePersonalRows(trx: Tx, userId: number): Promise<void> {
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute();
  await trx.updateTable('notifications').set({ actor_user_id: null }).where('actor_user_id', '=', userId).execute();
  await trx.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
  await trx.deleteFrom('follows').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_digests').where('user_id', '=', userId).execute();
  await trx.deleteFrom('notification_tokens').where('user_id', '=', userId).execute();
}
