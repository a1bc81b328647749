/**
 * The instrument catalogue as CSV and JSON downloads, and the uploads that create instruments or add impact
 * measurements from such files. Uploads go to a temporary file and are read as a stream (core/exchange).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { acceptUploads, uploadedFile, type UploadedFile } from '../../core/exchange/upload.js';
import type { ImportFormat } from '../../core/exchange/records.js';
import { idParam, idPattern } from '../../core/http/params.js';
import { assertAllowed } from '../../core/http/refusals.js';
import { HttpError } from '../../core/http/errors.js';
import type { FieldError } from '../../core/validation/forms.js';
import { exportCatalogueCsv, exportCatalogueJson } from './exchange.js';
import { importImpact } from './exchange-impact.js';
import { importCatalogue, importMaxMegabytes } from './exchange-import.js';
import * as queries from './queries.js';
import { catalogueQuerySchema } from './schema.js';
import { mayWrite } from './service.js';
import { CatalogueImportPage, ImpactImportPage, ImportReportPage } from './views/ExchangePages.js';

const impactImportPath = `/instruments/:instrumentId${idPattern}/impact/import`;

/** The upload's problems before its content is read: no file chosen, or not a .csv or .json file. */
function uploadErrors(upload: UploadedFile | undefined): FieldError[] {
  if (!upload) return [{ field: 'file', key: 'instrumentData.form.fileRequired' }];
  if (!upload.format) return [{ field: 'file', key: 'instrumentData.form.fileFormat' }];
  return [];
}

function download(reply: FastifyReply, format: ImportFormat) {
  return reply
    .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
    .header('content-disposition', `attachment; filename="instruments.${format}"`)
    .header('cache-control', 'no-store');
}

export const exchangeRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  await acceptUploads(app, { maxMegabytes: importMaxMegabytes });

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
    const upload = uploadedFile(request.body);
    const errors = uploadErrors(upload);
    if (errors.length || !upload?.format) return reply.page(<CatalogueImportPage state={{ values: {}, errors }} />, 400);
    const report = await importCatalogue(db, request.actor, { path: upload.path, format: upload.format });
    return reply.page(<ImportReportPage report={report} fileName={upload.filename} kind="catalogue" target={{ href: '/instruments', label: request.t('instrumentData.report.catalogue') }} />, report.imported > 0 ? 200 : 400);
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
    const upload = uploadedFile(request.body);
    const errors = uploadErrors(upload);
    if (errors.length || !upload?.format) return reply.page(<ImpactImportPage instrument={instrument} state={{ values: {}, errors }} />, 400);
    const outcome = await importImpact(db, request.actor, instrument.id, { path: upload.path, format: upload.format });
    if (!outcome.ok) throw new HttpError(outcome.reason);
    const report = outcome.value;
    return reply.page(<ImportReportPage report={report} fileName={upload.filename} kind="impact" target={{ href: `/instruments/${instrument.id}`, label: instrument.name }} />, report.imported > 0 ? 200 : 400);
  });
};
