/**
 * Who may do what with results. The coordinator defines indicators, sets targets and validates reported values; a
 * partner's editors report their own values and answer their own maturity rounds; the programme's staff (editors and
 * coordinator) also see values that are not validated yet, marked as such; everyone sees validated figures, public
 * indicators and submitted maturity scores.
 */
import type { UserActor } from '../../core/policy/actor.js';
import { type Grant, type Scope } from '../../core/policy/policy.js';

declare module '../../core/policy/policy.js' {
  interface PolicyActions {
    'results.read': true;
    'results.read_unvalidated': true;
    'indicator.define': true;
    'indicator.report': true;
    'indicator.validate': true;
    'maturity.read_answers': true;
    'maturity.answer': true;
    'maturity.define': true;
  }
}

function editorInProgramme(actor: UserActor, scope: Scope): boolean {
  return actor.memberships.some((membership) => membership.role === 'editor' && membership.programmeId === scope.programmeId);
}

const staff: Grant = { admin: true, coordinator: 'programme', editor: editorInProgramme };

export const resultGrants = {
  'results.read': { public: true },
  'results.read_unvalidated': staff,
  /** Create and edit indicators, switch built-in ones on or off, set targets. */
  'indicator.define': { admin: true, coordinator: 'programme' },
  /** Report or correct a value for the partner's own indicator and semester. */
  'indicator.report': { editor: 'partner' },
  /** Validate a reported value or return it with a comment. */
  'indicator.validate': { coordinator: 'programme' },
  /** The answers and comments of a partner's rounds, and rounds not submitted yet. */
  'maturity.read_answers': { admin: true, coordinator: 'programme', editor: 'partner' },
  /** Open a round, answer it, invite stakeholders, submit it. */
  'maturity.answer': { editor: 'partner' },
  /** Change the programme's questionnaire framework. */
  'maturity.define': { admin: true, coordinator: 'programme' },
} satisfies Record<string, Grant>;
