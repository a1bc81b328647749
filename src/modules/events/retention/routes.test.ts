/** Anonymising the participants of old events: the people go, the statistics stay. */
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../core/testing/world.js';
import { participationStatistics } from '../statistics/service.js';
import { participationHelpers } from '../test-support.js';

const fixture = useWorld();
const { eventWithPeople } = participationHelpers(fixture);

describe('anonymising participants of old events', () => {
  it('lets an administrator anonymise them and leaves every figure as it was', async () => {
    const id = await eventWithPeople(['old.1@example.org', 'old.2@example.org']);
    await fixture.context.db
      .updateTable('events')
      .set({ starts_at: new Date('2020-01-10T10:00:00Z'), ends_at: new Date('2020-01-10T12:00:00Z') })
      .where('id', '=', id)
      .execute();
    const programme = { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn };
    const before = await participationStatistics(fixture.context.db, programme, null);
    expect((await (await fixture.browserFor('coordinator')).post('/admin/event-participants', {})).statusCode).toBe(403);
    const admin = await fixture.browserFor('admin');
    expect((await admin.page('/admin/event-participants')).mainText).toMatch(/\d+ registrations? of events that ended before/);
    expect((await admin.post('/admin/event-participants', {})).statusCode).toBe(303);
    const rows = await fixture.context.db.selectFrom('registrations').select(['name', 'email']).where('event_id', '=', id).execute();
    expect(rows).toEqual([
      { name: null, email: null },
      { name: null, email: null },
    ]);
    expect(await participationStatistics(fixture.context.db, programme, null)).toEqual(before);
  });
});
