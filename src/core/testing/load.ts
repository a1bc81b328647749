/** Load for the resilience tests: visitors registering for an event over and over, beside other clients' reads. */
import { aRegistrationForm } from './records.js';
import type { ScratchDatabase } from './nodes.js';
import type { Visitor } from './visitor.js';

/** An upcoming event of the demo that takes registrations. */
export async function openEventOf(database: ScratchDatabase): Promise<number> {
  const [row] = await database.query<{ id: number }>(
    'select id from events where starts_at > now() and (registration_deadline is null or registration_deadline > now()) order by id limit 1',
  );
  if (!row) throw new Error('The demo has no event open for registration');
  return row.id;
}

export interface Load {
  /** The addresses whose registration was acknowledged (the confirmation page, 200). */
  acknowledged: string[];
  stop(): Promise<void>;
}

/**
 * Each registrant reads the event page and registers with a new address, and each reader runs its step, again and
 * again until stopped. Every registrant must have read a page with a form first (for its CSRF token).
 */
export function startLoad(eventId: number, registrants: Visitor[], readers: (() => Promise<unknown>)[] = []): Load {
  let stopped = false;
  let sequence = 0;
  const acknowledged: string[] = [];
  const loop = async (step: () => Promise<unknown>) => {
    while (!stopped) await step();
  };
  const runs = [
    ...registrants.map((visitor, index) =>
      loop(async () => {
        sequence += 1;
        const email = `load${index}-${sequence}@example.org`;
        await visitor.get(`/events/${eventId}`);
        const answer = await visitor.post(`/events/${eventId}/registrations`, aRegistrationForm(email));
        if (answer.status === 200) acknowledged.push(email);
      }),
    ),
    ...readers.map(loop),
  ];
  return {
    acknowledged,
    async stop() {
      stopped = true;
      await Promise.all(runs);
    },
  };
}
