/**
 * Liveness (/healthz: the process answers) and readiness (/readyz: the database answers) for load balancers. Readiness
 * also says whether the modules have read what they keep in memory (`prepared`), without waiting for it.
 */
import fp from 'fastify-plugin';
import { describeConnectionError } from '../db/errors.js';
import { ping } from '../db/ping.js';
import { retryAfterSeconds } from './errors.js';
import { livenessBody, livenessPath } from './liveness.js';

export const healthPlugin = fp(
  async (app) => {
    // Answered by the HTTP server itself (liveness.ts); this route serves fastify.inject and what the door passes on.
    app.get(livenessPath, { config: { public: true, notAPage: true }, logLevel: 'warn' }, async (_request, reply) =>
      reply.type('application/json; charset=utf-8').header('cache-control', 'no-store').send(livenessBody),
    );

    app.get('/readyz', { config: { public: true, notAPage: true }, logLevel: 'warn' }, async (request, reply) => {
      try {
        await ping(app.db);
        return { status: 'ready', database: app.databaseKind, prepared: app.modulesPrepared };
      } catch (error) {
        // Polled every few seconds by each load balancer: one line each time, without a stack.
        request.log.warn({ cause: describeConnectionError(error) }, 'database not reachable');
        return reply.code(503).header('retry-after', String(retryAfterSeconds)).send({ status: 'unavailable', database: app.databaseKind });
      }
    });
  },
  { name: 'better-health' },
);
