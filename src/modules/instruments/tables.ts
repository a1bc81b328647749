/**
 * Row types of eGovernment instruments: the catalogue entry, its public services, lifecycle stages, the innovation
 * chain of organisations that built and run it, the events where it was presented, and its impact measurements.
 */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, IsoDate } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';

export const instrumentKinds = ['online_service', 'payment_system', 'data_platform', 'ai_tool', 'mobile_app', 'process_digitalisation', 'other'] as const;
export type InstrumentKind = (typeof instrumentKinds)[number];
/** In lifecycle order: going back to an earlier stage needs a reason. */
export const stages = ['idea', 'design', 'pilot', 'live', 'scaled', 'retired'] as const;
export type Stage = (typeof stages)[number];
export const channels = ['web', 'mobile_app', 'kiosk', 'phone', 'in_person'] as const;
export type Channel = (typeof channels)[number];
export const audiences = ['citizens', 'businesses', 'public_bodies'] as const;
export type Audience = (typeof audiences)[number];
export const chainRoles = ['designer', 'supplier', 'operator', 'research_partner', 'co_creation'] as const;
export type ChainRole = (typeof chainRoles)[number];
export const procurementRoutes = ['innovation_procurement', 'pre_commercial_procurement', 'open_challenge', 'standard_tender', 'in_house'] as const;
export type ProcurementRoute = (typeof procurementRoutes)[number];
/** Languages a service may be offered in: the EU's official languages and a few more spoken in partner regions (ISO 639-1). */
export const serviceLanguages = [
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fr',
  'ga',
  'hr',
  'hu',
  'it',
  'lt',
  'lv',
  'mt',
  'nl',
  'pl',
  'pt',
  'ro',
  'sk',
  'sl',
  'sv',
  'ru',
  'uk',
  'ar',
] as const;
export type ServiceLanguage = (typeof serviceLanguages)[number];

export interface InstrumentsTable {
  id: Id;
  programme_id: number;
  partner_id: number;
  name: string;
  description: string;
  /** The language name, description, services and cost are written in. */
  text_language: ColumnType<Locale, Locale | undefined, Locale>;
  kind: InstrumentKind;
  theme_code: string | null;
  channels: ColumnType<Channel[], Channel[], Channel[]>;
  audiences: ColumnType<Audience[], Audience[], Audience[]>;
  languages: ColumnType<string[], string[], string[]>;
  is_free: boolean;
  cost_description: ColumnType<string, string | undefined, string>;
  authentication: ColumnType<string, string | undefined, string>;
  data_reused: ColumnType<string, string | undefined, string>;
  licence: string | null;
  repository_url: string | null;
  stage: Stage;
  stage_since: IsoDate;
  published: boolean;
  contract_values_public: boolean;
  plan_id: number | null;
  action_key: string | null;
  practice_id: number | null;
  search_vector: ColumnType<string, never, never>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface InstrumentServicesTable {
  instrument_id: number;
  position: number;
  name: string;
  description: ColumnType<string, string | undefined, string>;
}

export interface InstrumentStagesTable {
  id: Id;
  instrument_id: number;
  stage: Stage;
  occurred_on: IsoDate;
  evidence: ColumnType<string, string | undefined, string>;
  reason: ColumnType<string, string | undefined, string>;
  recorded_by_user_id: number | null;
  recorded_by_label: string;
  recorded_at: CreatedAt;
}

export interface InstrumentEventsTable {
  instrument_id: number;
  event_id: number;
}

export interface InstrumentChainTable {
  id: Id;
  instrument_id: number;
  organisation_id: number;
  role: ChainRole;
  in_region: boolean;
  contract_value_eur: ColumnType<string | null, number | null, number | null>;
  procurement: ProcurementRoute;
  created_at: CreatedAt;
}

export interface InstrumentImpactTable {
  id: Id;
  instrument_id: number;
  period_start: IsoDate;
  period_end: IsoDate;
  users: number | null;
  transactions: number | null;
  processing_minutes_digital: ColumnType<string | null, number | null, number | null>;
  processing_minutes_former: ColumnType<string | null, number | null, number | null>;
  cost_digital_eur: ColumnType<string | null, number | null, number | null>;
  cost_former_eur: ColumnType<string | null, number | null, number | null>;
  satisfaction_percent: ColumnType<string | null, number | null, number | null>;
  digital_share_percent: ColumnType<string | null, number | null, number | null>;
  created_at: CreatedAt;
}

export interface InstrumentTables {
  instruments: InstrumentsTable;
  instrument_services: InstrumentServicesTable;
  instrument_stages: InstrumentStagesTable;
  instrument_events: InstrumentEventsTable;
  instrument_chain: InstrumentChainTable;
  instrument_impact: InstrumentImpactTable;
}
