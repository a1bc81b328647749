/** The admin outbox at /admin/outbox: without SMTP_URL this is where emails (e.g. reset links) can be read. */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../../core/http/errors.js';
import { listOutbox, outboxPageSize } from '../../core/mail/outbox.js';
import { can } from '../../core/policy/policy.js';
import { pageNumber } from '../../core/validation/fields.js';
import { OutboxPage } from './views/OutboxPage.js';

export const outboxRoutes: FastifyPluginAsync = async (app) => {
  app.get('/admin/outbox', { config: { action: 'outbox.read' } }, async (request, reply) => {
    if (!can(request.actor, 'outbox.read')) throw new HttpError('forbidden');
    const page = pageNumber.parse((request.query as Record<string, unknown>).page);
    const { emails, total } = await listOutbox(app.db, page);
    const pageCount = Math.max(1, Math.ceil(total / outboxPageSize));
    return reply.page(<OutboxPage emails={emails} page={page} pageCount={pageCount} smtpConfigured={Boolean(app.config.mail.smtpUrl)} />);
  });
};
