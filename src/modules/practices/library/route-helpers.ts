/** What the practice pages need around a practice: names, choices for the forms, and the actions the actor may take. */
import type { Db } from '../../../core/db/database.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import type { Option } from '../../../core/views/components/forms.js';
import { findOrganisation, findPartnerWithGroup, listPartners, type PartnerSummary } from '../../partners/service.js';
import { listProgrammes } from '../../programmes/service.js';
import { canRead, deleteActionFor, isEditable, scopeOf, transitionsOpenTo, transitionsUnder, type Practice, type TransitionName } from './service.js';
import type { PracticeActions } from './views/PracticePage.js';

/** Partners the actor may record practices for (or, proposing, whose stakeholder group they are in), by programme. */
export async function partnerChoices(db: Db, actor: Actor, mode: 'create' | 'propose'): Promise<PartnerSummary[]> {
  // Both need a signed-in user with a role: a visitor's library page need not read every partner (2,000 at scale).
  if (actor.kind === 'anonymous') return [];
  const partners = await listPartners(db, actor);
  if (mode === 'create') return partners.filter((partner) => can(actor, 'practice.create', { programmeId: partner.programmeId, partnerIds: [partner.id] }));
  // The partners whose stakeholder group has one of the actor's organisations (stakeholderOrganisationFor), found from
  // those organisations' links: asking each partner for its group was a query per partner, 2,000 at scale.
  if (actor.kind !== 'user') return [];
  const mine = new Set(
    actor.memberships.flatMap((membership) => (membership.role === 'stakeholder' && membership.organisationId !== null ? [membership.organisationId] : [])),
  );
  const organisations = await Promise.all([...mine].map((id) => findOrganisation(db, id)));
  const linked = new Set(organisations.flatMap((organisation) => organisation?.links.map((link) => link.partnerId) ?? []));
  return partners.filter((partner) => linked.has(partner.id));
}

export async function formChoices(db: Db, actor: Actor, partners: PartnerSummary[]): Promise<{ partnerOptions: Option[]; organisationOptions: Option[] }> {
  const programmes = new Map((await listProgrammes(db)).map((programme) => [programme.id, programme.acronym]));
  const several = new Set(partners.map((partner) => partner.programmeId)).size > 1;
  const organisationOptions: Option[] = [];
  for (const partner of partners) {
    const group = await findPartnerWithGroup(db, actor, partner.id);
    for (const organisation of group?.organisations ?? [])
      organisationOptions.push({ value: String(organisation.id), label: organisation.name, group: partner.shortName });
  }
  return {
    partnerOptions: partners.map((partner) => ({
      value: String(partner.id),
      label: partner.name,
      ...(several ? { group: programmes.get(partner.programmeId) ?? '' } : {}),
    })),
    organisationOptions,
  };
}

/** The decisions a review or proposal page offers: those of its kind open from the practice's status to this actor. */
export function decisionsOn(actor: Actor, practice: Practice, kind: 'review' | 'proposal'): TransitionName[] {
  const open = transitionsOpenTo(actor, practice);
  return transitionsUnder(kind === 'review' ? 'practice.review' : 'practice.decide_proposal').filter((name) => open.includes(name));
}

/** The buttons and forms a practice page offers this actor. */
export function actionsOn(actor: Actor, practice: Practice, partners: PartnerSummary[]): PracticeActions {
  const scope = scopeOf(practice);
  const open = transitionsOpenTo(actor, practice);
  const offers = (action: Parameters<typeof transitionsUnder>[0]) => transitionsUnder(action).some((name) => open.includes(name));
  const interestPartners =
    practice.status === 'published'
      ? partners
          .filter((partner) => partner.programmeId === practice.programmeId && partner.id !== practice.ownerPartnerId)
          .filter((partner) => can(actor, 'transfer.create', { programmeId: partner.programmeId, partnerIds: [partner.id] }))
          .map((partner) => ({ value: String(partner.id), label: partner.name }))
      : [];
  return {
    edit: isEditable(practice) && can(actor, 'practice.update', scope),
    submit: offers('practice.submit'),
    review: offers('practice.review'),
    decideProposal: offers('practice.decide_proposal'),
    delete: can(actor, deleteActionFor(practice), scope),
    interestPartners,
    seeTransfers: can(actor, 'transfer.read') && canRead(actor, practice),
  };
}

/** Programmes the actor may import into: every one for an administrator, else those where they coordinate or edit. */
export async function programmeChoices(db: Db, actor: Actor): Promise<Option[]> {
  const mine =
    actor.kind === 'user' && !actor.isAdmin
      ? new Set(actor.memberships.filter((membership) => membership.role !== 'stakeholder').map((membership) => membership.programmeId))
      : null;
  return (await listProgrammes(db))
    .filter((programme) => mine === null || mine.has(programme.id))
    .map((programme) => ({ value: String(programme.id), label: `${programme.acronym} – ${programme.title}` }));
}
