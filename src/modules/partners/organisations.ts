/** Use cases for stakeholder organisations: a partner's regional stakeholder group on the quadruple helix. */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db, Tx } from '../../core/db/database.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../core/db/errors.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import * as queries from './queries.js';
import type { OrganisationInput, OrganisationLinkInput } from './schema.js';
import type { Helix, SizeClass } from './tables.js';

export interface Organisation {
  id: number;
  programmeId: number;
  name: string;
  countryCode: string;
  helix: Helix;
  sizeClass: SizeClass | null;
  website: string | null;
}

export interface OrganisationWithLinks extends Organisation {
  links: { partnerId: number; inRegion: boolean }[];
}

type OrganisationRow = NonNullable<Awaited<ReturnType<typeof queries.lockOrganisation>>>;

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    countryCode: row.country_code,
    helix: row.helix,
    sizeClass: row.size_class,
    website: row.website,
  };
}

export async function listOrganisations(db: Db, programmeId: number | null = null): Promise<Organisation[]> {
  return (await queries.listOrganisations(db, programmeId)).map(toOrganisation);
}

export async function findOrganisation(db: Db, organisationId: number): Promise<OrganisationWithLinks | undefined> {
  const row = await queries.findOrganisation(db, organisationId);
  return row && { ...toOrganisation(row), links: row.links };
}

export async function listLinkableOrganisations(db: Db, programmeId: number, partnerId: number): Promise<Organisation[]> {
  return (await queries.listLinkableOrganisations(db, programmeId, partnerId)).map(toOrganisation);
}

export type OrganisationRefusal = 'forbidden' | 'not_found' | 'name_taken' | 'already_linked' | 'in_use';

async function linkedPartnerIds(trx: Tx, organisationId: number): Promise<number[]> {
  return (await queries.linksOfOrganisation(trx, organisationId)).map((link) => link.partner_id);
}

/** Creates an organisation and puts it in the partner's stakeholder group. */
export async function createOrganisationForPartner(
  db: Db,
  actor: Actor,
  partnerId: number,
  input: OrganisationInput,
): Promise<Outcome<Organisation, OrganisationRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const partner = await queries.lockPartner(trx, partnerId);
      if (!partner) return refuse('not_found');
      if (!can(actor, 'organisation.create', { programmeId: partner.programme_id, partnerIds: [partnerId] })) return refuse('forbidden');
      if (await queries.organisationNameTaken(trx, partner.programme_id, input.name, null)) return refuse('name_taken', 'name');
      const organisation = toOrganisation(await queries.insertOrganisation(trx, partner.programme_id, input));
      await queries.insertLink(trx, partnerId, organisation.id, input.inRegion);
      await recordAudit(trx, actor, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: organisation.id,
        programmeId: partner.programme_id,
        after: { ...organisation, partnerId, inRegion: input.inRegion },
      });
      return done(organisation);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('name_taken', 'name');
    throw error;
  }
}

/** Corrects an organisation's details and whether it is in this partner's region. */
export async function updateOrganisationInGroup(
  db: Db,
  actor: Actor,
  partnerId: number,
  organisationId: number,
  input: OrganisationInput,
): Promise<Outcome<Organisation, OrganisationRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await queries.lockOrganisation(trx, organisationId);
      const link = before && (await queries.findLink(trx, partnerId, organisationId));
      if (!before || !link) return refuse('not_found');
      const programmeId = before.programme_id;
      const partnerIds = await linkedPartnerIds(trx, organisationId);
      if (!can(actor, 'organisation.update', { programmeId, partnerIds }) || !can(actor, 'organisation.link', { programmeId, partnerIds: [partnerId] })) {
        return refuse('forbidden');
      }
      if (await queries.organisationNameTaken(trx, programmeId, input.name, organisationId)) return refuse('name_taken', 'name');
      const after = toOrganisation(await queries.updateOrganisation(trx, organisationId, input));
      await queries.updateLink(trx, partnerId, organisationId, input.inRegion);
      await recordAudit(trx, actor, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: organisationId,
        programmeId,
        before: { ...toOrganisation(before), partnerId, inRegion: link.in_region },
        after: { ...after, partnerId, inRegion: input.inRegion },
      });
      return done(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('name_taken', 'name');
    throw error;
  }
}

/** Adds an organisation already known in the programme to another partner's stakeholder group. */
export async function linkOrganisation(
  db: Db,
  actor: Actor,
  partnerId: number,
  input: OrganisationLinkInput,
): Promise<Outcome<Organisation, OrganisationRefusal>> {
  return db.transaction().execute(async (trx) => {
    const partner = await queries.lockPartner(trx, partnerId);
    if (!partner) return refuse('not_found');
    if (!can(actor, 'organisation.link', { programmeId: partner.programme_id, partnerIds: [partnerId] })) return refuse('forbidden');
    const organisation = await queries.lockOrganisation(trx, input.organisationId);
    if (!organisation || organisation.programme_id !== partner.programme_id) return refuse('not_found', 'organisationId');
    if (await queries.findLink(trx, partnerId, input.organisationId)) return refuse('already_linked', 'organisationId');
    await queries.insertLink(trx, partnerId, input.organisationId, input.inRegion);
    await recordAudit(trx, actor, {
      action: 'organisation.link',
      entityType: 'partner_organisation',
      entityId: `${partnerId}:${input.organisationId}`,
      programmeId: partner.programme_id,
      after: { partnerId, organisationId: input.organisationId, inRegion: input.inRegion },
    });
    return done(toOrganisation(organisation));
  });
}

/** Takes an organisation out of a partner's stakeholder group; the organisation itself stays. */
export async function unlinkOrganisation(db: Db, actor: Actor, partnerId: number, organisationId: number): Promise<Outcome<Organisation, OrganisationRefusal>> {
  return db.transaction().execute(async (trx) => {
    const organisation = await queries.lockOrganisation(trx, organisationId);
    const link = organisation && (await queries.findLink(trx, partnerId, organisationId));
    if (!organisation || !link) return refuse('not_found');
    if (!can(actor, 'organisation.link', { programmeId: organisation.programme_id, partnerIds: [partnerId] })) return refuse('forbidden');
    await queries.deleteLink(trx, partnerId, organisationId);
    await recordAudit(trx, actor, {
      action: 'organisation.unlink',
      entityType: 'partner_organisation',
      entityId: `${partnerId}:${organisationId}`,
      programmeId: organisation.programme_id,
      before: { partnerId, organisationId, inRegion: link.in_region },
    });
    return done(toOrganisation(organisation));
  });
}

/** Deletes an organisation everywhere; refused while stakeholder accounts (or later records) refer to it. */
export async function deleteOrganisation(db: Db, actor: Actor, organisationId: number): Promise<Outcome<Organisation, OrganisationRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await queries.lockOrganisation(trx, organisationId);
      if (!before) return refuse('not_found');
      const partnerIds = await linkedPartnerIds(trx, organisationId);
      if (!can(actor, 'organisation.delete', { programmeId: before.programme_id, partnerIds })) return refuse('forbidden');
      await queries.deleteOrganisation(trx, organisationId);
      await recordAudit(trx, actor, {
        action: 'organisation.delete',
        entityType: 'organisation',
        entityId: organisationId,
        programmeId: before.programme_id,
        before: { ...toOrganisation(before), partnerIds },
      });
      return done(toOrganisation(before));
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return refuse('in_use');
    throw error;
  }
}
