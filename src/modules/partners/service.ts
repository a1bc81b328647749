/** Use cases of the partners module for partners; stakeholder organisations are in organisations.ts, re-exported here. */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db } from '../../core/db/database.js';
import { isForeignKeyViolation, isUniqueViolation, violatedConstraint } from '../../core/db/errors.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import { findProgramme } from '../programmes/service.js';
import * as queries from './queries.js';
import type { PartnerInput } from './schema.js';
import type { Helix, SizeClass } from './tables.js';

export type { OrganisationInput, PartnerInput } from './schema.js';
export * from './organisations.js';
export { partnerPageSections, type PartnerPageSection } from './sections.js';
export { helixTypes } from './schema.js';
export type { Helix, SizeClass } from './tables.js';

export interface Partner {
  id: number;
  programmeId: number;
  name: string;
  shortName: string;
  countryCode: string;
  nutsCode: string;
  nutsName: string;
  role: 'lead_partner' | 'partner';
  website: string | null;
  /** Null unless the actor may read contact details (personal data). */
  contactName: string | null;
  contactEmail: string | null;
}

export interface PartnerSummary extends Partner {
  organisationCount: number;
}

export interface StakeholderOrganisation {
  id: number;
  name: string;
  countryCode: string;
  helix: Helix;
  sizeClass: SizeClass | null;
  website: string | null;
  inRegion: boolean;
}

export interface PartnerWithGroup extends Partner {
  organisations: StakeholderOrganisation[];
}

type PartnerRow = NonNullable<Awaited<ReturnType<typeof queries.findPartner>>>;

function toPartner(row: PartnerRow, showContact = true): Partner {
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    shortName: row.short_name,
    countryCode: row.country_code,
    nutsCode: row.nuts_code,
    nutsName: row.nuts_name,
    role: row.role,
    website: row.website,
    contactName: showContact ? row.contact_name : null,
    contactEmail: showContact ? row.contact_email : null,
  };
}

export async function listPartners(db: Db, actor: Actor, programmeId: number | null = null): Promise<PartnerSummary[]> {
  return summariesOf(actor, await queries.listPartners(db, programmeId === null ? null : { programmeIds: [programmeId], partnerIds: [] }));
}

/** The partners of the programmes given and those with the ids given: what a page about one record names. */
export async function listPartnersAround(
  db: Db,
  actor: Actor,
  selection: { programmeIds: readonly number[]; partnerIds: readonly number[] },
): Promise<PartnerSummary[]> {
  return summariesOf(actor, await queries.listPartners(db, selection));
}

/** How many partners a listing's partner filter offers besides those chosen: the ones with the most matches. */
export const partnerFilterSize = 30;

/**
 * The ids of the `size` partners with the most matches (ties by id), most first: one pass keeping the best so far,
 * rather than sorting every partner with a match (2,000 at scale) to keep thirty.
 */
export function busiestOf(matches: ReadonlyMap<number, number>, size: number): number[] {
  const best: { id: number; count: number }[] = [];
  const ahead = (one: { id: number; count: number }, id: number, count: number) => one.count > count || (one.count === count && one.id < id);
  for (const [id, count] of matches) {
    const last = best.at(-1);
    if (count <= 0 || (best.length === size && last && ahead(last, id, count))) continue;
    let at = best.length;
    while (at > 0 && !ahead(best[at - 1] as { id: number; count: number }, id, count)) at -= 1;
    best.splice(at, 0, { id, count });
    if (best.length > size) best.pop();
  }
  return best.map((entry) => entry.id);
}

/**
 * The partners a filtered listing (the library, events, instruments) names, in one read: those its records name and,
 * as its partner filter, the ones chosen and the `partnerFilterSize` with the most matches under the other filters
 * (ties by id, so the filter does not change between two requests) — not the 2,000 partners of an installation
 * holding hundreds of programmes (issue #13). A partner with no match is offered only when chosen.
 */
export async function partnersOfFilter(
  db: Db,
  actor: Actor,
  listing: { matches: ReadonlyMap<number, number>; chosen: readonly number[]; named: readonly number[] },
): Promise<{ partners: PartnerSummary[]; filter: PartnerSummary[] }> {
  const busiest = busiestOf(listing.matches, partnerFilterSize);
  const offered = new Set([...busiest, ...listing.chosen]);
  const partners = await listPartnersAround(db, actor, { programmeIds: [], partnerIds: [...offered, ...listing.named] });
  return { partners, filter: partners.filter((partner) => offered.has(partner.id)) };
}

function summariesOf(actor: Actor, rows: Awaited<ReturnType<typeof queries.listPartners>>): PartnerSummary[] {
  const showContact = can(actor, 'partner.contact.read');
  return rows.map((row) => ({ ...toPartner(row, showContact), organisationCount: Number(row.organisation_count ?? 0) }));
}

/** How many programmes one page of the partner listing shows: about 160 partners when each has eight. */
export const programmesPerPage = 20;

/** One page of the partner listing: a slice of the programmes (in the order given) and their partners. */
export async function partnerListPage<P extends { id: number }>(
  db: Db,
  actor: Actor,
  programmes: P[],
  page: number,
): Promise<{ programmes: P[]; partners: PartnerSummary[]; page: number; pageCount: number }> {
  const pageCount = Math.max(1, Math.ceil(programmes.length / programmesPerPage));
  const shown = Math.min(page, pageCount);
  const slice = programmes.slice((shown - 1) * programmesPerPage, shown * programmesPerPage);
  const rows = await queries.listPartners(db, { programmeIds: slice.map((programme) => programme.id), partnerIds: [] });
  return {
    programmes: slice,
    partners: summariesOf(actor, rows),
    page: shown,
    pageCount,
  };
}

export async function findPartner(db: Db, actor: Actor, partnerId: number): Promise<Partner | undefined> {
  const row = await queries.findPartner(db, partnerId);
  return row && toPartner(row, can(actor, 'partner.contact.read'));
}

export async function findPartnerWithGroup(db: Db, actor: Actor, partnerId: number): Promise<PartnerWithGroup | undefined> {
  const row = await queries.findPartnerWithOrganisations(db, partnerId);
  if (!row) return undefined;
  return { ...toPartner(row, can(actor, 'partner.contact.read')), organisations: row.organisations };
}

export async function countStakeholdersByHelix(db: Db, programmeId: number): Promise<Record<Helix, number>> {
  const counts: Record<Helix, number> = { public_authority: 0, business: 0, research_education: 0, civil_society: 0 };
  for (const row of await queries.countOrganisationsByHelix(db, programmeId)) counts[row.helix] = Number(row.count);
  return counts;
}

export type PartnerRefusal = 'forbidden' | 'not_found' | 'name_taken' | 'lead_exists' | 'role_change_forbidden' | 'in_use';

function refusalForConstraint(error: unknown): PartnerRefusal | null {
  if (!isUniqueViolation(error)) return null;
  return violatedConstraint(error) === 'partners_one_lead_per_programme' ? 'lead_exists' : 'name_taken';
}

export async function createPartner(db: Db, actor: Actor, programmeId: number, input: PartnerInput): Promise<Outcome<Partner, PartnerRefusal>> {
  if (!(await findProgramme(db, programmeId))) return refuse('not_found');
  if (!can(actor, 'partner.create', { programmeId })) return refuse('forbidden');
  try {
    return await db.transaction().execute(async (trx) => {
      if (await queries.partnerNameTaken(trx, programmeId, input.name, null)) return refuse('name_taken', 'name');
      if (input.role === 'lead_partner' && (await queries.findLeadPartner(trx, programmeId, null))) return refuse('lead_exists', 'role');
      const partner = toPartner(await queries.insertPartner(trx, programmeId, input));
      await recordAudit(trx, actor, { action: 'partner.create', entityType: 'partner', entityId: partner.id, programmeId, after: partner });
      return done(partner);
    });
  } catch (error) {
    const refusal = refusalForConstraint(error);
    if (refusal) return refuse(refusal, refusal === 'lead_exists' ? 'role' : 'name');
    throw error;
  }
}

export async function updatePartner(db: Db, actor: Actor, partnerId: number, input: PartnerInput): Promise<Outcome<Partner, PartnerRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const beforeRow = await queries.lockPartner(trx, partnerId);
      if (!beforeRow) return refuse('not_found');
      const scope = { programmeId: beforeRow.programme_id, partnerIds: [partnerId] };
      if (!can(actor, 'partner.update', scope)) return refuse('forbidden');
      if (input.role !== beforeRow.role && !can(actor, 'partner.assign_role', scope)) return refuse('role_change_forbidden', 'role');
      if (await queries.partnerNameTaken(trx, beforeRow.programme_id, input.name, partnerId)) return refuse('name_taken', 'name');
      if (input.role === 'lead_partner' && (await queries.findLeadPartner(trx, beforeRow.programme_id, partnerId))) return refuse('lead_exists', 'role');
      const after = toPartner(await queries.updatePartner(trx, partnerId, input));
      await recordAudit(trx, actor, {
        action: 'partner.update',
        entityType: 'partner',
        entityId: partnerId,
        programmeId: beforeRow.programme_id,
        before: toPartner(beforeRow),
        after,
      });
      return done(after);
    });
  } catch (error) {
    const refusal = refusalForConstraint(error);
    if (refusal) return refuse(refusal, refusal === 'lead_exists' ? 'role' : 'name');
    throw error;
  }
}

/** A partner that people or records still refer to cannot be deleted; its stakeholder links go with it. */
export async function deletePartner(db: Db, actor: Actor, partnerId: number): Promise<Outcome<Partner, PartnerRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await queries.lockPartner(trx, partnerId);
      if (!before) return refuse('not_found');
      if (!can(actor, 'partner.delete', { programmeId: before.programme_id, partnerIds: [partnerId] })) return refuse('forbidden');
      await queries.deletePartner(trx, partnerId);
      await recordAudit(trx, actor, {
        action: 'partner.delete',
        entityType: 'partner',
        entityId: partnerId,
        programmeId: before.programme_id,
        before: toPartner(before),
      });
      return done(toPartner(before));
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) return refuse('in_use');
    throw error;
  }
}
