/**
 * Who may do what with Regional Action Plans. The owner partner's editors write their plan and its reports; the
 * coordinator and the other partners' editors of the programme read drafts and comment (peer review); the
 * coordinator approves; everyone reads endorsed plans and submitted reports.
 */
import type { UserActor } from '../../core/policy/actor.js';
import { type Grant, type Scope } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'plan.read_endorsed': true;
    'plan.read_draft': true;
    'plan.write': true;
    'plan.review': true;
    'plan.comment': true;
    'plan.report': true;
  }
}

/** Editors of any partner of the record's programme: the partners review each other's plans. */
function editorInProgramme(actor: UserActor, scope: Scope): boolean {
  return actor.memberships.some((membership) => membership.role === 'editor' && membership.programmeId === scope.programmeId);
}

const peers: Grant = { admin: true, coordinator: 'programme', editor: editorInProgramme };

export const planGrants = {
  'plan.read_endorsed': { public: true },
  'plan.read_draft': peers,
  /** Create, edit, submit, record the endorsement and start a revision: the owner partner's editors only. */
  'plan.write': { editor: 'partner' },
  /** Approve a submitted plan, or return it with a comment. */
  'plan.review': { coordinator: 'programme' },
  'plan.comment': peers,
  'plan.report': { editor: 'partner' },
} satisfies Record<string, Grant>;
