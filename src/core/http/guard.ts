/**
 * The per-route pipeline before a handler runs: every unsafe request must carry a valid CSRF token, and every
 * route either is public or names the policy action it performs. Anonymous visitors are sent to sign in; actors
 * with no role that could ever perform the action are refused at once. The use case then decides per record.
 */
import fp from 'fastify-plugin';
import { mayAttempt } from '../policy/policy.js';
import { wantsJson } from './accepts.js';
import { HttpError } from './errors.js';
import { keepRefusedForm, keptWorkPlugin } from './kept.js';
import { uploadLostFields } from './uploads.js';

export { wantsJson } from './accepts.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const guardPlugin = fp(
  async (app) => {
    await app.register(keptWorkPlugin);
    // A refused token is sent by csrfProtection as a 403 error, which ends the request before any handler. An upload
    // whose fields were lost may have lost its token: cut short for its size or its number of fields, its route writes
    // nothing and only shows the form again; not read at all, the next hook turns it away.
    app.addHook('preHandler', (request, reply, done) => {
      const exempt = request.routeOptions.config.withoutCsrf === true;
      if (unsafeMethods.has(request.method) && !request.is404 && !exempt && !uploadLostFields(request)) app.csrfProtection(request, reply, done);
      else done();
    });

    app.addHook('preHandler', async (request, reply) => {
      const { public: isPublic, action } = request.routeOptions.config;
      if (isPublic || request.is404) return;
      if (!action) throw new Error(`Route ${request.routeOptions.url ?? request.url} names no policy action`);
      if (mayAttempt(request.actor, action)) return;
      if (request.actor.kind === 'anonymous') {
        if (wantsJson(request)) return reply.code(401).send({ error: 'unauthenticated' });
        // A form sent after the session ended is kept: "Your work is safe", sign in again, save (core/http/kept).
        const kept = await keepRefusedForm(request, reply);
        if (kept) return kept;
        const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
        return reply.redirect(`/sign-in${next}`, 303);
      }
      throw new HttpError('forbidden');
    });
  },
  { name: 'better-guard', dependencies: ['better-csrf'] },
);
