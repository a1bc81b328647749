/**
 * The per-route pipeline before a handler runs: every unsafe request must carry a valid CSRF token, and every
 * route either is public or names the policy action it performs. Anonymous visitors are sent to sign in; actors
 * with no role that could ever perform the action are refused at once. The use case then decides per record.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { mayAttempt } from '../policy/policy.js';
import { HttpError } from './errors.js';
import { uploadLostFields } from './uploads.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export const guardPlugin = fp(
  async (app) => {
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
        const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.url)}` : '';
        return reply.redirect(`/sign-in${next}`, 303);
      }
      throw new HttpError('forbidden');
    });
  },
  { name: 'better-guard', dependencies: ['@fastify/csrf-protection'] },
);
