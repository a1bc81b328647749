/**
 * Who the events module tells when an event's details change or it is cancelled (the followers of the event and of
 * its host partner), the kinds people choose a cadence for, and the titles of followed events.
 */
import type { Db, Tx } from '../../../core/db/database.js';
import { fill } from '../../../core/extensions.js';
import type { Actor } from '../../../core/policy/actor.js';
import { actingPerson } from '../../accounts/service.js';
import { followTargets, notificationKinds, notify } from '../../notifications/service.js';
import { eventsByIds } from './queries.js';

/** The events module's contributions to the notifications module: its kinds, and the titles of followed events. */
export const eventNotificationFills = [
  fill(notificationKinds, { key: 'events.updated', labelKey: 'events.notifications.kinds.updated', defaultCadence: 'daily' }),
  fill(notificationKinds, { key: 'events.cancelled', labelKey: 'events.notifications.kinds.cancelled', defaultCadence: 'immediate' }),
  fill(followTargets, {
    type: 'event',
    async describe(db: Db, ids: readonly number[]) {
      const rows = await eventsByIds(db, [...ids]);
      return new Map(rows.map((row) => [row.id, { title: row.title, href: `/events/${row.id}` }]));
    },
  }),
];

/** Tells the followers of an event and of its host partner that its details changed, or that it was cancelled. */
export async function tellAboutEvent(
  trx: Tx,
  actor: Actor,
  event: { id: number; title: string; programmeId: number; hostPartnerId: number },
  step: 'updated' | 'cancelled',
) {
  const person = actingPerson(actor);
  await notify(trx, {
    kind: `events.${step}`,
    actorUserId: person.userId,
    recipients: [],
    followed: [
      { type: 'event', id: event.id },
      { type: 'partner', id: event.hostPartnerId },
    ],
    programmeId: event.programmeId,
    messageKey: `events.notifications.${step}`,
    values: { title: event.title, actor: person.name },
    // A cancelled event has no page left: the list of events is where to look for another.
    link: step === 'cancelled' ? '/events' : `/events/${event.id}`,
  });
}
