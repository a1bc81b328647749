/**
 * Reminders before an event: the worker emails each confirmed participant once, the number of days before the start
 * the event's host chose (two by default, or none), with the place or the link to join and their private link.
 */
import type { Db } from '../../../core/db/database.js';
import { composeEmail, queueEmail } from '../../../core/mail/outbox.js';
import * as eventQueries from '../hosting/queries.js';
import { formatEventTime } from '../time.js';
import { linkOf, registrationUrl, type ParticipantMail } from './links.js';
import * as queries from './queries.js';
import { whereOf } from './service.js';

const batchSize = 200;

/**
 * The worker's task: claims the reminders due in batches and queues their emails in the claim's transaction, so a
 * reminder is either claimed and queued or neither, and two nodes never send the same one. Returns the emails queued.
 */
export async function remindParticipants(db: Db, mail: ParticipantMail, now = new Date()): Promise<number> {
  let queued = 0;
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const people = await queries.claimReminders(trx, now, batchSize);
      const events = new Map<number, Awaited<ReturnType<typeof eventQueries.findEvent>>>();
      for (const person of people) {
        if (person.name === null || person.email === null) continue;
        if (!events.has(person.event_id)) events.set(person.event_id, await eventQueries.findEvent(trx, person.event_id));
        const event = events.get(person.event_id);
        if (!event) continue;
        const t = mail.translator.translate(person.locale);
        const token = await linkOf(trx, mail, person);
        await queueEmail(trx, {
          kind: 'event_reminder',
          to: person.email,
          ...composeEmail(t, 'events.email.reminder', {
            name: person.name,
            title: event.title,
            when: formatEventTime(event.starts_at, event.ends_at, event.time_zone, person.locale),
            ...whereOf(t, event, true),
            link: registrationUrl(mail, token),
          }),
        });
        queued += 1;
      }
      return people.length;
    });
    if (claimed < batchSize) return queued;
  }
}
