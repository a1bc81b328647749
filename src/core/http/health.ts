/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers) for load balancers. */
import fp from 'fastify-plugin';
import { describeConnectionError } from '../db/errors.js';
import { ping } from '../db/ping.js';
import { retryAfterSeconds } from './errors.js';

export const healthPlugin = fp(
  async (app) => {
    app.get('/healthz', { config: { public: true, notAPage: true }, logLevel: 'warn' }, async () => ({ status: 'ok' }));

    app.get('/readyz', { config: { public: true, notAPage: true }, logLevel: 'warn' }, async (request, reply) => {
      try {
        await ping(app.db);
        return { status: 'ready', database: app.databaseKind };
      } catch (error) {
        // Polled every few seconds by each load balancer: one line each time, without a stack.
        request.log.warn({ cause: describeConnectionError(error) }, 'database not reachable');
        return reply.code(503).header('retry-after', String(retryAfterSeconds)).send({ status: 'unavailable', database: app.databaseKind });
      }
    });
  },
  { name: 'better-health' },
);
