/**
 * The notifications module's public entry: other modules declare their kinds (notificationKinds) and followable
 * records (followTargets), call `notify` inside their use case's transaction, and show FollowButton on records' pages.
 * The person's own notifications, settings and follows are use cases here too.
 */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import type { Translate } from '../../core/i18n/i18n.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { declaredKind, describeTargets, targetKey } from './kinds.js';
import { addresseesOf } from '../accounts/service.js';
import * as queries from './queries.js';
import type { Delivery, NotificationReason } from './tables.js';
import type { Cadence, FollowTargetType, Notice } from './types.js';

export { notificationKinds, followTargets, declaredKinds } from './kinds.js';
export { FollowButton } from './views/FollowButton.js';
export * from './settings.js';
export * from './delivery.js';
export type { Cadence, FollowTargetSource, FollowTargetType, Notice, NotificationKind } from './types.js';
export { cadences, followTargetTypes } from './types.js';

function deliveryFor(cadence: Cadence): Delivery {
  if (cadence === 'immediate') return 'pending_email';
  if (cadence === 'off') return 'not_emailed';
  return 'pending_digest';
}

/**
 * Tells everyone a workflow step concerns, inside the step's own transaction (a rolled-back step tells nobody): the
 * direct recipients and the followers of the records it names, except the person who acted and people whose account
 * is not active. Each gets one row; how it is emailed follows their choice for the kind (else the kind's default).
 * The emails themselves are written by the worker right after (deliverNotificationEmails), in each person's language.
 */
export async function notify(trx: Tx, notice: Notice): Promise<void> {
  const kind = declaredKind(notice.kind);
  const reasons = new Map<number, { reason: NotificationReason; followed: { type: FollowTargetType; id: number } | null }>();
  for (const userId of notice.recipients) reasons.set(userId, { reason: 'recipient', followed: null });
  const followed = notice.followed ?? [];
  if (followed.length > 0) {
    for (const follower of await queries.listFollowersOf(trx, followed)) {
      if (!reasons.has(follower.user_id))
        reasons.set(follower.user_id, { reason: 'follower', followed: { type: follower.target_type, id: follower.target_id } });
    }
  }
  if (notice.actorUserId !== null) reasons.delete(notice.actorUserId);
  const told = (await addresseesOf(trx, [...reasons.keys()])).filter((person) => person.active).map((person) => person.id);
  if (told.length === 0) return;
  const chosen = new Map((await queries.listCadencesFor(trx, told, kind.key)).map((row) => [row.user_id, row.cadence]));
  const noticeId = await queries.nextNoticeId(trx);
  const values = JSON.stringify(notice.values);
  await queries.insertNotifications(
    trx,
    told
      .sort((a, b) => a - b)
      .map((userId) => {
        const cadence = chosen.get(userId) ?? kind.defaultCadence;
        const why = reasons.get(userId);
        return {
          notice_id: noticeId,
          user_id: userId,
          kind: kind.key,
          message_key: notice.messageKey,
          message_values: values,
          link: notice.link,
          programme_id: notice.programmeId,
          actor_user_id: notice.actorUserId,
          reason: why?.reason ?? 'recipient',
          followed_type: why?.followed?.type ?? null,
          followed_id: why?.followed?.id ?? null,
          cadence,
          delivery: deliveryFor(cadence),
        };
      }),
  );
}

// ---- a person's notifications -------------------------------------------------------------------------------------

export interface NotificationEntry {
  id: number;
  kind: string;
  messageKey: string;
  values: Record<string, string | number>;
  link: string;
  createdAt: Date;
  read: boolean;
}

export const notificationsPageSize = 25;

/** The actor's notifications, newest first, one page at a time. */
export async function listNotifications(db: Db, actor: Actor, page: number): Promise<Outcome<{ entries: NotificationEntry[]; total: number }, 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'notification.read_own', { userId: actor.userId })) return refuse('forbidden');
  const [rows, total] = await Promise.all([
    queries.listNotificationsOf(db, actor.userId, notificationsPageSize, (page - 1) * notificationsPageSize),
    queries.countNotificationsOf(db, actor.userId),
  ]);
  return done({
    total,
    entries: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      messageKey: row.message_key,
      values: row.message_values,
      link: row.link,
      createdAt: row.created_at,
      read: row.read_at !== null,
    })),
  });
}

/** How many of the person's notifications are unread: one count on a partial index, cheap enough for every page. */
export async function unreadCount(db: Db, userId: number): Promise<number> {
  return queries.countUnreadOf(db, userId);
}

/** Opening a notification marks it read and answers where it leads; another person's notification is not found. */
export async function openNotification(db: Db, actor: Actor, notificationId: number): Promise<Outcome<string, 'forbidden' | 'not_found'>> {
  if (actor.kind !== 'user' || !can(actor, 'notification.read_own', { userId: actor.userId })) return refuse('forbidden');
  const link = await db.transaction().execute((trx) => queries.markRead(trx, actor.userId, notificationId));
  return link === undefined ? refuse('not_found') : done(link);
}

/** Marks every notification of the actor read; answers how many were unread. */
export async function markAllNotificationsRead(db: Db, actor: Actor): Promise<Outcome<number, 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'notification.read_own', { userId: actor.userId })) return refuse('forbidden');
  return done(await db.transaction().execute((trx) => queries.markAllRead(trx, actor.userId)));
}

/**
 * The newest workflow steps in the programmes, each once however many people were told, in the reader's language
 * (`t`). The caller decides whose programmes: every title is shown as its notice wrote it.
 */
export async function recentActivity(
  db: Db,
  programmeIds: readonly number[],
  limit: number,
  t: Translate,
): Promise<{ title: string; link: string; at: Date }[]> {
  if (programmeIds.length === 0 || limit <= 0) return [];
  const rows = await queries.listRecentNotices(db, programmeIds, limit);
  return rows.map((row) => ({ title: t(`${row.message_key}.title`, row.message_values), link: row.link, at: row.created_at }));
}

// ---- follows --------------------------------------------------------------------------------------------------------

export async function isFollowing(db: Db, userId: number, type: FollowTargetType, id: number): Promise<boolean> {
  return queries.findFollow(db, userId, type, id);
}

/** What the person follows, with each record's title and page; records that no longer exist are left out. */
export async function followedBy(db: Db, userId: number): Promise<{ type: FollowTargetType; id: number; title: string; href: string }[]> {
  const follows = await queries.listFollowsOf(db, userId);
  const described = await describeTargets(
    db,
    follows.map((follow) => ({ type: follow.target_type, id: follow.target_id })),
  );
  return follows.flatMap((follow) => {
    const description = described.get(targetKey(follow.target_type, follow.target_id));
    return description ? [{ type: follow.target_type, id: follow.target_id, ...description }] : [];
  });
}

export type FollowRefusal = 'forbidden' | 'not_found';

/** Starts following a record that exists (as its module describes it); following it again changes nothing. */
export async function follow(db: Db, actor: Actor, type: FollowTargetType, id: number): Promise<Outcome<{ title: string }, FollowRefusal>> {
  if (actor.kind !== 'user' || !can(actor, 'follow.manage', { userId: actor.userId })) return refuse('forbidden');
  const target = (await describeTargets(db, [{ type, id }])).get(targetKey(type, id));
  if (!target) return refuse('not_found');
  await db.transaction().execute(async (trx) => {
    if (await queries.insertFollow(trx, actor.userId, type, id)) {
      await recordAudit(trx, actor, { action: 'follow.manage', entityType: type, entityId: id, after: { following: true } });
    }
  });
  return done({ title: target.title });
}

/** Stops following a record (reversible, so asked without confirmation); not following it changes nothing. */
export async function unfollow(db: Db, actor: Actor, type: FollowTargetType, id: number): Promise<Outcome<{ title: string | null }, 'forbidden'>> {
  if (actor.kind !== 'user' || !can(actor, 'follow.manage', { userId: actor.userId })) return refuse('forbidden');
  await db.transaction().execute(async (trx) => {
    if (await queries.deleteFollow(trx, actor.userId, type, id)) {
      await recordAudit(trx, actor, { action: 'follow.manage', entityType: type, entityId: id, before: { following: true }, after: { following: false } });
    }
  });
  const target = (await describeTargets(db, [{ type, id }])).get(targetKey(type, id));
  return done({ title: target?.title ?? null });
}
