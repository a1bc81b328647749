/** Who may read notifications, choose how they are emailed, follow records, and unsubscribe through an emailed link. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'notification.read_own': true;
    'notification.settings': true;
    'notification.unsubscribe': true;
    'follow.manage': true;
  }
}

export const notificationGrants = {
  /** Every signed-in person has their own notifications; the use cases only ever read the actor's own rows. */
  'notification.read_own': { user: true },
  'notification.settings': { user: true },
  /** The emailed unsubscribe link is the credential (a mail client's one-click POST carries no session). */
  'notification.unsubscribe': { public: true },
  /** Following a record tells a person about it; signed-in people only, since notifications need an account. */
  'follow.manage': { user: true },
} satisfies Record<string, Grant>;
