/** Row types of Regional Action Plans, their versions, comments, progress reports, evidence files and reminders. */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, IsoDate } from '../../core/db/column-types.js';
import type { ImprovementType, PlanContent } from './content.js';

export const versionStatuses = ['draft', 'submitted', 'approved', 'endorsed'] as const;
export type VersionStatus = (typeof versionStatuses)[number];
export const reportStatuses = ['not_started', 'on_track', 'delayed', 'completed', 'cancelled'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export interface PlansTable {
  id: Id;
  programme_id: number;
  partner_id: number;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PlanVersionsTable {
  id: Id;
  plan_id: number;
  number: number;
  status: VersionStatus;
  content: ColumnType<PlanContent, string, string>;
  review_comment: ColumnType<string, string | undefined, string>;
  submitted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  approved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  endorsed_on: ColumnType<IsoDate | null, IsoDate | null | undefined, IsoDate | null>;
  endorsed_by: string | null;
  endorsing_body: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PlanCommentsTable {
  id: Id;
  plan_id: number;
  version_number: number;
  /** 'part1', 'part2' or 'action:<key>'. */
  target: string;
  body: string;
  author_user_id: number | null;
  author_label: string;
  created_at: CreatedAt;
}

export interface PlanFilesTable {
  id: Id;
  plan_id: number;
  original_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by_user_id: number | null;
  created_at: CreatedAt;
  /** Set while the file is stored but not yet linked to a filed report; cleared by the filing transaction. */
  pending_since: Date | null;
}

/** A file's content in order of position, 256 KiB a chunk (the last one shorter). */
export interface PlanFileChunksTable {
  file_id: number;
  position: number;
  content: Buffer;
}

export interface ProgressReportsTable {
  id: Id;
  plan_id: number;
  action_key: string;
  semester: number;
  status: ReportStatus;
  percent_complete: number;
  spent_eur: ColumnType<number, number, number>;
  work_done: ColumnType<string, string | undefined, string>;
  instrument_improved: boolean;
  improvement_type: ImprovementType | null;
  improvement_description: ColumnType<string, string | undefined, string>;
  supersedes_id: number | null;
  current: ColumnType<boolean, boolean | undefined, boolean>;
  submitted_by_user_id: number | null;
  submitted_by_label: string;
  submitted_at: CreatedAt;
}

export interface ProgressReportEvidenceTable {
  report_id: number;
  position: number;
  url: string | null;
  file_id: number | null;
}

/** The actions of each endorsed version, copied from its document by a trigger, for the overview. */
export interface PlanEndorsedActionsTable {
  plan_id: number;
  version_number: number;
  position: number;
  action_key: string;
  title: string;
  starts_on: IsoDate | null;
  ends_on: IsoDate | null;
  costs_eur: ColumnType<string | null, number | null, number | null>;
}

export interface PlanRemindersTable {
  plan_id: number;
  semester: number;
  sent_at: CreatedAt;
}

export interface PlanTables {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_comments: PlanCommentsTable;
  plan_files: PlanFilesTable;
  plan_file_chunks: PlanFileChunksTable;
  progress_reports: ProgressReportsTable;
  progress_report_evidence: ProgressReportEvidenceTable;
  plan_reminders: PlanRemindersTable;
  plan_endorsed_actions: PlanEndorsedActionsTable;
}
