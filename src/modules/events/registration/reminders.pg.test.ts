/**
 * Reminders with two worker nodes on PostgreSQL: both claim at once, in batches, and every confirmed participant
 * gets exactly one reminder (nobody none, nobody two).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { keyedHasher } from '../../../core/http/security.js';
import { anEvent, aRegistrationForm } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { registrationSchema } from '../schema.js';
import type { ParticipantMail } from './links.js';
import { remindParticipants } from './reminders.js';
import { register } from './service.js';

const fixture = useDatabaseWorld();
let mail: ParticipantMail;

beforeAll(async () => {
  mail = { translator: await getTranslator(), publicUrl: 'http://better.test', keyedHash: keyedHasher('reminders test secret') };
});

describe('reminders with two workers', () => {
  it('sends each of 450 confirmed participants exactly one reminder when two workers run at the same time', async () => {
    const soon = new Date(Date.now() + 24 * 3_600_000);
    const local = (date: Date) => date.toISOString().slice(0, 16);
    const eventId = await anEvent(fixture.db, fixture.world.partnerA.id, {
      timeZone: 'UTC',
      startsAt: local(soon),
      endsAt: local(new Date(soon.getTime() + 3_600_000)),
      capacity: '450',
    });
    for (let start = 0; start < 460; start += 46) {
      await Promise.all(
        Array.from({ length: 46 }, (_, index) =>
          register(fixture.db, eventId, registrationSchema.parse(aRegistrationForm(`reminded${start + index}@example.org`)), 'en', mail),
        ),
      );
    }
    const [first, second] = await Promise.all([remindParticipants(fixture.db, mail), remindParticipants(fixture.db, mail)]);
    expect(first + second).toBe(450);
    const rows = await fixture.db
      .selectFrom('emails')
      .select(['to_address'])
      .where('kind', '=', 'event_reminder')
      .where('to_address', 'like', 'reminded%@example.org')
      .execute();
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((row) => row.to_address)).size).toBe(450);
    // The ten on the waiting list get none.
    const waiting = await fixture.db.selectFrom('registrations').select('email').where('event_id', '=', eventId).where('status', '=', 'waiting').execute();
    expect(waiting).toHaveLength(10);
    expect(rows.some((row) => waiting.some((person) => person.email === row.to_address))).toBe(false);
    expect(await remindParticipants(fixture.db, mail)).toBe(0);
  });
});
