/**
 * The instrument catalogue as CSV and JSON downloads, and the uploads that create instruments or add impact
 * measurements from such files. Uploads go to a temporary file and are read as a stream (core/exchange).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { formatOf, type ImportFormat } from '../../../core/exchange/records.js';
import { HttpError } from '../../../core/http/errors.js';
import { idParam, idPattern } from '../../../core/http/params.js';
import { assertAllowed } from '../../../core/http/refusals.js';
import { acceptUploads, oneFile, uploadedFile, uploadError, uploadOf } from '../../../core/http/uploads.js';
import type { FieldError } from '../../../core/validation/forms.js';
import { exportCatalogueCsv, exportCatalogueJson } from './service.js';
import { importImpact } from './impact-import.js';
import { importCatalogue, importMaxMegabytes } from './import.js';
import * as queries from '../catalogue/queries.js';
import { catalogueQuerySchema } from '../schema.js';
import { mayWrite } from '../catalogue/service.js';
import { CatalogueImportPage, ImpactImportPage, ImportReportPage } from './views/ExchangePages.js';

const impactImportPath = `/instruments/:instrumentId${idPattern}/impact/import`;

/** The uploaded file and its format, or the problems to show before its content is read: too large, no file chosen, or not a .csv or .json file. */
function chosenFile(request: FastifyRequest): { file: { path: string; format: ImportFormat; filename: string } } | { errors: FieldError[]; status: number } {
  const { refusal } = uploadOf(request);
  if (refusal) return { errors: [uploadError('file', refusal)], status: 413 };
  const upload = uploadedFile(request);
  if (!upload) return { errors: [{ field: 'file', key: 'instrumentData.form.fileRequired' }], status: 400 };
  const format = formatOf(upload.filename);
  if (!format) return { errors: [{ field: 'file', key: 'instrumentData.form.fileFormat' }], status: 400 };
  return { file: { path: upload.path, format, filename: upload.filename } };
}

function download(reply: FastifyReply, format: ImportFormat) {
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="instruments.${format}"`)
    .header('cache-control', 'no-store');
}

export const exchangeRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  await acceptUploads(app, oneFile(importMaxMegabytes));

  // The catalogue's filters (?q=&kind=&stage=&partner=&theme=) apply, so a download holds what the catalogue lists.
  app.get('/instruments.csv', { config: { action: 'instrument.read' } }, async (request, reply) => {
    return download(reply, 'csv').send(exportCatalogueCsv(db, request.actor, catalogueQuerySchema.parse(request.query ?? {})));
  });

  app.get('/instruments.json', { config: { action: 'instrument.read' } }, async (request, reply) => {
    return download(reply, 'json').send(exportCatalogueJson(db, request.actor, catalogueQuerySchema.parse(request.query ?? {})));
  });

  app.get('/instruments/import', { config: { action: 'instrument.write' } }, async (_request, reply) => {
    return reply.page(<CatalogueImportPage />);
  });

  app.post('/instruments/import', { config: { action: 'instrument.write' } }, async (request, reply) => {
    const chosen = chosenFile(request);
    if ('errors' in chosen) return reply.page(<CatalogueImportPage state={{ values: {}, errors: chosen.errors }} />, chosen.status);
    const { file } = chosen;
    const report = await importCatalogue(db, request.actor, { path: file.path, format: file.format });
    return reply.page(
      <ImportReportPage
        report={report}
        fileName={file.filename}
        kind="catalogue"
        target={{ href: '/instruments', label: request.t('instrumentData.report.catalogue') }}
      />,
      report.imported > 0 ? 200 : 400,
    );
  });

  /** The instrument whose impact is imported, refused unless the actor writes for it. */
  async function writableInstrument(request: FastifyRequest) {
    const instrument = await queries.findInstrument(db, idParam(request.params, 'instrumentId'));
    if (!instrument) throw new HttpError('not_found');
    assertAllowed(mayWrite(request.actor, { programmeId: instrument.programme_id, partnerId: instrument.partner_id }));
    return { id: instrument.id, name: instrument.name };
  }

  app.get(impactImportPath, { config: { action: 'instrument.write' } }, async (request, reply) => {
    return reply.page(<ImpactImportPage instrument={await writableInstrument(request)} />);
  });

  app.post(impactImportPath, { config: { action: 'instrument.write' } }, async (request, reply) => {
    const instrument = await writableInstrument(request);
    const chosen = chosenFile(request);
    if ('errors' in chosen) return reply.page(<ImpactImportPage instrument={instrument} state={{ values: {}, errors: chosen.errors }} />, chosen.status);
    const { file } = chosen;
    const outcome = await importImpact(db, request.actor, instrument.id, { path: file.path, format: file.format });
    if (!outcome.ok) throw new HttpError(outcome.reason);
    const report = outcome.value;
    return reply.page(
      <ImportReportPage report={report} fileName={file.filename} kind="impact" target={{ href: `/instruments/${instrument.id}`, label: instrument.name }} />,
      report.imported > 0 ? 200 : 400,
    );
  });
};
