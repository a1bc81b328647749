/** Who may read and manage the list of themes. */
import { defineGrants, type Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'theme.manage': true;
  }
}

export const themeGrants = {
  /** The list is shared by every programme on the platform, so the platform's administrators keep it. */
  'theme.manage': { admin: true },
} satisfies Record<string, Grant>;

defineGrants(themeGrants);
