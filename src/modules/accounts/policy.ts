/** Who may do what with accounts: everyone with their own, administrators with everyone's. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'account.read': true;
    'account.update': true;
    'account.export': true;
    'account.sign_out': true;
    'user.read': true;
    'user.invite': true;
    'user.update': true;
    'user.deactivate': true;
    'user.erase': true;
  }
}

export const accountGrants = {
  /** A signed-in user's own account; the use cases only ever touch the actor's own row. */
  'account.read': { user: true },
  'account.update': { user: true },
  'account.export': { user: true },
  'account.sign_out': { user: true },
  'user.read': { admin: true },
  'user.invite': { admin: true },
  /** Name, language, the administrator flag and programme roles. */
  'user.update': { admin: true },
  'user.deactivate': { admin: true },
  'user.erase': { admin: true },
} satisfies Record<string, Grant>;
