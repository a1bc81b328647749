/**
 * The exports of a search as CSV and JSON, and the web import: a multipart upload saved to a temporary file (never
 * held in memory, core/http/uploads), checked and imported by the same code as `better import practices`, within the
 * web form's limits.
 */
import type { FastifyPluginAsync } from 'fastify';
import { formatOf } from '../../../core/exchange/records.js';
import { assertAllowed } from '../../../core/http/refusals.js';
import { acceptUploads, oneFile, uploadedFile, uploadError, uploadOf } from '../../../core/http/uploads.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { formValues, type FieldError } from '../../../core/validation/forms.js';
import type { Option } from '../../../core/views/components/forms.js';
import { searchQuerySchema } from '../schema.js';
import { exportCsv, exportJson } from './export.js';
import { importPractices, outcomeOf } from './import.js';
import { programmeChoices } from '../library/route-helpers.js';
import { ImportPage, ImportReportPage, webImportMaxMegabytes, webImportMaxRows } from './views/ImportPage.js';

export const exchangeRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/practices/export.csv', { config: { action: 'practice.read_published' } }, async (request, reply) => {
    const query = searchQuerySchema.parse(request.query ?? {});
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="good-practices.csv"')
      .header('cache-control', 'no-store')
      .send(exportCsv(db, request.actor, query, app.config.publicUrl));
  });

  app.get('/practices/export.json', { config: { action: 'practice.read_published' } }, async (request, reply) => {
    const query = searchQuerySchema.parse(request.query ?? {});
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="good-practices.json"')
      .header('cache-control', 'no-store')
      .send(exportJson(db, request.actor, query, app.config.publicUrl));
  });

  // The library's own limit (the form states it), not the instrument catalogue's.
  await acceptUploads(app, oneFile(webImportMaxMegabytes));

  /** Whether the actor may use the options for real files (fixing summaries, adding themes) in any of these programmes. */
  const mayAdjust = (actor: Actor, programmes: Option[]) =>
    programmes.some((programme) => can(actor, 'practice.import_adjust', { programmeId: Number(programme.value) }));

  app.get('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const programmes = await programmeChoices(db, request.actor);
    assertAllowed(programmes.length > 0);
    return reply.page(<ImportPage programmes={programmes} mayAdjust={mayAdjust(request.actor, programmes)} />);
  });

  app.post('/practices/import', { config: { action: 'practice.import' } }, async (request, reply) => {
    const values = formValues(request.body);
    const { refusal } = uploadOf(request);
    const upload = uploadedFile(request);
    const format = upload ? formatOf(upload.filename) : undefined;
    const programmes = await programmeChoices(db, request.actor);
    const programmeId = Number(values.programmeId);
    const ticked = (name: string) => typeof values[name] === 'string' && values[name] !== '';
    const [skipInvalid, fixSummaries, createThemes] = [ticked('skipInvalid'), ticked('fixSummaries'), ticked('createThemes')];
    const errors: FieldError[] = [];
    if (!programmes.some((programme) => programme.value === String(programmeId)))
      errors.push({ field: 'programmeId', key: 'practices.import.programmeRequired' });
    if (refusal) errors.push(uploadError('file', refusal));
    else if (!upload) errors.push({ field: 'file', key: 'practices.import.fileRequired' });
    else if (!format) errors.push({ field: 'file', key: 'practices.import.fileFormat' });
    // Checked here too so an editor who crafts the request is told with the rest of the form: at the options when the
    // form shows them (a coordinator of another programme), else once at the file, which is what it was meant for.
    const offered = mayAdjust(request.actor, programmes);
    if ((fixSummaries || createThemes) && !can(request.actor, 'practice.import_adjust', { programmeId })) {
      if (!offered) errors.push({ field: 'file', key: 'practices.import.adjustForbidden' });
      else for (const option of ['fixSummaries', 'createThemes'].filter(ticked)) errors.push({ field: option, key: 'practices.import.adjustForbidden' });
    }
    if (errors.length || !upload || !format) {
      const kept = Object.fromEntries(['skipInvalid', 'fixSummaries', 'createThemes'].filter(ticked).map((name) => [name, 'yes']));
      return reply.page(
        <ImportPage programmes={programmes} mayAdjust={offered} state={{ values: { programmeId: String(programmeId), ...kept }, errors }} />,
        refusal ? 413 : 400,
      );
    }
    // The uploaded file is deleted once the response is sent (core/http/uploads).
    const report = await importPractices(
      db,
      request.actor,
      { path: upload.path, format },
      { programmeId, skipInvalid, maxRows: webImportMaxRows, adjust: { fixSummaries, createThemes }, dryRun: ticked('dryRun') },
    );
    const outcome = outcomeOf(report);
    return reply.page(<ImportReportPage report={report} fileName={upload.filename} />, outcome === 'imported' || outcome === 'would_import' ? 200 : 400);
  });
};
