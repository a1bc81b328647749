/**
 * File uploads for import forms: a multipart body whose file is streamed to a temporary file (never held in memory)
 * and removed once the response is sent, whatever happened in between (a refused CSRF token, a thrown error).
 * Register inside the routes' own plugin, so only those routes accept multipart bodies.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatOf, type ImportFormat } from './records.js';

export interface UploadedFile {
  path: string;
  filename: string;
  /** From the file name's ending; undefined for anything but .csv and .json. */
  format: ImportFormat | undefined;
}

export async function acceptUploads(app: FastifyInstance, limits: { maxMegabytes: number; fields?: number }): Promise<void> {
  const folder = await mkdtemp(path.join(tmpdir(), 'better-upload-'));
  const saved = new WeakMap<FastifyRequest, string[]>();
  app.addHook('onResponse', async (request) => {
    for (const file of saved.get(request) ?? []) await rm(file, { force: true });
  });
  app.addHook('onClose', async () => rm(folder, { recursive: true, force: true }));
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: limits.maxMegabytes * 1024 * 1024, files: 1, fields: limits.fields ?? 10, fieldSize: 10_000 },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      const target = path.join(folder, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
      saved.set(this, [...(saved.get(this) ?? []), target]);
      await pipeline(part.file, createWriteStream(target));
      const file: UploadedFile = { path: target, filename: part.filename, format: formatOf(part.filename) };
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });
}

/** The uploaded file of a multipart body, if one was chosen. */
export function uploadedFile(body: unknown, field = 'file'): UploadedFile | undefined {
  const file = ((body ?? {}) as Record<string, { value?: UploadedFile } | undefined>)[field]?.value;
  return file && file.filename !== '' ? file : undefined;
}
