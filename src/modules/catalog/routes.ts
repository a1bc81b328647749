/** The public open-data catalogue: /catalog.ttl and /catalog.jsonld, and /catalog (the catalogue's IRI) leading to one of them. */
import type { FastifyPluginAsync } from 'fastify';
import { catalogFormats, catalogMediaTypes, exportCatalog } from './service.js';

export const catalogRoutes: FastifyPluginAsync = async (app) => {
  // The catalogue lists programmes' public data, so reading it is reading the programmes (public).
  for (const format of catalogFormats) {
    app.get(`/catalog.${format}`, { config: { action: 'programme.read' } }, async (_request, reply) => {
      const text = await exportCatalog(app.db, format, app.config.publicUrl);
      return reply.type(catalogMediaTypes[format]).header('content-disposition', `inline; filename="catalog.${format}"`).send(text);
    });
  }

  app.get('/catalog', { config: { action: 'programme.read' } }, async (request, reply) => {
    const wantsJsonLd = /application\/(ld\+)?json/.test(request.headers.accept ?? '');
    return reply.header('vary', 'Accept').redirect(wantsJsonLd ? '/catalog.jsonld' : '/catalog.ttl', 303);
  });
};
