/** Names and choices for programme roles, gathered from the programmes and partners modules for the account pages. */
import type { Db } from '../../core/db/database.js';
import type { Actor } from '../../core/policy/actor.js';
import { listOrganisations, listPartners } from '../partners/service.js';
import { listProgrammes } from '../programmes/service.js';
import type { ScopeNames } from './views/MembershipDescription.js';
import type { RoleOptions } from './administration/views/RoleFields.js';

export async function scopeCatalogue(db: Db, actor: Actor): Promise<{ names: ScopeNames; options: RoleOptions }> {
  const [programmes, partners, organisations] = await Promise.all([listProgrammes(db), listPartners(db, actor), listOrganisations(db)]);
  const acronym = new Map(programmes.map((programme) => [programme.id, programme.acronym]));
  return {
    names: {
      programmes: acronym,
      partners: new Map(partners.map((partner) => [partner.id, partner.name])),
      organisations: new Map(organisations.map((organisation) => [organisation.id, organisation.name])),
    },
    options: {
      programmes: programmes.map((programme) => ({ value: String(programme.id), label: `${programme.acronym} – ${programme.title}` })),
      partners: partners.map((partner) => ({ value: String(partner.id), label: partner.name, group: acronym.get(partner.programmeId) ?? '' })),
      organisations: organisations.map((organisation) => ({
        value: String(organisation.id),
        label: organisation.name,
        group: acronym.get(organisation.programmeId) ?? '',
      })),
    },
  };
}
