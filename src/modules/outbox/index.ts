/** The email outbox for administrators, and the background delivery of queued emails. */
import type { PlatformModule } from '../../core/module.js';
import { outboxGrants } from './policy.js';
import { pruneSentEmails } from '../../core/mail/outbox.js';
import { releaseEmailLeases, sendDueEmails, smtpTransport } from '../../core/mail/sender.js';
import { outboxRoutes } from './routes.js';

export const outboxModule: PlatformModule = {
  name: 'outbox',
  grants: outboxGrants,
  routes: outboxRoutes,
  navigation: [{ href: '/admin/outbox', labelKey: 'outbox.nav', action: 'outbox.read', group: 'admin' }],
  tasks: (app) => {
    const tasks = [{ name: 'outbox.prune', run: () => pruneSentEmails(app.db) }];
    const { smtpUrl, from } = app.config.mail;
    if (!smtpUrl) return tasks;
    const transport = smtpTransport(smtpUrl);
    app.addHook('onClose', async () => transport.close());
    // Tasks are made once per node, as it starts: an embedded node's first run takes back what its last run leased.
    let leasesReleased = app.databaseKind === 'postgres';
    const send = async () => {
      if (!leasesReleased) {
        await releaseEmailLeases(app.db);
        leasesReleased = true;
      }
      return sendDueEmails(app.db, app.databaseKind, transport, from);
    };
    return [...tasks, { name: 'outbox.send', run: send }];
  },
};
