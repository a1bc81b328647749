/** The email outbox for administrators, and the background delivery of queued emails. */
import type { PlatformModule } from '../../core/module.js';
import { pruneSentEmails } from '../../core/mail/outbox.js';
import { sendDueEmails, smtpTransport } from '../../core/mail/sender.js';
import { outboxRoutes } from './routes.js';

export const outboxModule: PlatformModule = {
  name: 'outbox',
  routes: outboxRoutes,
  navigation: [{ href: '/admin/outbox', labelKey: 'outbox.nav', action: 'outbox.read', group: 'admin' }],
  tasks: (app) => {
    const tasks = [{ name: 'outbox.prune', run: () => pruneSentEmails(app.db) }];
    const { smtpUrl, from } = app.config.mail;
    if (!smtpUrl) return tasks;
    const transport = smtpTransport(smtpUrl);
    app.addHook('onClose', async () => transport.close());
    return [...tasks, { name: 'outbox.send', run: () => sendDueEmails(app.db, transport, from) }];
  },
};
