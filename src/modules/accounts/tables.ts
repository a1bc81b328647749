/** Row types of the accounts module's tables: users, memberships, sessions, one-time tokens, sign-in throttle. */
import type { CreatedAt, Id, Timestamp } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { MembershipRole } from '../../core/policy/actor.js';

export type UserStatus = 'invited' | 'active' | 'deactivated' | 'erased';

export interface UsersTable {
  id: Id;
  email: string;
  display_name: string;
  locale: Locale;
  password_hash: string | null;
  is_admin: boolean;
  status: UserStatus;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  last_signed_in_at: Timestamp | null;
}

export interface MembershipsTable {
  id: Id;
  user_id: number;
  programme_id: number;
  role: MembershipRole;
  partner_id: number | null;
  organisation_id: number | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  last_seen_at: CreatedAt;
  expires_at: Timestamp;
}

export type TokenPurpose = 'invitation' | 'password_reset';

export interface UserTokensTable {
  token_hash: string;
  user_id: number;
  purpose: TokenPurpose;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface SignInThrottleTable {
  /** The rule and a keyed hash of what it counts (never an email or IP address in clear). */
  key: string;
  /** Keyed hash of the account's email address, so erasure removes the person's counters. */
  account_hash: string | null;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface AccountTables {
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  user_tokens: UserTokensTable;
  sign_in_throttle: SignInThrottleTable;
}
