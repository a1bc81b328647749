/**
 * Who may do what in the good practice library. Where a record's state matters (published or not, proposed by
 * whom), the use case chooses the action or the scope: e.g. a published practice asks `practice.read_published`,
 * a draft `practice.read_unpublished`, and a stakeholder's own proposal is in their `self` scope only while proposed.
 */
import type { Grant } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'practice.read_published': true;
    'practice.read_unpublished': true;
    'practice.contact.read': true;
    'practice.create': true;
    'practice.propose': true;
    'practice.update': true;
    'practice.submit': true;
    'practice.review': true;
    'practice.decide_proposal': true;
    'practice.delete': true;
    'practice.delete_published': true;
    'practice.import': true;
    'practice.import_adjust': true;
    'learning_need.manage': true;
    'transfer.read': true;
    'transfer.create': true;
    'transfer.record_stage': true;
    'transfer.assess': true;
  }
}

const partnerStaff: Grant = { admin: true, coordinator: 'programme', editor: 'partner' };

export const practiceGrants = {
  'practice.read_published': { public: true },
  /** Drafts and reviews: the owner partner's editors, the coordinator, and a stakeholder for their own proposal. */
  'practice.read_unpublished': { ...partnerStaff, stakeholder: 'self' },
  /** The contact person is personal data: signed-in users only. */
  'practice.contact.read': { user: true },
  'practice.create': partnerStaff,
  /** Scope: the stakeholder's organisation that belongs to the target partner's stakeholder group. */
  'practice.propose': { stakeholder: 'organisation' },
  'practice.update': { ...partnerStaff, stakeholder: 'self' },
  'practice.submit': partnerStaff,
  /** Validating (publishing) or returning a practice is the coordinator's call. */
  'practice.review': { admin: true, coordinator: 'programme' },
  'practice.decide_proposal': partnerStaff,
  'practice.delete': partnerStaff,
  'practice.delete_published': { admin: true, coordinator: 'programme' },
  'practice.import': partnerStaff,
  /** Scope: the importing programme. Shortening summaries and adding themes while importing changes what the file says: the coordinator's call. */
  'practice.import_adjust': { admin: true, coordinator: 'programme' },
  'learning_need.manage': partnerStaff,
  /** Transfer pages carry partners' working notes: for signed-in users. */
  'transfer.read': { user: true },
  /** Scope: the importing partner. */
  'transfer.create': partnerStaff,
  /** Scope: the importing and the owning partner, who both take part in visits and workshops. */
  'transfer.record_stage': partnerStaff,
  /** Scope: the importing partner, or a stakeholder of its group who took part in the visit. */
  'transfer.assess': { ...partnerStaff, stakeholder: 'organisation' },
} satisfies Record<string, Grant>;
