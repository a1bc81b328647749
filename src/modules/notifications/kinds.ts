/** The extension points the notifications module offers: the kinds other modules send, and the records people follow. */
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import { contributionsTo } from '../../core/module.js';
import type { FollowTargetSource, FollowTargetType, NotificationKind } from './types.js';

/** Filled by each module whose workflow steps notify people (its manifest's `fills`). */
export const notificationKinds = extensionPoint<NotificationKind>('notifications.kinds');

/** Filled by the modules owning followable records: practices, partners, plans, events, instruments. */
export const followTargets = extensionPoint<FollowTargetSource>('notifications.follow-targets');

/** Every declared kind by key, in the platform's module order. */
export function declaredKinds(): Map<string, NotificationKind> {
  return new Map(contributionsTo(notificationKinds).map((kind) => [kind.key, kind]));
}

/** The declared kind, or an error: notifying an undeclared kind is a mistake in the calling module's code. */
export function declaredKind(key: string): NotificationKind {
  const kind = declaredKinds().get(key);
  if (!kind) throw new Error(`Notification kind ${key} is not declared: fill notificationKinds in the sending module's manifest`);
  return kind;
}

/** Titles and pages of followed records, by type and id; a record no source describes (deleted) is left out. */
export async function describeTargets(
  db: Db,
  targets: readonly { type: FollowTargetType; id: number }[],
): Promise<Map<string, { title: string; href: string }>> {
  const described = new Map<string, { title: string; href: string }>();
  const idsByType = new Map<FollowTargetType, number[]>();
  for (const target of targets) idsByType.set(target.type, [...(idsByType.get(target.type) ?? []), target.id]);
  for (const [type, ids] of idsByType) {
    for (const source of contributionsTo(followTargets).filter((candidate) => candidate.type === type)) {
      const found = await source.describe(db, [...new Set(ids)]);
      for (const [id, description] of found) if (!described.has(targetKey(type, id))) described.set(targetKey(type, id), description);
    }
  }
  return described;
}

export function targetKey(type: FollowTargetType, id: number): string {
  return `${type}:${id}`;
}
