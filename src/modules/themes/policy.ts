/** Who may read and manage the list of themes. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'theme.manage': true;
    'theme.add_for_import': true;
  }
}

export const themeGrants = {
  /** The list is shared by every programme on the platform, so the platform's administrators keep it. */
  'theme.manage': { admin: true },
  /**
   * Scope: the importing programme. A coordinator bringing in a file whose themes the list lacks adds them with the
   * import, named as the file names them; administrators keep the list (names in each language, retiring).
   */
  'theme.add_for_import': { admin: true, coordinator: 'programme' },
} satisfies Record<string, Grant>;
