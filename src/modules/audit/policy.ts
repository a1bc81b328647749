/** Who may read the audit log. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'audit.read': true;
  }
}

export const auditGrants = {
  /** The log holds before-and-after values of every record, personal data included: administrators only. */
  'audit.read': { admin: true },
} satisfies Record<string, Grant>;
