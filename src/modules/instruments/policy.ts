/**
 * Who may do what with eGovernment instruments. The owner partner's editors record and update their instruments;
 * the coordinator sees every instrument of the programme, published or not; the public sees published ones.
 * Contract values are for staff (the programme's editors and coordinator) unless the partner makes them public.
 */
import type { UserActor } from '../../core/policy/actor.js';
import { type Grant, type Scope } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'instrument.read': true;
    'instrument.read_unpublished': true;
    'instrument.write': true;
    'instrument.see_contracts': true;
  }
}

function editorInProgramme(actor: UserActor, scope: Scope): boolean {
  return actor.memberships.some((membership) => membership.role === 'editor' && membership.programmeId === scope.programmeId);
}

export const instrumentGrants = {
  'instrument.read': { public: true },
  'instrument.read_unpublished': { admin: true, coordinator: 'programme', editor: 'partner' },
  'instrument.write': { editor: 'partner' },
  'instrument.see_contracts': { admin: true, coordinator: 'programme', editor: editorInProgramme },
} satisfies Record<string, Grant>;
