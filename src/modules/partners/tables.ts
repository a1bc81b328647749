/** Row types of the partners module: partners, their stakeholder organisations and the links between them. */
import type { CreatedAt, Id } from '../../core/db/column-types.js';

export interface PartnersTable {
  id: Id;
  programme_id: number;
  name: string;
  short_name: string;
  country_code: string;
  nuts_code: string;
  nuts_name: string;
  role: 'lead_partner' | 'partner';
  website: string | null;
  contact_name: string | null;
  contact_email: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export type Helix = 'public_authority' | 'business' | 'research_education' | 'civil_society';
export type SizeClass = 'micro' | 'small' | 'medium' | 'large';

export interface OrganisationsTable {
  id: Id;
  programme_id: number;
  name: string;
  country_code: string;
  helix: Helix;
  size_class: SizeClass | null;
  website: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PartnerOrganisationsTable {
  partner_id: number;
  organisation_id: number;
  in_region: boolean;
  created_at: CreatedAt;
}

export interface PartnerTables {
  partners: PartnersTable;
  organisations: OrganisationsTable;
  partner_organisations: PartnerOrganisationsTable;
}
