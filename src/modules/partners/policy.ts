/** Who may do what with partners and their stakeholder organisations. */
import type { UserActor } from '../../core/policy/actor.js';
import { type Grant, type Scope } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'partner.read': true;
    'partner.contact.read': true;
    'partner.create': true;
    'partner.update': true;
    'partner.assign_role': true;
    'partner.delete': true;
    'organisation.create': true;
    'organisation.update': true;
    'organisation.link': true;
    'organisation.delete': true;
  }
}

/** An editor may delete an organisation only when it belongs to no stakeholder group but their own partner's. */
function editsEveryLinkedPartner(actor: UserActor, scope: Scope): boolean {
  const editorOf = new Set(actor.memberships.filter((m) => m.role === 'editor' && m.programmeId === scope.programmeId).map((m) => m.partnerId));
  const linked = scope.partnerIds ?? [];
  return linked.length > 0 && linked.every((partnerId) => editorOf.has(partnerId));
}

export const partnerGrants = {
  'partner.read': { public: true },
  /** A partner's contact person is personal data: shown to signed-in users only. */
  'partner.contact.read': { user: true },
  'partner.create': { admin: true, coordinator: 'programme' },
  'partner.update': { admin: true, coordinator: 'programme', editor: 'partner' },
  /** Who leads the programme is the coordinator's call, not the partner's. */
  'partner.assign_role': { admin: true, coordinator: 'programme' },
  'partner.delete': { admin: true, coordinator: 'programme' },
  /** Scope: the partner whose stakeholder group receives the organisation. */
  'organisation.create': { admin: true, coordinator: 'programme', editor: 'partner' },
  /** Scope: every partner the organisation is linked to; an editor of any of them may correct it. */
  'organisation.update': { admin: true, coordinator: 'programme', editor: 'partner' },
  /** Scope: the partner whose stakeholder group gains or loses the organisation. */
  'organisation.link': { admin: true, coordinator: 'programme', editor: 'partner' },
  'organisation.delete': { admin: true, coordinator: 'programme', editor: editsEveryLinkedPartner },
} satisfies Record<string, Grant>;
