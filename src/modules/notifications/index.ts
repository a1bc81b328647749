/**
 * Notifications and follows: every workflow step tells the people concerned and the records' followers, on the
 * platform and by email (at once, in a daily or weekly digest, or not), in each person's language.
 */
import type { EmailContext } from '../../core/mail/outbox.js';
import type { PlatformModule } from '../../core/module.js';
import { deliverNotificationEmails, pruneDigestRecords, sendDigests } from './delivery.js';
import { followRoutes } from './follow-routes.js';
import { followTargets, notificationKinds } from './kinds.js';
import { notificationsPersonalData } from './personal-data.js';
import { notificationGrants } from './policy.js';
import { notificationRoutes } from './routes.js';
import { notificationsDemoSeed } from './seed.js';
import { unreadCount } from './service.js';

export const notificationsModule: PlatformModule = {
  name: 'notifications',
  grants: notificationGrants,
  personalData: notificationsPersonalData,
  seed: notificationsDemoSeed,
  offers: [notificationKinds, followTargets],
  navigation: [
    {
      href: '/notifications',
      labelKey: 'notifications.nav',
      action: 'notification.read_own',
      count: { count: unreadCount, labelKey: 'notifications.navUnread' },
    },
  ],
  routes: async (app) => {
    await app.register(notificationRoutes);
    await app.register(followRoutes);
  },
  tasks: (app) => {
    const mail: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };
    return [
      { name: 'notifications.emails', run: () => deliverNotificationEmails(app.db, mail) },
      { name: 'notifications.digests', run: () => sendDigests(app.db, mail) },
      { name: 'notifications.prune', run: () => pruneDigestRecords(app.db) },
    ];
  },
};
