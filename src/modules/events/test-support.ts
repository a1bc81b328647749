/** Helpers for the events tests: the links emailed, and time moved on for an event. */
import type { Db } from '../../core/db/database.js';

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
