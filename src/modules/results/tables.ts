/**
 * Row types of results: indicators with their targets, reported values with evidence, and the governance maturity
 * self-assessment (frameworks, rounds, respondents and answers).
 */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, IsoDate } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Unit } from './units.js';

export type LocalisedText = Partial<Record<Locale, string>>;
type Json<T> = ColumnType<T, string | T, string | T>;
/** numeric columns come back as strings from both drivers, so nothing is lost to floating point on the way. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const indicatorKinds = ['output', 'result'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorMethods = ['computed', 'reported'] as const;
export type IndicatorMethod = (typeof indicatorMethods)[number];
export const reportStatuses = ['submitted', 'validated', 'returned'] as const;
export type IndicatorReportStatus = (typeof reportStatuses)[number];
export const roundStatuses = ['draft', 'submitted'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export interface IndicatorsTable {
  id: Id;
  programme_id: number;
  code: string;
  names: Json<LocalisedText>;
  definitions: Json<LocalisedText>;
  kind: IndicatorKind;
  unit: Unit;
  at_programme: ColumnType<boolean, boolean | undefined, boolean>;
  at_partner: ColumnType<boolean, boolean | undefined, boolean>;
  method: IndicatorMethod;
  /** The key of a formula the platform offers (never text typed by a user); set exactly when computed. */
  formula: string | null;
  baseline: ColumnType<string, number | string | undefined, number | string>;
  programme_target: NullableNumeric;
  target_date: IsoDate | null;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  public: ColumnType<boolean, boolean | undefined, boolean>;
  /** The entry of the built-in set this indicator was created from, so switching it on again finds it. */
  builtin_key: string | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface IndicatorTargetsTable {
  indicator_id: number;
  partner_id: number;
  target: Numeric;
}

export interface IndicatorEvidenceFilesTable {
  id: Id;
  partner_id: number;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  pending_since: NullableTimestamp;
  uploaded_by_user_id: number | null;
  created_at: CreatedAt;
}

/** A file's content in order of position, 256 KiB a chunk (the last one shorter). */
export interface IndicatorEvidenceChunksTable {
  file_id: number;
  position: number;
  content: Buffer;
}

export interface IndicatorReportsTable {
  id: Id;
  indicator_id: number;
  partner_id: number;
  semester: number;
  /** The amount for that semester alone; the value as at a semester's end sums the validated ones up to it. */
  value: Numeric;
  explanation: string;
  status: IndicatorReportStatus;
  supersedes_id: number | null;
  current: ColumnType<boolean, boolean | undefined, boolean>;
  review_comment: ColumnType<string, string | undefined, string>;
  reported_by_user_id: number | null;
  reported_by_label: string;
  reported_at: CreatedAt;
  reviewed_by_user_id: number | null;
  reviewed_by_label: string | null;
  reviewed_at: NullableTimestamp;
  /** Demo data, marked so on every page that shows it. */
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface IndicatorReportEvidenceTable {
  report_id: number;
  position: number;
  url: string | null;
  file_id: number | null;
}

export interface MaturityFrameworksTable {
  id: Id;
  programme_id: number;
  name: string;
  /** Dimensions, questions, weights and the answer scale; checked by the framework schema before it is stored. */
  definition: Json<unknown>;
  builtin: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

export interface MaturityRoundsTable {
  id: Id;
  programme_id: number;
  partner_id: number;
  framework_id: number;
  label: string;
  assessed_on: IsoDate;
  status: RoundStatus;
  submitted_at: NullableTimestamp;
  submitted_by_user_id: number | null;
  illustrative: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

/** One person answering a round: a signed-in editor (user_id) or a stakeholder invited by a private link (token_hash). */
export interface MaturityRespondentsTable {
  id: Id;
  round_id: number;
  user_id: number | null;
  invited_name: string | null;
  invited_email: string | null;
  token_hash: string | null;
  submitted_at: NullableTimestamp;
  created_at: CreatedAt;
}

export interface MaturityAnswersTable {
  respondent_id: number;
  question_key: string;
  level: number;
  comment: ColumnType<string, string | undefined, string>;
}

export interface ResultTables {
  indicators: IndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  indicator_evidence_files: IndicatorEvidenceFilesTable;
  indicator_evidence_chunks: IndicatorEvidenceChunksTable;
  indicator_reports: IndicatorReportsTable;
  indicator_report_evidence: IndicatorReportEvidenceTable;
  maturity_frameworks: MaturityFrameworksTable;
  maturity_rounds: MaturityRoundsTable;
  maturity_respondents: MaturityRespondentsTable;
  maturity_answers: MaturityAnswersTable;
}
