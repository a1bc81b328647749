/**
 * Races PostgreSQL must settle for action plans: editors adding actions to the same draft at once (none lost),
 * a revision started twice (one version), and the same semester report filed several times at once (one current
 * report, every other one kept as superseded), and two uploads that each fit in the partner's space but not together.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../../core/policy/actor.js';
import { valueOf } from '../../core/testing/factories.js';
import { aPlanActionForm, aPlanContextForm, aReportForm } from '../../core/testing/records.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { reportSchema } from './reports/schema.js';
import { fileReport } from './reports/service.js';
import { actionSchema, contextSchema, endorsementSchema } from './writing/schema.js';
import { changeStatus, createPlan, saveAction, startRevision, updateContext } from './writing/service.js';

const fixture = useDatabaseWorld();
const system = systemActor('test');

const anAction = (title: string) =>
  actionSchema.parse(
    aPlanActionForm({ title, description: 'Raced.', costsEur: '1000', fundingSource: ['Budget'], fundingAmount: ['1000'], improvementType: 'new_project' }),
  );

describe('action plans under concurrency', () => {
  let planId = 0;

  it('keeps every action when five are added to the same draft at the same moment', async () => {
    planId = valueOf(await createPlan(fixture.db, system, fixture.world.partnerA.id)).id;
    valueOf(await updateContext(fixture.db, system, planId, contextSchema.parse(aPlanContextForm())));
    const titles = ['First', 'Second', 'Third', 'Fourth', 'Fifth'];
    await Promise.all(titles.map(async (title) => valueOf(await saveAction(fixture.db, system, planId, null, anAction(title)))));
    const version = await fixture.db.selectFrom('plan_versions').select('content').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(version.content.actions.map((action) => action.title).sort()).toEqual([...titles].sort());
  });

  it('starts one revision when the editor clicks twice', async () => {
    valueOf(await changeStatus(fixture.db, system, planId, 'submit'));
    valueOf(await changeStatus(fixture.db, system, planId, 'approve', { comment: '' }));
    valueOf(
      await changeStatus(fixture.db, system, planId, 'endorse', {
        endorsement: endorsementSchema.parse({ endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' }),
      }),
    );
    const outcomes = await Promise.all([startRevision(fixture.db, system, planId), startRevision(fixture.db, system, planId)]);
    expect(outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.reason)).sort()).toEqual(['ok', 'revision_open']);
    const versions = await fixture.db.selectFrom('plan_versions').select(['number', 'status']).where('plan_id', '=', planId).orderBy('number').execute();
    expect(versions).toEqual([
      { number: 1, status: 'endorsed' },
      { number: 2, status: 'draft' },
    ]);
  });

  it('keeps one current report and the others superseded when the same report is filed five times at once', async () => {
    const version = await fixture.db
      .selectFrom('plan_versions')
      .select('content')
      .where('plan_id', '=', planId)
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const actionKey = version.content.actions[0]?.key ?? '';
    const report = (percent: number) =>
      reportSchema.parse(aReportForm({ percentComplete: String(percent), spentEur: '500', workDone: `Filed with ${percent}%`, links: '' }));
    const outcomes = await Promise.all([10, 20, 30, 40, 50].map((percent) => fileReport(fixture.db, system, planId, actionKey, report(percent), [], 1024)));
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const rows = await fixture.db
      .selectFrom('progress_reports')
      .select(['id', 'current', 'supersedes_id'])
      .where('plan_id', '=', planId)
      .where('action_key', '=', actionKey)
      .where('semester', '=', 7)
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.filter((row) => row.current)).toHaveLength(1);
    // Each report supersedes the one before it: a single chain, nothing lost or forked.
    expect(rows.map((row) => row.supersedes_id)).toEqual([null, ...rows.slice(0, -1).map((row) => row.id)]);
    expect(rows.at(-1)?.current).toBe(true);
  });

  it('files one of two reports whose documents fit in the partner’s space only one at a time, refusing the other', async () => {
    const version = await fixture.db
      .selectFrom('plan_versions')
      .select('content')
      .where('plan_id', '=', planId)
      .where('number', '=', 1)
      .executeTakeFirstOrThrow();
    const actionKey = version.content.actions[1]?.key ?? '';
    const folder = await mkdtemp(path.join(tmpdir(), 'better-quota-'));
    const stored = await fixture.db
      .selectFrom('plan_files')
      .innerJoin('plans', 'plans.id', 'plan_files.plan_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size_bytes'), eb.lit(0)).as('bytes'))
      .where('plans.partner_id', '=', fixture.world.partnerA.id)
      .executeTakeFirstOrThrow();
    // Space for 1 MB more than is stored; each upload is 0.6 MB.
    const quotaMegabytes = Math.ceil(Number(stored.bytes) / 1024 / 1024) + 1;
    const room = quotaMegabytes * 1024 * 1024 - Number(stored.bytes);
    const upload = async (name: string) => {
      const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(Math.ceil(room * 0.6) - 9, 0x20)]);
      await writeFile(path.join(folder, name), content);
      return { filename: name, path: path.join(folder, name), sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') };
    };
    try {
      const report = reportSchema.parse(aReportForm({ semester: '8', percentComplete: '50', spentEur: '500', workDone: 'Raced uploads', links: '' }));
      const files = [await upload('one.pdf'), await upload('two.pdf')];
      const outcomes = await Promise.all(files.map((file) => fileReport(fixture.db, system, planId, actionKey, report, [file], quotaMegabytes)));
      expect(
        outcomes
          .map((outcome) => (outcome.ok ? 'filed' : outcome.reason === 'invalid' ? outcome.problems.map((problem) => problem.reason).join() : outcome.reason))
          .sort(),
      ).toEqual(['filed', 'quota_exceeded']);
      expect(await fixture.db.selectFrom('plan_files').select('original_name').where('original_name', 'in', ['one.pdf', 'two.pdf']).execute()).toHaveLength(1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
