/** "Editor for Tartu City Government (BETTER)": a role with the names of what it applies to. */
import { useView } from '../../../core/views/context.js';

export interface ScopeNames {
  programmes: Map<number, string>;
  partners: Map<number, string>;
  organisations: Map<number, string>;
}

export function MembershipDescription({
  membership,
  names,
}: {
  membership: { programmeId: number; role: string; partnerId: number | null; organisationId: number | null };
  names: ScopeNames;
}) {
  const { t } = useView();
  const programme = names.programmes.get(membership.programmeId) ?? `#${membership.programmeId}`;
  const target =
    membership.partnerId !== null
      ? (names.partners.get(membership.partnerId) ?? `#${membership.partnerId}`)
      : membership.organisationId !== null
        ? (names.organisations.get(membership.organisationId) ?? `#${membership.organisationId}`)
        : programme;
  return <>{t(`accounts.roles.describe.${membership.role}`, { target, programme })}</>;
}
