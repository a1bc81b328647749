/**
 * The one authorisation policy: every action on every record is decided by `can(actor, action, scope)`.
 * Modules declare their actions and grants in their policy.ts; this file only evaluates them.
 *
 * A grant says, per role, whether and within which scope the role may act:
 *   true          always (for `public`: even anonymous visitors)
 *   'programme'   coordinators of the record's programme
 *   'partner'     editors of one of the record's partners
 *   'organisation' stakeholders of the record's organisation
 *   'self'        the user the record belongs to
 *   a function    anything finer, e.g. a rule that depends on the record's state
 */
import type { Actor, Membership, UserActor } from './actor.js';

/** Where a record sits, as far as permissions care. */
export interface Scope {
  programmeId?: number;
  /** Partners whose editors may act on the record (e.g. every partner an organisation is linked to). */
  partnerIds?: readonly number[];
  organisationId?: number;
  /** The user the record belongs to (their own account). */
  userId?: number;
}

export type ScopeKind = 'programme' | 'partner' | 'organisation' | 'self';
export type GrantRule = boolean | ScopeKind | ((actor: UserActor, scope: Scope) => boolean);

export interface Grant {
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Any signed-in user. */
  user?: boolean;
  /** Platform administrators. */
  admin?: boolean;
  coordinator?: GrantRule;
  editor?: GrantRule;
  stakeholder?: GrantRule;
}

/** Every action of the platform; modules add theirs by declaration merging in their policy.ts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PolicyActions {}
export type PolicyAction = Extract<keyof PolicyActions, string>;

const grants = new Map<string, Grant>();

/** Registers a module's grants; each action may be defined once, so two modules cannot silently disagree. */
export function defineGrants(moduleGrants: Partial<Record<PolicyAction, Grant>>): void {
  for (const [action, grant] of Object.entries<Grant | undefined>(moduleGrants)) {
    if (!grant) continue;
    if (grants.has(action)) throw new Error(`Policy action ${action} is defined twice`);
    grants.set(action, grant);
  }
}

export function definedActions(): string[] {
  return [...grants.keys()].sort();
}

function grantFor(action: string): Grant {
  const grant = grants.get(action);
  if (!grant) throw new Error(`Policy action ${action} is not defined`);
  return grant;
}

function membershipsOf(actor: UserActor, role: Membership['role']): Membership[] {
  return actor.memberships.filter((membership) => membership.role === role);
}

function satisfies(rule: GrantRule | undefined, actor: UserActor, role: Membership['role'], scope: Scope): boolean {
  if (rule === undefined || rule === false) return false;
  if (membershipsOf(actor, role).length === 0) return false;
  if (typeof rule === 'function') return rule(actor, scope);
  if (rule === true) return true;
  const inProgramme = (membership: Membership) => scope.programmeId === undefined || membership.programmeId === scope.programmeId;
  switch (rule) {
    case 'programme':
      return scope.programmeId !== undefined && membershipsOf(actor, 'coordinator').some(inProgramme);
    case 'partner':
      return membershipsOf(actor, 'editor').some(
        (membership) => inProgramme(membership) && membership.partnerId !== null && (scope.partnerIds ?? []).includes(membership.partnerId),
      );
    case 'organisation':
      return membershipsOf(actor, 'stakeholder').some(
        (membership) => inProgramme(membership) && membership.organisationId !== null && membership.organisationId === scope.organisationId,
      );
    case 'self':
      return scope.userId === actor.userId;
  }
}

/** Decides one action on one record. The system actor (seeding, CLI, jobs) is trusted. */
export function can(actor: Actor, action: PolicyAction, scope: Scope = {}): boolean {
  const grant = grantFor(action);
  if (grant.public) return true;
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  if (grant.user) return true;
  if (actor.isAdmin && grant.admin) return true;
  return (['coordinator', 'editor', 'stakeholder'] as const).some((role) => satisfies(grant[role], actor, role, scope));
}

/**
 * Whether the actor could be allowed the action on some record: the route-level check that turns a stakeholder
 * away from an edit page before any record is read. The record-level `can` still decides.
 */
export function mayAttempt(actor: Actor, action: PolicyAction): boolean {
  const grant = grantFor(action);
  if (grant.public || actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return false;
  if (grant.user) return true;
  if (actor.isAdmin && grant.admin) return true;
  return (['coordinator', 'editor', 'stakeholder'] as const).some((role) => {
    const rule = grant[role];
    return rule !== undefined && rule !== false && membershipsOf(actor, role).length > 0;
  });
}

/** Whether an action is open to anonymous visitors. */
export function isPublicAction(action: PolicyAction): boolean {
  return grantFor(action).public === true;
}
