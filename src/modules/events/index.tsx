/** Events and participation: events with registration, waiting lists, attendance, feedback, statistics and calendar feeds. */
import type { EmailContext } from '../../core/mail/outbox.js';
import type { PlatformModule } from '../../core/module.js';
import { eventsApi } from './api.js';
import { hostRoutes } from './host-routes.js';
import { registrationRoutes } from './registration-routes.js';
import { eventRoutes } from './routes.js';
import { inviteToFeedback } from './service.js';
import { statisticsRoutes } from './statistics-routes.js';

export const eventsModule: PlatformModule = {
  name: 'events',
  routes: async (app) => {
    await app.register(statisticsRoutes);
    await app.register(eventRoutes);
    await app.register(registrationRoutes);
    await app.register(hostRoutes);
  },
  navigation: [
    { href: '/events', labelKey: 'events.nav' },
    { href: '/admin/event-participants', labelKey: 'events.retention.nav', action: 'event.participants.anonymise', group: 'admin' },
  ],
  api: eventsApi,
  tasks: (app) => {
    const mail: EmailContext = { translator: app.translator, publicUrl: app.config.publicUrl };
    return [{ name: 'events.feedback_invitations', run: () => inviteToFeedback(app.db, mail) }];
  },
};
