/**
 * Every statement about kept work (core/http/kept.ts). The rows are bookkeeping of one browser, written outside any
 * transaction on purpose like an upload's pending file (database.ts, OutsideTransaction): nothing refers to them, and
 * a file's chunks are written one statement each so the embedded database is never held for a whole file.
 */
import { sql } from 'kysely';
import type { Executor, OutsideTransaction, Tx } from '../db/database.js';
import type { KeptReason } from './kept-tables.js';

export interface NewKeptForm {
  id: string;
  ownerHash: string;
  userId: number | null;
  reason: KeptReason;
  needsSignIn: boolean;
  actionUrl: string;
  pageUrl: string | null;
  values: string;
  errors: string;
  lostFiles: string;
  hours: number;
}

const expiry = (hours: number) => sql<Date>`now() + make_interval(hours => ${hours})`;

export function insertKeptForm(db: OutsideTransaction, form: NewKeptForm) {
  return db
    .insertInto('kept_forms')
    .values({
      id: form.id,
      owner_hash: form.ownerHash,
      user_id: form.userId,
      reason: form.reason,
      needs_sign_in: form.needsSignIn,
      action_url: form.actionUrl,
      page_url: form.pageUrl,
      form_values: form.values,
      form_errors: form.errors,
      lost_files: form.lostFiles,
      expires_at: expiry(form.hours),
    })
    .execute();
}

export interface KeptFormRow {
  id: string;
  user_id: number | null;
  reason: KeptReason;
  needs_sign_in: boolean;
  action_url: string;
  page_url: string | null;
  form_values: string;
  form_errors: string;
  lost_files: string;
}

/** A kept form of this browser that has not expired; whose it is (the person) the caller checks. */
export function findKeptForm(db: Executor, id: string, ownerHash: string): Promise<KeptFormRow | undefined> {
  return db
    .selectFrom('kept_forms')
    .select(['id', 'user_id', 'reason', 'needs_sign_in', 'action_url', 'page_url', 'form_values', 'form_errors', 'lost_files'])
    .where('id', '=', id)
    .where('owner_hash', '=', ownerHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** The person who signed in again on this browser becomes the owner of work kept while nobody was signed in. */
export function claimKeptForm(db: OutsideTransaction, id: string, ownerHash: string, userId: number) {
  return db.updateTable('kept_forms').set({ user_id: userId }).where('id', '=', id).where('owner_hash', '=', ownerHash).where('user_id', 'is', null).execute();
}

/** Saved at last: the kept copies of the form posted to this address go. */
export function deleteKeptFormsOf(db: OutsideTransaction, ownerHash: string, actionUrl: string) {
  return db.deleteFrom('kept_forms').where('owner_hash', '=', ownerHash).where('action_url', '=', actionUrl).executeTakeFirst();
}

export interface NewPendingUpload {
  id: string;
  ownerHash: string;
  userId: number | null;
  formUrl: string;
  field: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  hours: number;
}

export function insertPendingUpload(db: OutsideTransaction, upload: NewPendingUpload) {
  return db
    .insertInto('pending_uploads')
    .values({
      id: upload.id,
      owner_hash: upload.ownerHash,
      user_id: upload.userId,
      form_url: upload.formUrl,
      field: upload.field,
      filename: upload.filename,
      size_bytes: upload.sizeBytes,
      sha256: upload.sha256,
      expires_at: expiry(upload.hours),
    })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/** The chunk travels as hex text: the embedded database encodes a Buffer parameter ten times slower (plans evidence). */
export function insertPendingUploadChunk(db: OutsideTransaction, uploadId: string, position: number, content: Buffer) {
  return db
    .insertInto('pending_upload_chunks')
    .values({ upload_id: uploadId, position, content: sql<Buffer>`decode(${content.toString('hex')}, 'hex')` })
    .execute();
}

export interface PendingUploadRow {
  id: string;
  user_id: number | null;
  form_url: string;
  field: string;
  filename: string;
  size_bytes: number;
  sha256: string;
}

/** The pending uploads of this browser among `ids`, not expired; whose they are (the person) the caller checks. */
export function findPendingUploads(db: Executor, ids: string[], ownerHash: string): Promise<PendingUploadRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pending_uploads')
    .select(['id', 'user_id', 'form_url', 'field', 'filename', 'size_bytes', 'sha256'])
    .where('id', 'in', ids)
    .where('owner_hash', '=', ownerHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .execute();
}

export async function findPendingUploadChunk(db: Executor, uploadId: string, position: number): Promise<Buffer | undefined> {
  return (await db.selectFrom('pending_upload_chunks').select('content').where('upload_id', '=', uploadId).where('position', '=', position).executeTakeFirst())
    ?.content;
}

export function deletePendingUploads(db: OutsideTransaction, ids: string[]) {
  if (ids.length === 0) return Promise.resolve(undefined);
  return db.deleteFrom('pending_uploads').where('id', 'in', ids).executeTakeFirst();
}

/** Kept work past its day: removed (its chunks with it); it counts against nothing meanwhile (reads skip it). */
export async function deleteExpiredKeptWork(db: OutsideTransaction): Promise<{ forms: number; uploads: number }> {
  const forms = await db
    .deleteFrom('kept_forms')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  const uploads = await db
    .deleteFrom('pending_uploads')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return { forms: Number(forms.numDeletedRows), uploads: Number(uploads.numDeletedRows) };
}

/**
 * A browser holds at most `keep` kept forms (the one just kept, `current`, and the newest others): past it, the oldest
 * go first. Expired rows count against nothing and go too.
 */
export async function trimKeptFormsOf(db: OutsideTransaction, ownerHash: string, current: string, keep: number): Promise<number> {
  const newest = db
    .selectFrom('kept_forms')
    .select('id')
    .where('owner_hash', '=', ownerHash)
    .where('id', '!=', current)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(0, keep - 1));
  const result = await db
    .deleteFrom('kept_forms')
    .where('owner_hash', '=', ownerHash)
    .where('id', '!=', current)
    .where('id', 'not in', newest)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * A browser's kept files take at most `maxBytes` together: the files just kept (`current`) stay, and of the others the
 * newest are kept while they fit, the oldest going first (their chunks with them). Expired files count against nothing.
 */
export async function trimPendingUploadsOf(db: OutsideTransaction, ownerHash: string, current: readonly string[], maxBytes: number): Promise<number> {
  const rows = await db
    .selectFrom('pending_uploads')
    .select(['id', 'size_bytes'])
    .where('owner_hash', '=', ownerHash)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const kept = new Set(current);
  let total = rows.filter((row) => kept.has(row.id)).reduce((sum, row) => sum + Number(row.size_bytes), 0);
  const dropped: string[] = [];
  for (const row of rows) {
    if (kept.has(row.id)) continue;
    total += Number(row.size_bytes);
    // Once over, this file and every older one go: the oldest are dropped first.
    if (total > maxBytes || dropped.length > 0) dropped.push(row.id);
  }
  await deletePendingUploads(db, dropped);
  return dropped.length;
}

/** A person erased: their kept work goes at once. */
export async function eraseKeptWorkOf(trx: Tx, userId: number): Promise<void> {
  await trx.deleteFrom('kept_forms').where('user_id', '=', userId).execute();
  await trx.deleteFrom('pending_uploads').where('user_id', '=', userId).execute();
}

export async function keptWorkOf(db: Executor, userId: number) {
  const forms = await db.selectFrom('kept_forms').select(['action_url', 'created_at', 'expires_at']).where('user_id', '=', userId).execute();
  const uploads = await db.selectFrom('pending_uploads').select(['form_url', 'filename', 'size_bytes', 'created_at']).where('user_id', '=', userId).execute();
  return { forms, uploads };
}
