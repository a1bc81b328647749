/** Who may do what with programmes and their phases. */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'programme.read': true;
    'programme.create': true;
    'programme.update': true;
  }
}

export const programmeGrants = {
  'programme.read': { public: true },
  'programme.create': { admin: true },
  /** Covers the programme's phases too: the coordinator keeps the programme's facts up to date. */
  'programme.update': { admin: true, coordinator: 'programme' },
} satisfies Record<string, Grant>;
