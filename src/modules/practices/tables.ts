/** Row types of the practices module: practices, their themes and history, learning needs, transfers. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, IsoDate, Timestamp } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';

export const practiceStatuses = ['proposed', 'declined', 'draft', 'submitted', 'returned', 'published'] as const;
export type PracticeStatus = (typeof practiceStatuses)[number];

export const geographicalScopes = ['local', 'regional', 'national', 'european'] as const;
export type GeographicalScope = (typeof geographicalScopes)[number];

export const transferStages = ['interest', 'study_visit', 'assessment', 'import_workshop', 'adopted', 'implemented'] as const;
export type TransferStage = (typeof transferStages)[number];

export type Translations = Partial<Record<Locale, { title?: string; summary?: string }>>;

export interface PracticesTable {
  id: Id;
  programme_id: number;
  owner_partner_id: number;
  owner_organisation_id: number | null;
  status: PracticeStatus;
  language: Locale;
  title: string;
  summary: string;
  objective: ColumnType<string, string | undefined, string>;
  description: ColumnType<string, string | undefined, string>;
  location_country: string | null;
  location_nuts: string | null;
  location_city: string | null;
  geographical_scope: GeographicalScope | null;
  resources: ColumnType<string, string | undefined, string>;
  resources_eur: number | null;
  starts_on: IsoDate | null;
  ends_on: IsoDate | null;
  evidence: ColumnType<string, string | undefined, string>;
  transfer_potential: ColumnType<string, string | undefined, string>;
  difficulties: ColumnType<string, string | undefined, string>;
  links: ColumnType<string[], string[] | undefined, string[]>;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  contact_name: string | null;
  contact_email: string | null;
  translations: ColumnType<Translations, string | undefined, string>;
  proposed_by_user_id: number | null;
  /** Kept by a database trigger from the title and text fields. */
  title_key: Generated<string>;
  /** A copy of the practice's practice_themes rows, kept by triggers, for searching; write practice_themes instead. */
  theme_codes: Generated<string[]>;
  search_vector: Generated<string>;
  rank_vector: Generated<string>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
  submitted_at: Timestamp | null;
  published_at: Timestamp | null;
}

export interface PracticeThemesTable {
  practice_id: number;
  theme_code: string;
}

export interface PracticeHistoryTable {
  id: Id;
  practice_id: number;
  from_status: PracticeStatus | null;
  to_status: PracticeStatus;
  comment: ColumnType<string, string | undefined, string>;
  actor_user_id: number | null;
  actor_label: string;
  occurred_at: CreatedAt;
}

export interface LearningNeedsTable {
  id: Id;
  partner_id: number;
  theme_code: string;
  description: string;
  /** Kept by a database trigger from the description. */
  match_query: Generated<string | null>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface NeedRecommendationsTable {
  need_id: number;
  practice_id: number;
  position: number;
  score: number;
}

export interface RecommendationRefreshesTable {
  programme_id: number;
  requested_at: CreatedAt;
}

export interface TransfersTable {
  id: Id;
  practice_id: number;
  importer_partner_id: number;
  stage: TransferStage;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface TransferStagesTable {
  id: Id;
  transfer_id: number;
  stage: TransferStage;
  occurred_on: IsoDate;
  notes: ColumnType<string, string | undefined, string>;
  event_id: number | null;
  recorded_by_user_id: number | null;
  recorded_by_label: string;
  recorded_at: CreatedAt;
}

export interface TransferAssessmentsTable {
  id: Id;
  transfer_id: number;
  assessor_user_id: number | null;
  assessor_label: string;
  fit_score: number;
  fit_comment: ColumnType<string, string | undefined, string>;
  feasibility_score: number;
  feasibility_comment: ColumnType<string, string | undefined, string>;
  cost_score: number;
  cost_comment: ColumnType<string, string | undefined, string>;
  support_score: number;
  support_comment: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PracticeTables {
  practices: PracticesTable;
  practice_themes: PracticeThemesTable;
  practice_history: PracticeHistoryTable;
  learning_needs: LearningNeedsTable;
  need_recommendations: NeedRecommendationsTable;
  recommendation_refreshes: RecommendationRefreshesTable;
  transfers: TransfersTable;
  transfer_stages: TransferStagesTable;
  transfer_assessments: TransferAssessmentsTable;
}
