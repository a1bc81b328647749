/** The notifications module's public types: kinds of notification, notices, cadences and followed records. */
import type { Db } from '../../core/db/database.js';

export const cadences = ['immediate', 'daily', 'weekly', 'off'] as const;
/** How a person is emailed about a kind: at once, in a daily or weekly digest, or not at all (still listed on the platform). */
export type Cadence = (typeof cadences)[number];

export const followTargetTypes = ['practice', 'partner', 'plan', 'event', 'instrument'] as const;
export type FollowTargetType = (typeof followTargetTypes)[number];

/** A kind of notification, declared by the module whose workflow step sends it (extension point notificationKinds). */
export interface NotificationKind {
  /** e.g. 'practices.submitted' — module name first. */
  key: string;
  /** Catalogue key naming the kind on the settings page ("A practice is submitted for review"). */
  labelKey: string;
  /** What a person gets until they choose. */
  defaultCadence: Cadence;
}

/** One workflow step to tell people about. */
export interface Notice {
  /** A key declared through notificationKinds. */
  kind: string;
  /** Who acted: never notified of their own action. */
  actorUserId: number | null;
  /** User ids directly concerned (duplicates and inactive users are ignored). */
  recipients: readonly number[];
  /** Followers of these records are told too (e.g. the practice AND its partner). */
  followed?: readonly { type: FollowTargetType; id: number }[];
  /** For "recent activity in my programme" on /me. */
  programmeId: number | null;
  /**
   * Catalogue keys `${messageKey}.title` (one line: list entry, email subject, digest line) and `${messageKey}.body`
   * (email paragraph), rendered in each recipient's own language when shown or emailed.
   */
  messageKey: string;
  /** Interpolation values (record titles etc., not translated). */
  values: Record<string, string | number>;
  /** Site path of what it is about, e.g. '/practices/12'. */
  link: string;
}

/** Describes followed records for lists (/me, settings, emails' "why" line): filled by the modules owning each target type. */
export interface FollowTargetSource {
  type: FollowTargetType;
  describe(db: Db, ids: readonly number[]): Promise<Map<number, { title: string; href: string }>>;
}
