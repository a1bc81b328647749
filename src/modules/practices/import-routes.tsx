/**
 * The web import: a multipart upload saved to a temporary file (never held in memory, core/exchange/upload), checked
 * and imported by the same code as `better import practices`, within the web form's limits.
 */
import type { FastifyPluginAsync } from 'fastify';
import { acceptUploads, uploadedFile } from '../../core/exchange/upload.js';
import { assertAllowed } from '../../core/http/refusals.js';
import { importPractices } from './import.js';
import { programmeChoices } from './route-helpers.js';
import { ImportPage, ImportReportPage, webImportMaxMegabytes, webImportMaxRows } from './views/ImportPage.js';

/** A multipart field's value as text (fields arrive as objects holding their value). */
function fieldText(field: unknown): string {
  const value = (field as { value?: unknown } | undefined)?.value;
  return typeof value === 'string' ? value : '';
}

export const importRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  // The library's own limit (the form states it), not the instrument catalogue's.
  await acceptUploads(app, { maxMegabytes: webImportMaxMegabytes });

  app.get('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const programmes = await programmeChoices(db, request.actor);
    assertAllowed(programmes.length > 0);
    return reply.page(<ImportPage programmes={programmes} />);
  });

  app.post('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const upload = uploadedFile(body);
    const programmes = await programmeChoices(db, request.actor);
    const programmeId = Number(fieldText(body.programmeId));
    const skipInvalid = fieldText(body.skipInvalid) !== '';
    const errors = [];
    if (!programmes.some((programme) => programme.value === String(programmeId))) errors.push({ field: 'programmeId', key: 'practices.import.programmeRequired' });
    if (!upload) errors.push({ field: 'file', key: 'practices.import.fileRequired' });
    else if (!upload.format) errors.push({ field: 'file', key: 'practices.import.fileFormat' });
    if (errors.length || !upload?.format) return reply.page(<ImportPage programmes={programmes} state={{ values: { skipInvalid: skipInvalid ? 'yes' : '' }, errors }} />, 400);
    // The uploaded file is deleted once the response is sent (core/exchange/upload).
    const report = await importPractices(db, request.actor, { path: upload.path, format: upload.format }, { programmeId, skipInvalid, maxRows: webImportMaxRows });
    return reply.page(<ImportReportPage report={report} fileName={upload.filename} />, report.imported > 0 ? 200 : 400);
  });
};
