/** Row types of the notifications module: notifications, preferences, follows, digests sent and unsubscribe tokens. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp } from '../../core/db/column-types.js';
import type { Cadence, FollowTargetType } from './types.js';

/**
 * How a notification is or will be emailed: `pending_email` waits for the worker to email it alone, `pending_digest`
 * for the person's next digest; `emailed` went to the outbox, `not_emailed` never will (cadence off, or emailing it
 * was no longer possible).
 */
export type Delivery = 'pending_email' | 'pending_digest' | 'emailed' | 'not_emailed';

/** Why a person got a notification: the step concerned them, or they follow one of its records. */
export type NotificationReason = 'recipient' | 'follower';

export interface NotificationsTable {
  id: Generated<number>;
  notice_id: number;
  user_id: number;
  kind: string;
  message_key: string;
  message_values: ColumnType<Record<string, string | number>, string, string>;
  link: string;
  programme_id: number | null;
  actor_user_id: number | null;
  reason: NotificationReason;
  followed_type: FollowTargetType | null;
  followed_id: number | null;
  cadence: Cadence;
  delivery: Delivery;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface NotificationPreferencesTable {
  user_id: number;
  kind: string;
  cadence: Cadence;
  updated_at: CreatedAt;
}

export interface FollowsTable {
  id: Id;
  user_id: number;
  target_type: FollowTargetType;
  target_id: number;
  created_at: CreatedAt;
}

export interface NotificationDigestsTable {
  user_id: number;
  cadence: 'daily' | 'weekly';
  period_start: Timestamp;
  sent_at: CreatedAt;
}

export interface NotificationTokensTable {
  user_id: number;
  token: string;
  created_at: CreatedAt;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  follows: FollowsTable;
  notification_digests: NotificationDigestsTable;
  notification_tokens: NotificationTokensTable;
}
