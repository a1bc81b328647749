/**
 * The web import: a multipart upload saved to a temporary file (never held in memory), checked and imported by
 * the same code as `better import practices`, within the web form's limits.
 */
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertAllowed } from '../../core/http/refusals.js';
import { importPractices } from './import.js';
import { programmeChoices } from './route-helpers.js';
import { ImportPage, ImportReportPage, webImportMaxMegabytes, webImportMaxRows } from './views/ImportPage.js';

interface UploadedFile {
  path: string;
  filename: string;
}

/** A multipart field's value as text (fields arrive as objects holding their value). */
function fieldText(field: unknown): string {
  const value = (field as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : '';
}

export const importRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const folder = await mkdtemp(path.join(tmpdir(), 'better-import-'));
  app.addHook('onClose', async () => rm(folder, { recursive: true, force: true }));

  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: webImportMaxMegabytes * 1024 * 1024, files: 1, fields: 10, fieldSize: 10_000 },
    async onFile(part: MultipartFile) {
      const target = path.join(folder, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
      await pipeline(part.file, createWriteStream(target));
      (part as unknown as { value: UploadedFile }).value = { path: target, filename: part.filename };
    },
  });

  app.get('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const programmes = await programmeChoices(db, request.actor);
    assertAllowed(programmes.length > 0);
    return reply.page(<ImportPage programmes={programmes} />);
  });

  app.post('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const upload = (body.file as { value?: UploadedFile } | undefined)?.value;
    const programmes = await programmeChoices(db, request.actor);
    const programmeId = Number(fieldText(body.programmeId));
    const skipInvalid = fieldText(body.skipInvalid) !== '';
    const errors = [];
    if (!programmes.some((programme) => programme.value === String(programmeId))) errors.push({ field: 'programmeId', key: 'practices.import.programmeRequired' });
    if (!upload || upload.filename === '') errors.push({ field: 'file', key: 'practices.import.fileRequired' });
    const format = upload?.filename.toLowerCase().endsWith('.json') ? 'json' : upload?.filename.toLowerCase().endsWith('.csv') ? 'csv' : undefined;
    if (upload && upload.filename !== '' && !format) errors.push({ field: 'file', key: 'practices.import.fileFormat' });
    try {
      if (errors.length || !upload || !format) return reply.page(<ImportPage programmes={programmes} state={{ values: { skipInvalid: skipInvalid ? 'yes' : '' }, errors }} />, 400);
      const report = await importPractices(db, request.actor, { path: upload.path, format }, { programmeId, skipInvalid, maxRows: webImportMaxRows });
      return reply.page(<ImportReportPage report={report} fileName={upload.filename} />, report.imported > 0 ? 200 : 400);
    } finally {
      if (upload) await rm(upload.path, { force: true });
    }
  });
};
