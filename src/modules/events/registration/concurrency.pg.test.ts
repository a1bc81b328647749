/**
 * Races PostgreSQL must settle for events: 200 people registering at the same moment for 50 places, the same
 * person submitting twice at once, and cancellations racing each other for the waiting list.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { keyedHasher } from '../../../core/http/security.js';
import { anEvent, aRegistrationForm } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { registrationSchema } from '../schema.js';
import { getEvent } from '../hosting/service.js';
import type { ParticipantMail } from './links.js';
import { cancelRegistration, register } from './service.js';

const fixture = useDatabaseWorld();
let mail: ParticipantMail;

beforeAll(async () => {
  mail = { translator: await getTranslator(), publicUrl: 'http://better.test', keyedHash: keyedHasher('concurrency test secret') };
});

const person = (email: string) => registrationSchema.parse(aRegistrationForm(email));

describe('registrations under concurrency', () => {
  it('ends 200 simultaneous registrations for 50 places with exactly 50 registered and 150 waiting, none lost or duplicated', async () => {
    const eventId = await anEvent(fixture.db, fixture.world.partnerA.id, { capacity: '50' });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, index) => register(fixture.db, eventId, person(`racer${index}@example.org`), 'en', mail)),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const statuses = outcomes.map((outcome) => (outcome.ok ? outcome.value.status : 'refused'));
    expect(statuses.filter((status) => status === 'registered')).toHaveLength(50);
    expect(statuses.filter((status) => status === 'waiting')).toHaveLength(150);
    const rows = await fixture.db.selectFrom('registrations').select(['email', 'status']).where('event_id', '=', eventId).execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.email)).size).toBe(200);
    expect(await getEvent(fixture.db, eventId)).toMatchObject({ registered: 50, waiting: 150 });
    const totals = await fixture.db
      .selectFrom('participation_totals')
      .select((eb) => [eb.fn.sum<number>('registered').as('registered'), eb.fn.sum<number>('waiting').as('waiting')])
      .where('host_partner_id', '=', fixture.world.partnerA.id)
      .executeTakeFirstOrThrow();
    expect({ registered: Number(totals.registered), waiting: Number(totals.waiting) }).toEqual({ registered: 50, waiting: 150 });
  });

  it('keeps one registration when the same person submits twice at once', async () => {
    const eventId = await anEvent(fixture.db, fixture.world.partnerA.id);
    const outcomes = await Promise.all([
      register(fixture.db, eventId, person('double@example.org'), 'en', mail),
      register(fixture.db, eventId, person('Double@example.org'), 'en', mail),
    ]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason)).sort()).toEqual(['already_registered', 'ok']);
  });

  it('gives each freed place to a different person when several cancel at once', async () => {
    const eventId = await anEvent(fixture.db, fixture.world.partnerA.id, { capacity: '5' });
    const tokens: string[] = [];
    for (let index = 0; index < 10; index += 1) {
      const outcome = await register(fixture.db, eventId, person(`queue${index}@example.org`), 'en', mail);
      if (outcome.ok && outcome.value.status === 'registered') tokens.push(outcome.value.token);
    }
    await Promise.all(tokens.slice(0, 3).map((token) => cancelRegistration(fixture.db, token, mail)));
    expect(await getEvent(fixture.db, eventId)).toMatchObject({ registered: 5, waiting: 2 });
    const promoted = await fixture.db
      .selectFrom('registrations')
      .select('email')
      .where('event_id', '=', eventId)
      .where('status', '=', 'registered')
      .orderBy('created_at')
      .execute();
    expect(promoted.map((row) => row.email)).toEqual([
      'queue3@example.org',
      'queue4@example.org',
      'queue5@example.org',
      'queue6@example.org',
      'queue7@example.org',
    ]);
  });
});
