/**
 * Races PostgreSQL must settle for reported values: two coordinators validating the same value at once (one wins,
 * the other is told it was reviewed already), a correction arriving while the value is validated (one consistent
 * state: never a validated value that is still current beside its correction), two corrections at once.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { reportValue, reviewValue } from './service.js';

const fixture = useDatabaseWorld();
let indicatorId = 0;

beforeAll(async () => {
  indicatorId = (
    await fixture.db
      .selectFrom('indicators')
      .select('id')
      .where('programme_id', '=', fixture.world.programme.id)
      .where('builtin_key', '=', 'ie.media')
      .executeTakeFirstOrThrow()
  ).id;
});

async function aReportedValue(semester: number, value = '3'): Promise<number> {
  const outcome = await reportValue(
    fixture.db,
    fixture.world.users.editorA.actor,
    indicatorId,
    { partner: String(fixture.world.partnerA.id), semester: String(semester), value, explanation: 'Press coverage.', links: '' },
    [],
  );
  if (!outcome.ok) throw new Error(`Reporting refused: ${outcome.reason}`);
  return outcome.value.id;
}

const rowsOf = (semester: number) =>
  fixture.db
    .selectFrom('indicator_reports')
    .select(['id', 'status', 'current', 'supersedes_id'])
    .where('indicator_id', '=', indicatorId)
    .where('partner_id', '=', fixture.world.partnerA.id)
    .where('semester', '=', semester)
    .orderBy('id')
    .execute();

describe('reported values under concurrency', () => {
  it('validates once when two coordinators validate the same value at the same moment', async () => {
    const reportId = await aReportedValue(1);
    const coordinator = fixture.world.users.coordinator.actor;
    const outcomes = await Promise.all([
      reviewValue(fixture.db, coordinator, reportId, { decision: 'validate', comment: '' }),
      reviewValue(fixture.db, coordinator, reportId, { decision: 'return', comment: 'More evidence, please.' }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.ok)).toMatchObject({ ok: false, reason: 'already_reviewed' });
    const audit = await fixture.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_type', '=', 'indicator_report')
      .where('entity_id', '=', String(reportId))
      .where('action', 'in', ['indicator.validate', 'indicator.return'])
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('ends in one consistent state when a correction arrives while the value is validated', async () => {
    for (let semester = 2; semester <= 6; semester += 1) {
      const reportId = await aReportedValue(semester);
      const [review, correction] = await Promise.all([
        reviewValue(fixture.db, fixture.world.users.coordinator.actor, reportId, { decision: 'validate', comment: '' }),
        aReportedValue(semester, '5'),
      ]);
      const rows = await rowsOf(semester);
      expect(rows.filter((row) => row.current)).toEqual([expect.objectContaining({ id: correction, status: 'submitted', supersedes_id: reportId })]);
      const old = rows.find((row) => row.id === reportId);
      if (review.ok) expect(old).toMatchObject({ status: 'validated', current: false });
      else {
        expect(review).toMatchObject({ reason: 'superseded' });
        expect(old).toMatchObject({ status: 'submitted', current: false });
      }
    }
  });

  it('keeps one current value when two corrections arrive at once, the other in the history', async () => {
    await aReportedValue(7);
    await Promise.all([aReportedValue(7, '4'), aReportedValue(7, '6')]);
    const rows = await rowsOf(7);
    expect(rows).toHaveLength(3);
    expect(rows.filter((row) => row.current)).toHaveLength(1);
    expect(rows[1]?.supersedes_id).toBe(rows[0]?.id);
    expect(rows[2]?.supersedes_id).toBe(rows[1]?.id);
  });
});
