/**
 * The web import: a multipart upload saved to a temporary file (never held in memory, core/http/uploads), checked
 * and imported by the same code as `better import practices`, within the web form's limits.
 */
import type { FastifyPluginAsync } from 'fastify';
import { formatOf } from '../../core/exchange/records.js';
import { assertAllowed } from '../../core/http/refusals.js';
import { acceptUploads, oneFile, uploadedFile, uploadError, uploadOf } from '../../core/http/uploads.js';
import { formValues, type FieldError } from '../../core/validation/forms.js';
import { importPractices } from './import.js';
import { programmeChoices } from './route-helpers.js';
import { ImportPage, ImportReportPage, webImportMaxMegabytes, webImportMaxRows } from './views/ImportPage.js';

export const importRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  // The library's own limit (the form states it), not the instrument catalogue's.
  await acceptUploads(app, oneFile(webImportMaxMegabytes));

  app.get('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const programmes = await programmeChoices(db, request.actor);
    assertAllowed(programmes.length > 0);
    return reply.page(<ImportPage programmes={programmes} />);
  });

  app.post('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const values = formValues(request.body);
    const { refusal } = uploadOf(request);
    const upload = uploadedFile(request);
    const format = upload ? formatOf(upload.filename) : undefined;
    const programmes = await programmeChoices(db, request.actor);
    const programmeId = Number(values.programmeId);
    const skipInvalid = typeof values.skipInvalid === 'string' && values.skipInvalid !== '';
    const errors: FieldError[] = [];
    if (!programmes.some((programme) => programme.value === String(programmeId))) errors.push({ field: 'programmeId', key: 'practices.import.programmeRequired' });
    if (refusal) errors.push(uploadError('file', refusal));
    else if (!upload) errors.push({ field: 'file', key: 'practices.import.fileRequired' });
    else if (!format) errors.push({ field: 'file', key: 'practices.import.fileFormat' });
    if (errors.length || !upload || !format) return reply.page(<ImportPage programmes={programmes} state={{ values: { skipInvalid: skipInvalid ? 'yes' : '' }, errors }} />, refusal ? 413 : 400);
    // The uploaded file is deleted once the response is sent (core/http/uploads).
    const report = await importPractices(db, request.actor, { path: upload.path, format }, { programmeId, skipInvalid, maxRows: webImportMaxRows });
    return reply.page(<ImportReportPage report={report} fileName={upload.filename} />, report.imported > 0 ? 200 : 400);
  });
};
