/** Who may open My work: every signed-in person sees their own list (what is on it is scoped by their memberships). */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'workspace.read': true;
  }
}

export const workspaceGrants = {
  'workspace.read': { user: true },
} satisfies Record<string, Grant>;
