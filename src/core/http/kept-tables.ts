/** Row types of the work kept for a person (core/http/kept.ts; migration 20261207_1000_kept_forms). */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Timestamp } from '../db/column-types.js';

export type KeptReason = 'token' | 'signed_out' | 'language';

export interface KeptFormsTable {
  /** Random and unguessable; shown in links, never enough alone (the owner's cookie must match). */
  id: string;
  /** The keyed hash of the browser's kept-work cookie. */
  owner_hash: string;
  /** The person the work belongs to, once known (signed in when posting, or when first signing in again). */
  user_id: number | null;
  reason: KeptReason;
  needs_sign_in: ColumnType<boolean, boolean | undefined, boolean>;
  /** Where the form posts (path and query). */
  action_url: string;
  /** The page that showed the form (path and query), from the Referer; null when unknown. */
  page_url: string | null;
  /** JSON: the posted text fields (never files, never the CSRF token). */
  form_values: string;
  /** JSON: the field errors shown with the form (a language switch after a refused form). */
  form_errors: ColumnType<string, string | undefined, string>;
  /** JSON: the names of files chosen on the form, which could not be kept. */
  lost_files: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface PendingUploadsTable {
  id: string;
  owner_hash: string;
  user_id: number | null;
  /** The form the file was chosen on (its action: path and query). */
  form_url: string;
  field: string;
  filename: string;
  size_bytes: ColumnType<number, number, number>;
  sha256: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface PendingUploadChunksTable {
  upload_id: string;
  position: number;
  content: Buffer;
}

export interface KeptTables {
  kept_forms: KeptFormsTable;
  pending_uploads: PendingUploadsTable;
  pending_upload_chunks: PendingUploadChunksTable;
}

/** A file of a kept form: kept as a pending upload (`id`), or lost (to be chosen again). */
export interface KeptFile {
  id?: string;
  field: string;
  filename: string;
  sizeBytes: number;
}
