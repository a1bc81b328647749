/** Helpers for the events tests: an event in the world's programme, a registration form, and the links emailed. */
import type { Db } from '../../core/db/database.js';
import { systemActor } from '../../core/policy/actor.js';
import { eventSchema } from './schema.js';
import { createEvent } from './service.js';
import { localOf } from './time.js';

const system = systemActor('test');

/** An event of the partner, by default online in a month's time with no limit, in Rome's zone. */
export async function anEvent(db: Db, hostPartnerId: number, overrides: Record<string, string | string[]> = {}): Promise<number> {
  const inAMonth = new Date(Date.now() + 30 * 24 * 3_600_000);
  const input = eventSchema.parse({
    type: 'thematic_event',
    title: `Event ${Math.random().toString(36).slice(2, 8)}`,
    hostPartnerId: String(hostPartnerId),
    format: 'online',
    onlineUrl: 'https://meet.example.org/room',
    timeZone: 'Europe/Rome',
    startsAt: localOf(inAMonth, 'Europe/Rome'),
    endsAt: localOf(new Date(inAMonth.getTime() + 3 * 3_600_000), 'Europe/Rome'),
    ...overrides,
  });
  const created = await createEvent(db, system, input);
  if (!created.ok) throw new Error(`The test event was refused: ${created.reason}`);
  return created.value.id;
}

export function registrationForm(email: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { name: 'Ada Lovelace', email, organisationId: '', organisationName: 'Analytical Engines Ltd', helix: 'business', partner: 'none', role: 'business', consent: 'yes', ...overrides };
}

/** The private link (token) in the newest email to an address, and the email itself. */
export async function latestEmailTo(db: Db, address: string) {
  const email = await db.selectFrom('emails').select(['kind', 'subject', 'body_text', 'attachments']).where('to_address', '=', address).orderBy('id', 'desc').executeTakeFirst();
  const token = email ? /\/registrations\/([A-Za-z0-9_-]{43})/.exec(email.body_text)?.[1] : undefined;
  return { email, token };
}

/** Moves an event into the past, as if time had passed (registrations stay as they are). */
export async function endEvent(db: Db, eventId: number): Promise<void> {
  await db.updateTable('events').set({ starts_at: new Date(Date.now() - 5 * 3_600_000), ends_at: new Date(Date.now() - 3_600_000), registration_deadline: null }).where('id', '=', eventId).execute();
}
