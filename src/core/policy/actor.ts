/** Who is making a request: the anonymous public or a signed-in user with a platform flag and programme memberships. */

export const membershipRoles = ['coordinator', 'editor', 'stakeholder'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

export interface Membership {
  programmeId: number;
  role: MembershipRole;
  /** Set for editors: the partner whose records they edit. */
  partnerId: number | null;
  /** Set for stakeholders: the organisation they belong to. */
  organisationId: number | null;
}

/** Every actor may carry the id of the request it acts in, so audit entries can be matched with the logs. */
interface Traceable {
  requestId?: string;
}

export interface AnonymousActor extends Traceable {
  kind: 'anonymous';
}

export interface UserActor extends Traceable {
  kind: 'user';
  userId: number;
  displayName: string;
  email: string;
  isAdmin: boolean;
  memberships: readonly Membership[];
}

/** Work done by the platform itself (seeding, migrations, CLI, background jobs), recorded in the audit log by label. */
export interface SystemActor extends Traceable {
  kind: 'system';
  label: string;
}

export type Actor = AnonymousActor | UserActor | SystemActor;

export const anonymous: AnonymousActor = { kind: 'anonymous' };

export function systemActor(label: string): SystemActor {
  return { kind: 'system', label };
}
