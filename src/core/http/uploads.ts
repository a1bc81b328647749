/**
 * File uploads for the forms that take them (report evidence, sign-in sheets, imports): a multipart body whose files
 * are streamed to temporary files, never held in memory, with each form's limits — size of one file, number of files,
 * size of all files together, number of text fields — counted while the bytes arrive. A visitor who could never
 * perform the route's action is answered before a byte of the body is read. The first limit exceeded stops the storing
 * (the files already written are removed) and becomes a refusal the route shows on the form, with the text fields
 * read so far kept; the rest of the body is read and thrown away up to a cap, so that a browser (which sends the whole
 * body before it reads the answer) shows that form, and past the cap the connection is closed. Temporary files are
 * removed once the request is answered, after its handler has finished with them, and at once when the client goes
 * away mid-body. Register inside the routes' own plugin, so only those routes accept multipart bodies.
 */
import { Busboy, type BusboyFileStream, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mayAttempt } from '../policy/policy.js';
import type { FieldError, FormValues } from '../validation/forms.js';
import type { OfferedUpload } from '../views/context.js';
import { HttpError } from './errors.js';
import { ensureOwnerHash, keptFileMegabytesPerBrowser, keptHours, mayShowTo, newKeptId, ownerHashOf, userIdOf } from './kept-owner.js';
import {
  deletePendingUploads,
  findPendingUploadChunk,
  findPendingUploads,
  insertPendingUpload,
  insertPendingUploadChunk,
  trimPendingUploadsOf,
} from './kept-queries.js';

/** A form's limits, stated once: the page's hint, the refusal and the documentation use these numbers. */
export interface UploadLimits {
  /** The largest single file, in MB (MiB). */
  fileMegabytes: number;
  /** The most files one request may carry. */
  files: number;
  /** All files of one request together, in MB (MiB). */
  totalMegabytes: number;
  /** Text fields the form has at most (20 unless stated). */
  fields?: number;
  /** Its longest text field in characters (20,000 unless stated): at least the largest maximum of its schema. */
  fieldCharacters?: number;
}

export interface UploadedFile {
  /** The id it is kept under as a pending upload, if its form is refused (core/http/kept-owner). */
  id: string;
  /** Chosen on an earlier, refused submission of the form and kept since: not sent again. */
  kept?: true;
  field: string;
  path: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
}

export type UploadRefusal =
  | { reason: 'file_too_large'; filename: string; megabytes: number }
  | { reason: 'total_too_large'; filename: string; megabytes: number }
  | { reason: 'request_too_large'; megabytes: number }
  | { reason: 'too_many_files'; count: number }
  | { reason: 'too_many_fields'; count: number };

export interface Upload {
  /** Files chosen and stored; empty when the upload was refused. */
  files: UploadedFile[];
  refusal: UploadRefusal | undefined;
  /** The body was not read to its end (over the cap, or not at all): the answer closes the connection. */
  cut: boolean;
  /** Text fields may be missing, the CSRF token among them: the body was cut, or had more fields than the form. */
  fieldsLost: boolean;
  /** Files seen but neither stored nor kept, by field (a refused upload): named at the field to choose again. */
  lostNames?: { field: string; filename: string }[];
}

/** The MB of every limit and quota: a mebibyte. */
export const megabyte = 1024 * 1024;
/** Room for the text fields and the multipart framing on top of the files. */
const framingBytes = megabyte;
/** How much of an oversized body is read and thrown away past the limit, so that the browser sees the answer. */
const drainBytes = 128 * megabyte;
const defaultFields = 20;
const defaultFieldCharacters = 20_000;

/** A request's upload, and every temporary file written for it (those of a refused upload too, until removed). */
interface Received {
  upload: Upload;
  written: string[];
  /** Files complete and sound when the upload as a whole was refused: offered again at their field, not used. */
  keepable: UploadedFile[];
  /** Ids of the files the page offered again: stored as pending uploads once the answer goes. */
  offered: Set<string>;
}

const received = new WeakMap<FastifyRequest, Received>();
const noUpload: Upload = { files: [], refusal: undefined, cut: false, fieldsLost: false };

function receive(request: FastifyRequest): Received {
  const entry: Received = { upload: { files: [], refusal: undefined, cut: false, fieldsLost: false }, written: [], keepable: [], offered: new Set() };
  received.set(request, entry);
  return entry;
}

/** The request's upload (no files when the body was not multipart). */
export function uploadOf(request: FastifyRequest): Upload {
  return received.get(request)?.upload ?? noUpload;
}

/**
 * An upload whose fields may be missing carries no CSRF token to check. Its route only shows the form again (it was
 * refused), or the guard turns it away next (it was not read: the visitor could never perform the action).
 */
export function uploadLostFields(request: FastifyRequest): boolean {
  return received.get(request)?.upload.fieldsLost === true;
}

/** The field that carries the ids of kept files a re-shown form sends back (one checkbox each: untick to remove). */
export const keptUploadField = '_kept_upload';

/**
 * The files accepted on this refused form at `field`, offered again on the page (the page's FileField asks): those a
 * message at the field names (refused by the route, e.g. of a wrong type) are not. Offered files are stored as pending
 * uploads when the answer goes, so the person need not choose them again.
 */
export function offerUploads(request: FastifyRequest, field: string, errors: readonly FieldError[]): OfferedUpload[] {
  const entry = received.get(request);
  if (!entry || request.method !== 'POST') return [];
  const named = new Set(errors.map((error) => error.values?.filename).filter((name) => name !== undefined));
  const candidates = entry.upload.refusal ? entry.keepable : entry.upload.files;
  const offered = candidates.filter((file) => file.field === field && !named.has(file.filename));
  for (const file of offered) entry.offered.add(file.id);
  return offered.map((file) => ({ id: file.id, filename: file.filename, sizeBytes: file.sizeBytes }));
}

/** Every file accepted on this form, offered again (the form was refused before its route ran: a stale token). */
export function offerAllUploads(request: FastifyRequest): (OfferedUpload & { field: string })[] {
  const entry = received.get(request);
  if (!entry) return [];
  const files = entry.upload.refusal ? entry.keepable : entry.upload.files;
  for (const file of files) entry.offered.add(file.id);
  return files.map((file) => ({ id: file.id, field: file.field, filename: file.filename, sizeBytes: file.sizeBytes }));
}

/** Files chosen at `field` that were neither used nor kept (the body was cut): the person must choose them again. */
export function lostUploads(request: FastifyRequest, field: string): string[] {
  const entry = received.get(request);
  if (!entry || !entry.upload.refusal) return [];
  return entry.upload.lostNames?.filter((name) => name.field === field).map((name) => name.filename) ?? [];
}

/** The limits of a form that takes one file. */
export function oneFile(megabytes: number): UploadLimits {
  return { fileMegabytes: megabytes, files: 1, totalMegabytes: megabytes };
}

/** The file chosen in a form's field, if one was chosen and accepted. */
export function uploadedFile(request: FastifyRequest, field = 'file'): UploadedFile | undefined {
  return uploadOf(request).files.find((file) => file.field === field);
}

/** The refusal as the message at the form's file field. */
export function uploadError(field: string, refusal: UploadRefusal): FieldError {
  const { reason, ...values } = refusal;
  return { field, key: `common.uploads.${reason}`, values };
}

const nowhere = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });

/** Reads one multipart body: text fields into the returned values, files to temporary files in `folder`. */
function readMultipart(request: FastifyRequest, payload: Readable, folder: string, limits: UploadLimits): Promise<FormValues> {
  const totalBytes = limits.totalMegabytes * megabyte;
  const requestBytes = totalBytes + framingBytes;
  const { upload, written } = received.get(request) ?? receive(request);
  const values: FormValues = {};
  let filesSeen = 0;
  let fileBytes = 0;
  // Turned away before reading (see acceptUploads): the body stays unread, the guard answers.
  if (upload.cut) return Promise.resolve(values);

  const refuse = (refusal: UploadRefusal) => {
    upload.refusal ??= refusal;
  };
  const declared = Number(request.headers['content-length']);
  // A body declared too large stores nothing; it is still read (to the cap) for its fields and the file that went over.
  const storeNothing = declared > requestBytes;
  if (declared > requestBytes + drainBytes) {
    // Not read at all: the answer closes the connection.
    refuse({ reason: 'request_too_large', megabytes: limits.totalMegabytes });
    upload.cut = true;
    upload.fieldsLost = true;
    return Promise.resolve(values);
  }

  const fields = limits.fields ?? defaultFields;
  return new Promise((resolve, reject) => {
    let busboy: BusboyInstance;
    try {
      busboy = Busboy({
        headers: request.headers as BusboyHeaders,
        limits: {
          fileSize: limits.fileMegabytes * megabyte,
          fields,
          // Busboy counts bytes, a form's schema characters: a character takes up to 4 bytes in UTF-8. A field cut
          // here is longer than the form's longest field, so the form's own length check refuses it at that field.
          fieldSize: 4 * ((limits.fieldCharacters ?? defaultFieldCharacters) + 1),
          parts: fields + limits.files + 10,
        },
      });
    } catch {
      reject(new HttpError('bad_request'));
      return;
    }
    const storing: Promise<void>[] = [];
    const seen: { field: string; filename: string }[] = [];
    const open = new Set<BusboyFileStream>();
    let settled = false;
    let ended = false;

    const finish = async (failed?: Error) => {
      let error = failed;
      if (settled) return;
      settled = true;
      await Promise.allSettled(storing);
      if (storeNothing) refuse({ reason: 'request_too_large', megabytes: limits.totalMegabytes });
      if (!error && !upload.refusal) {
        try {
          await addKeptFiles(request, values, upload, written, folder, limits);
        } catch (failure) {
          error = failure as Error;
        }
      }
      // A refused upload uses nothing: the files complete and sound are offered again at their field (kept as pending
      // uploads if the page offers them), every other file already written is removed at once.
      if (upload.refusal && !error) {
        const complete = (entry: { filename: string }) => upload.files.some((file) => file.filename === entry.filename);
        received.get(request)?.keepable.push(...upload.files);
        upload.lostNames = seen.filter((entry) => !complete(entry) && entry.filename !== (upload.refusal as { filename?: string }).filename);
        const keep = new Set(upload.files.map((file) => file.path));
        const remove = written.filter((file) => !keep.has(file));
        await Promise.all(remove.map((file) => rm(file, { force: true })));
      } else if (error) await Promise.all(written.splice(0).map((file) => rm(file, { force: true })));
      if (upload.refusal || error) upload.files = [];
      if (error) reject(error);
      else resolve(values);
    };

    // Stops reading the body, ends the files in progress and answers with what was read; the reply closes the connection.
    const stop = (error?: Error) => {
      if (settled) return;
      upload.cut = true;
      upload.fieldsLost = true;
      payload.unpipe(counted);
      payload.pause();
      for (const stream of open) stream.destroy();
      void finish(error);
    };

    let receivedBytes = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        receivedBytes += chunk.length;
        if (receivedBytes <= requestBytes + drainBytes) return callback(null, chunk);
        refuse({ reason: 'request_too_large', megabytes: limits.totalMegabytes });
        stop();
        callback();
      },
    });

    busboy.on('field', (name: string, value: string) => {
      if (name in Object.prototype) return;
      const existing = values[name];
      values[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    });
    // Busboy drops the fields past its limits without a word; the form has no more, so this is a refusal to show.
    const tooManyFields = () => {
      upload.fieldsLost = true;
      refuse({ reason: 'too_many_fields', count: fields });
    };
    busboy.on('fieldsLimit', tooManyFields);
    busboy.on('partsLimit', tooManyFields);

    busboy.on('file', (field: string, stream: BusboyFileStream, filename: string) => {
      // An empty file input is sent as a part without a name and content.
      if (filename === '' || upload.refusal) {
        stream.resume();
        return;
      }
      filesSeen += 1;
      seen.push({ field, filename });
      if (filesSeen > limits.files) {
        refuse({ reason: 'too_many_files', count: limits.files });
        stream.resume();
        return;
      }
      const target = path.join(folder, randomUUID());
      if (!storeNothing) written.push(target);
      open.add(stream);
      const hash = createHash('sha256');
      let size = 0;
      stream.on('limit', () => refuse({ reason: 'file_too_large', filename, megabytes: limits.fileMegabytes }));
      // Counts every byte as it arrives; once any limit is exceeded the bytes are let through to nowhere.
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          fileBytes += chunk.length;
          if (fileBytes > totalBytes) refuse({ reason: 'total_too_large', filename, megabytes: limits.totalMegabytes });
          if (upload.refusal) return callback();
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      storing.push(
        pipeline(stream, counter, storeNothing ? nowhere() : createWriteStream(target)).then(
          () => {
            open.delete(stream);
            if (!stream.truncated && !upload.refusal && !storeNothing)
              upload.files.push({ id: newKeptId(), field, path: target, filename, sizeBytes: size, sha256: hash.digest('hex') });
          },
          () => {
            open.delete(stream);
          },
        ),
      );
    });

    busboy.on('finish', () => void finish());
    // A malformed body (a broken boundary, a truncated part) is a bad request, not an outage.
    busboy.on('error', () => stop(new HttpError('bad_request')));
    // A client that goes away mid-body (a closed tab, a dropped connection) ends the reading; its files are removed.
    payload.once('end', () => (ended = true));
    payload.on('error', () => stop(new HttpError('bad_request')));
    payload.once('close', () => {
      if (!ended) stop(new HttpError('bad_request'));
    });
    payload.pipe(counted).pipe(busboy);
  });
}

/**
 * The kept files a re-shown form sends back (their ids in `_kept_upload`) join the files chosen now, as if chosen
 * again: each written to a temporary file, counted against the form's limits. Only this browser's files for this form
 * and field, of this person (or of nobody signed in) are found; a new file chosen for a one-file field replaces the kept one.
 */
async function addKeptFiles(
  request: FastifyRequest,
  values: FormValues,
  upload: Upload,
  written: string[],
  folder: string,
  limits: UploadLimits,
): Promise<void> {
  const posted = values[keptUploadField];
  delete values[keptUploadField];
  const ids = (Array.isArray(posted) ? posted : posted === undefined ? [] : [posted]).filter((id) => /^[A-Za-z0-9_-]{43}$/.test(id));
  if (ids.length === 0) return;
  const owner = ownerHashOf(request);
  if (!owner) return;
  const { db } = request.server;
  const rows = (await findPendingUploads(db, [...new Set(ids)], owner)).filter((row) => row.form_url === request.url && mayShowTo(request, row.user_id));
  for (const row of rows) {
    if (limits.files === 1 && upload.files.some((file) => file.field === row.field)) continue;
    const target = path.join(folder, randomUUID());
    written.push(target);
    const chunks: Buffer[] = [];
    for (let position = 0; ; position += 1) {
      const chunk = await findPendingUploadChunk(db, row.id, position);
      if (!chunk) break;
      chunks.push(chunk);
    }
    await writeFile(target, Buffer.concat(chunks));
    upload.files.push({
      id: row.id,
      kept: true,
      field: row.field,
      path: target,
      filename: row.filename,
      sizeBytes: Number(row.size_bytes),
      sha256: row.sha256,
    });
  }
  if (upload.files.length > limits.files) upload.refusal ??= { reason: 'too_many_files', count: limits.files };
  const total = upload.files.reduce((sum, file) => sum + file.sizeBytes, 0);
  const last = upload.files.at(-1);
  if (total > limits.totalMegabytes * megabyte && last)
    upload.refusal ??= { reason: 'total_too_large', filename: last.filename, megabytes: limits.totalMegabytes };
}

/** Kept files are stored in chunks of this size, each by its own statement (as plans evidence). */
const pendingChunkBytes = 256 * 1024;

/** Stores the files the refused form's page offered again as pending uploads of this browser (and person). */
async function storeOffered(request: FastifyRequest, reply: FastifyReply, entry: Received): Promise<void> {
  const files = [...entry.upload.files, ...entry.keepable].filter((file) => entry.offered.has(file.id) && !file.kept);
  if (files.length === 0) return;
  const owner = ensureOwnerHash(request, reply);
  const { db } = request.server;
  for (const file of files) {
    await insertPendingUpload(db, {
      id: file.id,
      ownerHash: owner,
      userId: userIdOf(request),
      formUrl: request.url,
      field: file.field,
      filename: file.filename,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      hours: keptHours,
    });
    let position = 0;
    for await (const chunk of createReadStream(file.path, { highWaterMark: pendingChunkBytes })) {
      await insertPendingUploadChunk(db, file.id, position, chunk as Buffer);
      position += 1;
    }
  }
  // A browser keeps a bounded amount of files: the files just kept stay, its oldest others go first.
  await trimPendingUploadsOf(
    db,
    owner,
    files.map((file) => file.id),
    keptFileMegabytesPerBrowser * megabyte,
  );
}

function isMultipart(request: FastifyRequest): boolean {
  return /^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '');
}

/**
 * Makes the plugin's routes accept multipart bodies within these limits: the text fields become the request's
 * body (as a form's values), the files `uploadOf(request)`.
 */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'better-upload-'));
  const removeFiles = async (request: FastifyRequest) => {
    const entry = received.get(request);
    if (entry) await Promise.all(entry.written.splice(0).map((file) => rm(file, { force: true })));
  };
  // Before a byte of the body is read: a visitor who could never perform the route's action (anonymous, or without a
  // role for it) costs no storing and no reading; the guard answers (sign in, or 403) and the connection is closed.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const { public: isPublic, action } = request.routeOptions.config;
    if (isMultipart(request) && !isPublic && action && !mayAttempt(request.actor, action)) {
      const { upload } = receive(request);
      upload.cut = true;
      upload.fieldsLost = true;
    }
    return payload;
  });
  app.addContentTypeParser('multipart/form-data', (request: FastifyRequest, payload: IncomingMessage) => readMultipart(request, payload, folder, limits));
  // Every answer passes here once its handler (or the hook or error handler that answers instead) has finished with
  // the files, whether or not the client is still there; removing them on the connection's close instead took them
  // away from a handler still reading them.
  app.addHook('onSend', async (request, reply) => {
    if (uploadOf(request).cut) reply.header('connection', 'close');
    const entry = received.get(request);
    // Refused: the files offered again are kept as pending uploads. Done (a redirect): the kept files used are gone.
    if (entry && reply.statusCode >= 400) await storeOffered(request, reply, entry);
    if (entry && reply.statusCode >= 300 && reply.statusCode < 400) {
      await deletePendingUploads(
        request.server.db,
        entry.upload.files.filter((file) => file.kept).map((file) => file.id),
      );
    }
    await removeFiles(request);
  });
  app.addHook('onClose', async () => rm(folder, { recursive: true, force: true }));
}
