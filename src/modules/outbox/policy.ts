/** Who may read the email outbox. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'outbox.read': true;
  }
}

export const outboxGrants = {
  /** Emails carry reset and invitation links: administrators only. */
  'outbox.read': { admin: true },
} satisfies Record<string, Grant>;
