/**
 * The whole authorisation matrix: every role against every action of the platform, on records of partner A of
 * programme P. A new action fails this test until its row is added, so no action ships without a decision.
 */
import { describe, expect, it } from 'vitest';
import { anonymous, type Actor, type Membership, type UserActor } from './actor.js';
import { can, definedActions, mayAttempt, type PolicyAction, type Scope } from './policy.js';

const P = 1;
const otherProgramme = 2;
const A = 10;
const B = 20;
const organisationOfA = 100;

function user(id: number, memberships: Membership[], isAdmin = false): UserActor {
  return { kind: 'user', userId: id, displayName: `User ${id}`, email: `u${id}@example.org`, isAdmin, memberships };
}

const roles: Record<string, Actor> = {
  anonymous,
  signedIn: user(1, []),
  stakeholderA: user(2, [{ programmeId: P, role: 'stakeholder', partnerId: null, organisationId: organisationOfA }]),
  editorA: user(3, [{ programmeId: P, role: 'editor', partnerId: A, organisationId: null }]),
  editorB: user(4, [{ programmeId: P, role: 'editor', partnerId: B, organisationId: null }]),
  coordinator: user(5, [{ programmeId: P, role: 'coordinator', partnerId: null, organisationId: null }]),
  otherCoordinator: user(6, [{ programmeId: otherProgramme, role: 'coordinator', partnerId: null, organisationId: null }]),
  admin: user(7, [], true),
};
const roleNames = Object.keys(roles);

const onPartnerA: Scope = { programmeId: P, partnerIds: [A] };
const scopes: Partial<Record<PolicyAction, Scope>> = {
  'programme.update': { programmeId: P },
  'partner.create': { programmeId: P },
  'partner.update': onPartnerA,
  'partner.assign_role': onPartnerA,
  'partner.delete': onPartnerA,
  'organisation.create': onPartnerA,
  'organisation.update': onPartnerA,
  'organisation.link': onPartnerA,
  'organisation.delete': onPartnerA,
  'practice.read_unpublished': onPartnerA,
  'practice.create': onPartnerA,
  'practice.propose': { ...onPartnerA, organisationId: organisationOfA },
  'practice.update': onPartnerA,
  'practice.submit': onPartnerA,
  'practice.review': onPartnerA,
  'practice.decide_proposal': onPartnerA,
  'practice.delete': onPartnerA,
  'practice.delete_published': onPartnerA,
  'practice.import': onPartnerA,
  'practice.import_adjust': { programmeId: P },
  'theme.add_for_import': { programmeId: P },
  'learning_need.manage': onPartnerA,
  'transfer.create': onPartnerA,
  'transfer.record_stage': onPartnerA,
  'transfer.assess': { ...onPartnerA, organisationId: organisationOfA },
  'event.manage': onPartnerA,
  'event.participants.read': onPartnerA,
  'event.attendance.record': onPartnerA,
  'plan.read_draft': onPartnerA,
  'instrument.read_unpublished': onPartnerA,
  'instrument.write': onPartnerA,
  'instrument.see_contracts': onPartnerA,
  'plan.write': onPartnerA,
  'plan.review': onPartnerA,
  'plan.comment': onPartnerA,
  'plan.report': onPartnerA,
  'results.read_unvalidated': onPartnerA,
  'indicator.define': onPartnerA,
  'indicator.report': onPartnerA,
  'indicator.validate': onPartnerA,
  'maturity.read_answers': onPartnerA,
  'maturity.answer': onPartnerA,
  'maturity.define': onPartnerA,
};

// Columns: anonymous, signedIn, stakeholderA, editorA, editorB, coordinator, otherCoordinator, admin.
const expected: Record<PolicyAction, string> = {
  'programme.read': '11111111',
  'programme.create': '00000001',
  'programme.update': '00000101',
  'partner.read': '11111111',
  'partner.contact.read': '01111111',
  'partner.create': '00000101',
  'partner.update': '00010101',
  'partner.assign_role': '00000101',
  'partner.delete': '00000101',
  'organisation.create': '00010101',
  'organisation.update': '00010101',
  'organisation.link': '00010101',
  'organisation.delete': '00010101',
  'account.read': '01111111',
  'account.update': '01111111',
  'account.export': '01111111',
  'account.sign_out': '01111111',
  // Each person reads and sets only their own notifications; the emailed unsubscribe link needs no session.
  'notification.read_own': '01111111',
  'notification.settings': '01111111',
  'notification.unsubscribe': '11111111',
  'follow.manage': '01111111',
  'user.read': '00000001',
  'user.invite': '00000001',
  'user.update': '00000001',
  'user.deactivate': '00000001',
  'user.erase': '00000001',
  'audit.read': '00000001',
  'outbox.read': '00000001',
  'theme.manage': '00000001',
  'theme.add_for_import': '00000101',
  'practice.read_published': '11111111',
  'practice.read_unpublished': '00010101',
  'practice.contact.read': '01111111',
  'practice.create': '00010101',
  'practice.propose': '00100000',
  'practice.update': '00010101',
  'practice.submit': '00010101',
  'practice.review': '00000101',
  'practice.decide_proposal': '00010101',
  'practice.delete': '00010101',
  'practice.delete_published': '00000101',
  'practice.import': '00010101',
  'practice.import_adjust': '00000101',
  'learning_need.manage': '00010101',
  'transfer.read': '01111111',
  'transfer.create': '00010101',
  'transfer.record_stage': '00010101',
  'transfer.assess': '00110101',
  'event.read': '11111111',
  'event.manage': '00010101',
  'event.participants.read': '00010101',
  'event.attendance.record': '00010101',
  'event.statistics.read': '11111111',
  'event.participants.anonymise': '00000001',
  'plan.read_endorsed': '11111111',
  'plan.read_draft': '00011101',
  'plan.write': '00010000',
  'plan.review': '00000100',
  'plan.comment': '00011101',
  'plan.report': '00010000',
  'instrument.read': '11111111',
  'instrument.read_unpublished': '00010101',
  'instrument.write': '00010000',
  'instrument.see_contracts': '00011101',
  'results.read': '11111111',
  'results.read_unvalidated': '00011101',
  'indicator.define': '00000101',
  'indicator.report': '00010000',
  'indicator.validate': '00000100',
  'maturity.read_answers': '00010101',
  'maturity.answer': '00010000',
  'maturity.define': '00000101',
  'workspace.read': '01111111',
};

describe('the authorisation matrix', () => {
  it('has a decided row for every action the modules define', () => {
    expect(Object.keys(expected).sort()).toEqual(definedActions());
  });

  for (const [action, row] of Object.entries(expected) as [PolicyAction, string][]) {
    it(`decides ${action} for every role`, () => {
      const actual = roleNames.map((name) => (can(roles[name] as Actor, action, scopes[action] ?? {}) ? '1' : '0')).join('');
      expect(`${action}: ${actual}`).toBe(`${action}: ${row}`);
    });
  }

  it('never lets an editor act on another partner’s records', () => {
    const editorB = roles.editorB as Actor;
    for (const action of ['partner.update', 'organisation.create', 'organisation.update', 'organisation.link', 'organisation.delete'] as const) {
      expect(can(editorB, action, onPartnerA), action).toBe(false);
    }
  });

  it('lets an editor delete an organisation only when no other partner’s group holds it', () => {
    expect(can(roles.editorA as Actor, 'organisation.delete', { programmeId: P, partnerIds: [A, B] })).toBe(false);
  });

  it('does not let a coordinator reach into another programme, nor an editor whose membership is elsewhere', () => {
    expect(can(roles.otherCoordinator as Actor, 'partner.update', onPartnerA)).toBe(false);
    expect(can(roles.editorA as Actor, 'partner.update', { programmeId: otherProgramme, partnerIds: [A] })).toBe(false);
  });

  it('lets a stakeholder read and edit their own proposal only, and only while it is one', () => {
    const stakeholder = roles.stakeholderA as UserActor;
    const ownProposal: Scope = { ...onPartnerA, userId: stakeholder.userId };
    expect(can(stakeholder, 'practice.read_unpublished', ownProposal)).toBe(true);
    expect(can(stakeholder, 'practice.update', ownProposal)).toBe(true);
    expect(can(stakeholder, 'practice.read_unpublished', { ...onPartnerA, userId: 999 })).toBe(false);
    expect(can(stakeholder, 'practice.propose', { ...onPartnerA, organisationId: 555 })).toBe(false);
  });

  it('turns away at the route those who could never do an action, and only them', () => {
    expect(mayAttempt(roles.stakeholderA as Actor, 'partner.update')).toBe(false);
    expect(mayAttempt(roles.editorB as Actor, 'partner.update')).toBe(true);
    expect(mayAttempt(anonymous, 'account.read')).toBe(false);
    expect(mayAttempt(anonymous, 'partner.read')).toBe(true);
  });
});
