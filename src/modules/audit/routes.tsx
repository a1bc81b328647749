/** The audit log viewer at /admin/audit. */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { auditQuerySchema } from './schema.js';
import { readAuditLog } from './service.js';
import { AuditLogPage } from './views/AuditLogPage.js';

export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get('/admin/audit', { config: { action: 'audit.read' } }, async (request, reply) => {
    const query = auditQuerySchema.parse(request.query ?? {});
    const result = await readAuditLog(app.db, request.actor, query);
    if (!result) throw new HttpError('forbidden');
    let nextHref: string | null = null;
    if (result.nextCursor !== null) {
      const parameters = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== null && key !== 'after') parameters.set(key, String(value));
      parameters.set('after', String(result.nextCursor));
      nextHref = `/admin/audit?${parameters.toString()}`;
    }
    return reply.page(<AuditLogPage events={result.events} query={query} nextHref={nextHref} />);
  });
};
