/** The public CPSV-AP exports of the instrument catalogue: /instruments.jsonld and /instruments.ttl, ?programme=ID for one programme. */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { cpsvFormats, cpsvMediaTypes, exportCatalogue } from './service.js';

function programmeOf(request: FastifyRequest): number | undefined {
  const raw = (request.query as Record<string, unknown> | null)?.programme;
  if (raw === undefined) return undefined;
  const id = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
  if (id < 1) throw new HttpError('bad_request');
  return id;
}

export const cpsvRoutes: FastifyPluginAsync = async (app) => {
  for (const format of cpsvFormats) {
    app.get(`/instruments.${format}`, { config: { action: 'instrument.read' } }, async (request, reply) => {
      const programmeId = programmeOf(request);
      const chunks = exportCatalogue(app.db, format, { publicUrl: app.config.publicUrl, ...(programmeId !== undefined ? { programmeId } : {}) });
      return reply.type(cpsvMediaTypes[format]).header('content-disposition', `inline; filename="instruments.${format}"`).send(Readable.from(chunks));
    });
  }
};
