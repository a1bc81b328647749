/**
 * Who may do what with events. Registering, cancelling, giving feedback and managing one's own registration need
 * no account: the link emailed to the person is their key (see registration/service.ts), so those routes are public.
 */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'event.read': true;
    'event.manage': true;
    'event.participants.read': true;
    'event.attendance.record': true;
    'event.statistics.read': true;
    'event.participants.anonymise': true;
  }
}

/** Scope: the host partner. */
const hostStaff: Grant = { admin: true, coordinator: 'programme', editor: 'partner' };

export const eventGrants = {
  'event.read': { public: true },
  'event.manage': hostStaff,
  /** Participants' names and emails: the host partner's editors and the coordinator, never the public. */
  'event.participants.read': hostStaff,
  'event.attendance.record': hostStaff,
  /** Aggregates only, no person: everyone. */
  'event.statistics.read': { public: true },
  'event.participants.anonymise': { admin: true },
} satisfies Record<string, Grant>;
