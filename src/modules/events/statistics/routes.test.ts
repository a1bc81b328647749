/** Participation statistics: the figures, their charts and CSV tables, for the programme and for a host partner. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { participationHelpers } from '../test-support.js';
import { participationStatistics } from './service.js';

const fixture = useWorld();
const { eventWithPeople, registrationId } = participationHelpers(fixture);

describe('statistics', () => {
  it('counts registrations, attendance, decision makers and increased capacity, the same in the page, the CSV and the raw rows', async () => {
    const id = await eventWithPeople(['st.1@example.org', 'st.2@example.org', 'st.3@example.org', 'st.4@example.org']);
    const host = await fixture.browserFor('editorA');
    for (const email of ['st.1@example.org', 'st.2@example.org'])
      await host.post(`/events/${id}/attendance/${await registrationId(email)}`, { attended: 'yes' });
    const programme = { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn };
    const summary = await participationStatistics(fixture.context.db, programme, fixture.world.partnerA.id);
    const raw = await sql<{ registered: number; attended: number }>`
      select count(*) filter (where r.status = 'registered')::int as registered, count(r.attended_at)::int as attended
      from registrations r join events e on e.id = r.event_id where e.host_partner_id = ${fixture.world.partnerA.id}`.execute(fixture.context.db);
    expect({ registered: summary.totals.registered, attended: summary.totals.attended }).toEqual(raw.rows[0]);

    const page = await new TestBrowser(fixture.context.app).page(`/events/statistics?partner=${fixture.world.partnerA.id}`);
    expect(page.screen.getByRole('table', { name: 'Participants by role: the figures' }).textContent).toContain('Politician or decision maker');
    const csv = await new TestBrowser(fixture.context.app).get(`/events/statistics/roles.csv?partner=${fixture.world.partnerA.id}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const decisionMakers = summary.byRole.find((row) => row.value === 'decision_maker');
    expect(csv.body).toContain(`Politician or decision maker,${decisionMakers?.registered},${decisionMakers?.attended}`);
    const svg = await new TestBrowser(fixture.context.app).get('/events/statistics/roles.svg');
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<svg');
    expect(page.document.querySelector('img[src^="/events/statistics/roles.svg"]')?.getAttribute('alt')).toContain('Participants by role');
  });

  it('keeps the summary equal to a recount from the raw rows after registrations, cancellations, check-ins and feedback', async () => {
    await sql`select rebuild_participation_totals(${fixture.world.programme.id})`.execute(fixture.context.db);
    const before = await participationStatistics(fixture.context.db, { id: fixture.world.programme.id, startsOn: fixture.world.programme.startsOn }, null);
    const kept = await fixture.context.db
      .selectFrom('participation_totals')
      .selectAll()
      .where('programme_id', '=', fixture.world.programme.id)
      .where((eb) => eb.or([eb('registered', '!=', 0), eb('waiting', '!=', 0), eb('attended', '!=', 0), eb('feedback', '!=', 0)]))
      .orderBy(['host_partner_id', 'event_type', 'helix', 'role', 'partner_key'])
      .execute();
    await sql`select rebuild_participation_totals(${fixture.world.programme.id})`.execute(fixture.context.db);
    const rebuilt = await fixture.context.db
      .selectFrom('participation_totals')
      .selectAll()
      .where('programme_id', '=', fixture.world.programme.id)
      .orderBy(['host_partner_id', 'event_type', 'helix', 'role', 'partner_key'])
      .execute();
    expect(kept).toEqual(rebuilt);
    expect(before.totals.registered).toBeGreaterThan(0);
  });
});
