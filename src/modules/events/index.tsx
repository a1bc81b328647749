/** Events and participation: events with registration, waiting lists, attendance, feedback, statistics and calendar feeds. */
import type { PlatformModule } from '../../core/module.js';
import { fill } from '../../core/extensions.js';
import { transferEventSource } from '../practices/service.js';
import { formulas } from '../results/service.js';
import { attendanceRoutes } from './attendance/index.js';
import { feedbackRoutes } from './feedback/index.js';
import { inviteToFeedback } from './feedback/service.js';
import { eventsApi } from './hosting/api.js';
import { eventRoutes } from './hosting/index.js';
import * as queries from './hosting/queries.js';
import { eventGrants } from './policy.js';
import { eventFormulas } from './results-formulas.js';
import { participantMail } from './registration/links.js';
import { remindParticipants } from './registration/reminders.js';
import { registrationRoutes } from './registration/index.js';
import { retentionRoutes } from './retention/index.js';
import { eventsDemoSeed } from './seed.js';
import { statisticsRoutes } from './statistics/index.js';
import { eventDatasets } from './datasets.js';
import { eventNotificationFills } from './hosting/notifications.js';
import { eventWorkspaceItems } from './workspace-items.js';
import { eventFeed } from './feeds.js';
import { eventSearch } from './search.js';

function toTransferEvent(row: { id: number; title: string; starts_at: Date }) {
  return { id: row.id, title: row.title, startsAt: row.starts_at };
}

export const eventsModule: PlatformModule = {
  name: 'events',
  grants: eventGrants,
  seed: eventsDemoSeed,
  fills: [
    // A transfer's study visit or import workshop can name the event where it took place.
    fill(transferEventSource, {
      candidates: async (db, transfer) =>
        (await queries.eventsOfPartners(db, transfer.programmeId, [transfer.ownerPartnerId, transfer.importerPartnerId])).map(toTransferEvent),
      byIds: async (db, ids) => (await queries.eventsByIds(db, ids)).map(toTransferEvent),
    }),
    eventDatasets,
    // The results module's figures of participation (docs/formulas/learn.md).
    ...eventFormulas.map((formula) => fill(formulas, formula)),
    ...eventNotificationFills,
    ...eventWorkspaceItems,
    eventFeed,
    eventSearch,
  ],
  routes: async (app) => {
    await app.register(statisticsRoutes);
    await app.register(eventRoutes);
    await app.register(registrationRoutes);
    await app.register(feedbackRoutes);
    await app.register(attendanceRoutes);
    await app.register(retentionRoutes);
  },
  navigation: [
    { href: '/events', labelKey: 'events.nav' },
    { href: '/admin/event-participants', labelKey: 'events.retention.nav', action: 'event.participants.anonymise', group: 'admin' },
  ],
  api: eventsApi,
  tasks: (app) => {
    const mail = participantMail(app);
    return [
      { name: 'events.feedback_invitations', run: () => inviteToFeedback(app.db, mail) },
      { name: 'events.reminders', run: () => remindParticipants(app.db, mail) },
    ];
  },
};
