/** Helpers for the events tests: the links emailed, time moved on for an event, and an event with people registered. */
import type { Db } from '../../core/db/database.js';
import { TestBrowser } from '../../core/testing/http.js';
import { anEvent, aRegistrationForm } from '../../core/testing/records.js';
import type { WorldFixture } from '../../core/testing/world.js';

/** The private link (token) in the newest email to an address, and the email itself. */
export async function latestEmailTo(db: Db, address: string) {
  const email = await db
    .selectFrom('emails')
    .select(['kind', 'subject', 'body_text', 'attachments'])
    .where('to_address', '=', address)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const token = email ? /\/registrations\/([A-Za-z0-9_-]{43})/.exec(email.body_text)?.[1] : undefined;
  return { email, token };
}

/** Moves an event into the past, as if time had passed (registrations stay as they are). */
export async function endEvent(db: Db, eventId: number): Promise<void> {
  await db
    .updateTable('events')
    .set({ starts_at: new Date(Date.now() - 5 * 3_600_000), ends_at: new Date(Date.now() - 3_600_000), registration_deadline: null })
    .where('id', '=', eventId)
    .execute();
}

/** For the tests of what follows registration (attendance, feedback, statistics, retention), bound to their world. */
export function participationHelpers(fixture: WorldFixture) {
  /** An event of partner A with these people registered through the public form; every third a decision maker. */
  async function eventWithPeople(emails: string[], overrides: Record<string, string | string[]> = {}): Promise<number> {
    const id = await anEvent(fixture.context.db, fixture.world.partnerA.id, overrides);
    const visitor = new TestBrowser(fixture.context.app);
    for (const [index, email] of emails.entries()) {
      const role = index % 3 === 0 ? 'decision_maker' : 'civil_servant';
      const partner = index % 2 === 0 ? String(fixture.world.partnerB.id) : 'none';
      await visitor.post(`/events/${id}/registrations`, aRegistrationForm(email, { name: `Person ${index}`, role, partner }));
    }
    return id;
  }

  async function registrationId(email: string): Promise<number> {
    const row = await fixture.context.db.selectFrom('registrations').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return row.id;
  }

  return { eventWithPeople, registrationId };
}
