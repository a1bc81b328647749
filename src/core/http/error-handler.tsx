/**
 * One handler for everything that goes wrong: logs method, path and request id (with the stack only for errors
 * worth reporting) and answers with a localised page, or JSON to API clients, never with internals.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { describeConnectionError } from '../db/errors.js';
import { defaultLocale } from '../i18n/locales.js';
import { anonymous } from '../policy/actor.js';
import { ErrorPage } from './ErrorPage.js';
import { errorKindOf, errorKinds, retryAfterSeconds, type ErrorKind } from './errors.js';
import { wantsJson } from './accepts.js';
import { keepRefusedForm } from './kept.js';

/** An error raised before the language and session hooks ran still gets a page, in English, for an anonymous visitor. */
function ensureRequestContext(request: FastifyRequest): void {
  if (typeof request.t !== 'function') {
    request.locale = defaultLocale;
    request.t = request.server.translator.translate(defaultLocale);
  }
  if (!request.actor) request.actor = { ...anonymous, requestId: request.id };
}

function answer(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind): FastifyReply {
  ensureRequestContext(request);
  const { status } = errorKinds[kind];
  if (kind === 'unavailable') reply.header('retry-after', String(retryAfterSeconds));
  if (wantsJson(request)) {
    return reply
      .code(status)
      .type('application/json; charset=utf-8')
      .send({ error: kind, message: request.t(`errors.${kind}.title`), requestId: request.id });
  }
  return reply.page(<ErrorPage kind={kind} requestId={request.id} />, status);
}

export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler(async (error, request, reply) => {
      const kind = errorKindOf(error);
      const context = { method: request.method, path: request.routeOptions.url ?? request.url, requestId: request.id, kind };
      if (errorKinds[kind].report) request.log.error({ ...context, err: error }, 'request failed');
      else if (kind === 'unavailable') request.log.warn({ ...context, cause: describeConnectionError(error) }, 'database unavailable');
      else request.log.info(context, 'request refused');
      // A form refused for its token is kept, not thrown away: "Your work is safe" (core/http/kept).
      if (kind === 'csrf_invalid') {
        ensureRequestContext(request);
        const kept = await keepRefusedForm(request, reply);
        if (kept) return kept;
      }
      return answer(request, reply, kind);
    });

    app.setNotFoundHandler(async (request, reply) => answer(request, reply, 'not_found'));
  },
  { name: 'better-errors', dependencies: ['better-pages'] },
);
