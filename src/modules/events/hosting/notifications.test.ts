/**
 * Who is told when an event changes or is cancelled: the followers of the event and of its host partner, each in
 * their own language, never the person who changed it.
 */
import { keyedHasher } from '../../../core/http/security.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { aUser, valueOf, type TestUser } from '../../../core/testing/factories.js';
import { aFollower, whoIsTold } from '../../../core/testing/notices.js';
import { anEvent } from '../../../core/testing/records.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { eventSchema } from '../schema.js';
import { deleteEvent, getEvent, updateEvent } from './service.js';
import { eventFormValues } from './views/EventFormPage.js';

const fixture = useDatabaseWorld();
let people: Record<string, TestUser>;
let hostFollower: TestUser;

beforeAll(async () => {
  const { db, world } = fixture;
  const { coordinator, editorA, editorB, plainUser } = world.users;
  hostFollower = await aUser(db, { role: 'none', locale: 'et' });
  await aFollower(db, hostFollower, 'partner', world.partnerA.id);
  people = { coordinator, editorA, editorB, plainUser, hostFollower };
});

describe('an event’s changes', () => {
  it('tells the followers of the event and of its host partner that its details changed', async () => {
    const { db, world } = fixture;
    const id = await anEvent(db, world.partnerA.id, { title: 'Smart ports workshop' });
    await aFollower(db, world.users.plainUser, 'event', id);
    const event = await getEvent(db, id);
    const input = eventSchema.parse({ ...eventFormValues(event!), venue: '', description: 'Moved online.' });
    const mail = { translator: await getTranslator(), publicUrl: 'http://better.test', keyedHash: keyedHasher('notifications test secret') };
    const told = await whoIsTold(db, people, 'events.updated', async () => valueOf(await updateEvent(db, world.users.editorA.actor, id, input, mail)));
    expect(told.names).toEqual(['hostFollower', 'plainUser']);
    expect(told.titles.hostFollower).toBe('Sündmus muutus: Smart ports workshop');
    expect(told.links.plainUser).toBe(`/events/${id}`);
  });

  it('tells the followers that an event was cancelled', async () => {
    const { db, world } = fixture;
    const id = await anEvent(db, world.partnerA.id, { title: 'Open data day' });
    await aFollower(db, world.users.plainUser, 'event', id);
    const told = await whoIsTold(db, people, 'events.cancelled', async () => valueOf(await deleteEvent(db, world.users.coordinator.actor, id)));
    expect(told.names).toEqual(['hostFollower', 'plainUser']);
    expect(told.titles.plainUser).toBe('Event cancelled: Open data day');
  });
});
