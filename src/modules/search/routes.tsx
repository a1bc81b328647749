/** GET /search: the query checked, the search run as the actor may see, and the page or (for API clients) JSON. */
import type { FastifyPluginAsync } from 'fastify';
import { wantsJson } from '../../core/http/guard.js';
import { listOf } from '../../core/validation/fields.js';
import { fieldErrors, type FieldError } from '../../core/validation/forms.js';
import { platformSearchDocument } from './api.js';
import { nothingSearched, platformSearchSchema, searchPlatform, unknownKinds } from './service.js';
import { SearchPage } from './views/SearchPage.js';

export const searchRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;

  app.get('/search', { config: { public: true } }, async (request, reply) => {
    const parsed = platformSearchSchema.safeParse(request.query ?? {});
    const errors: FieldError[] = parsed.success ? [] : fieldErrors(parsed.error);
    const unknown = parsed.success ? unknownKinds(parsed.data.kind) : [];
    if (unknown.length > 0) errors.push({ field: 'kind', key: 'search.errors.kind.unknown' });
    reply.header('vary', 'Accept, Cookie, Accept-Language');
    if (!parsed.success || errors.length > 0) {
      const raw = (request.query ?? {}) as Record<string, unknown>;
      if (wantsJson(request)) return reply.status(400).send({ error: 'invalid', message: errors.map((error) => request.t(error.key, error.values)).join(' ') });
      // Nothing is searched: the page shows the problem with the words and kinds as typed, and the filters without counts.
      const q = listOf(raw.q)[0] ?? '';
      const kinds = listOf(raw.kind);
      return reply.page(<SearchPage search={nothingSearched(q)} q={q} kinds={kinds} state={{ values: { q }, errors }} />, 400);
    }
    const query = parsed.data;
    const search = await searchPlatform(db, request.actor, query, { locale: request.locale, t: request.t });
    if (wantsJson(request)) return reply.send(platformSearchDocument(query.q, search, app.config.publicUrl));
    return reply.page(<SearchPage search={search} q={query.q} kinds={query.kind} state={{ values: {}, errors: [] }} />);
  });
};
