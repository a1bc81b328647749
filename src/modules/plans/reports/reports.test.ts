/**
 * Semester reports on an endorsed plan: filing with evidence checked by content, corrections that keep the
 * superseded report, semesters outside the plan refused, safe file downloads, reminders sent once, the overview.
 */
import { within } from '@testing-library/dom';
import { sql } from 'kysely';
import { describe, expect, it, beforeAll } from 'vitest';
import { aUser } from '../../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { aFollower, noticesOf, whoIsTold } from '../../../core/testing/notices.js';
import { useWorld } from '../../../core/testing/world.js';
import { remindMissingReports } from './service.js';
import { anEndorsedPlan, aReportForm, minimalPdf } from '../../../core/testing/records.js';

const fixture = useWorld();
let planId = 0;
let actionKey = '';

beforeAll(async () => {
  ({ planId, actionKey } = await anEndorsedPlan(fixture));
});

describe('filing semester reports', () => {
  it('files a report with a PDF and a link, served back as a download, and public once submitted', async () => {
    const editor = await fixture.browserFor('editorB');
    const response = await editor.upload(
      `/plans/${planId}/reports?action=${actionKey}`,
      { files: { filename: 'minutes – workshop 1.pdf', content: minimalPdf, contentType: 'application/pdf' } },
      aReportForm(),
    );
    expect(response.statusCode, response.body.slice(0, 500)).toBe(303);
    const page = await new TestBrowser(fixture.context.app).page(`/plans/${planId}/reports`);
    expect(page.mainText).toContain('Two workshops held.');
    const link = page.screen.getByRole('link', { name: /minutes – workshop 1\.pdf \(PDF/ });
    const file = await new TestBrowser(fixture.context.app).get(String(link.getAttribute('href')));
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="minutes _ workshop 1.pdf"; filename*=UTF-8''minutes%20%E2%80%93%20workshop%201.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(minimalPdf)).toBe(true);
  });

  it('keeps the first report when a correction supersedes it', async () => {
    const editor = await fixture.browserFor('editorB');
    await editor.upload(
      `/plans/${planId}/reports?action=${actionKey}`,
      {},
      aReportForm({ percentComplete: '45', workDone: 'Corrected: two workshops and a webinar.' }),
    );
    const rows = await fixture.context.db
      .selectFrom('progress_reports')
      .select(['current', 'work_done', 'supersedes_id', 'id'])
      .where('plan_id', '=', planId)
      .where('semester', '=', 7)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => [row.current, row.work_done])).toEqual([
      [false, 'Two workshops held.'],
      [true, 'Corrected: two workshops and a webinar.'],
    ]);
    expect(rows[1]?.supersedes_id).toBe(rows[0]?.id);
    const page = await new TestBrowser(fixture.context.app).page(`/plans/${planId}/reports`);
    expect(page.mainText).toContain('1 earlier report, corrected');
    const csv = await new TestBrowser(fixture.context.app).get(`/plans/${planId}/reports.csv`);
    expect(csv.body.split('\n').filter((line) => line.includes(actionKey))).toHaveLength(2);
  });

  it('refuses a semester outside the plan, a disguised file, a file too large and a missing answer, saving nothing', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await fixture.context.db.selectFrom('progress_reports').select('id').where('plan_id', '=', planId).execute();
    const outside = readPage(await editor.upload(`/plans/${planId}/reports?action=${actionKey}`, {}, aReportForm({ semester: '3' })));
    expect(outside.status).toBe(400);
    expect(outside.mainText).toContain('Choose a semester within the plan’s timeframe'.replace('’', "'"));
    const disguised = readPage(
      await editor.upload(
        `/plans/${planId}/reports?action=${actionKey}`,
        { files: { filename: 'report.pdf', content: Buffer.from('<script>alert(1)</script>'), contentType: 'application/pdf' } },
        aReportForm({ semester: '8', percentComplete: '45' }),
      ),
    );
    expect(disguised.status).toBe(400);
    expect(disguised.mainText).toContain('“report.pdf”: documents must be PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG files (recognised by their content)');
    const huge = readPage(
      await editor.upload(
        `/plans/${planId}/reports?action=${actionKey}`,
        { files: { filename: 'big.pdf', content: Buffer.concat([minimalPdf, Buffer.alloc(11 * 1024 * 1024)]), contentType: 'application/pdf' } },
        aReportForm({ semester: '8', percentComplete: '45' }),
      ),
    );
    expect(huge.status).toBe(413);
    expect(huge.mainText).toContain('“big.pdf” is larger than 10 MB: choose a smaller file');
    const missing = readPage(
      await editor.upload(`/plans/${planId}/reports?action=${actionKey}`, {}, aReportForm({ semester: '8', instrumentImproved: 'yes' })),
    );
    expect([...missing.document.querySelectorAll('.error-summary a')].map((anchor) => anchor.textContent)).toEqual([
      'Choose the kind of improvement',
      'Describe how the policy instrument was improved',
    ]);
    expect(await fixture.context.db.selectFrom('progress_reports').select('id').where('plan_id', '=', planId).execute()).toHaveLength(before.length);
    expect(await fixture.context.db.selectFrom('plan_files').select('id').where('original_name', 'in', ['report.pdf', 'big.pdf']).execute()).toEqual([]);
  });

  it('lets only the partner’s editors file reports', async () => {
    for (const role of ['editorA', 'coordinator', 'stakeholderA'] as const) {
      const response = await (
        await fixture.browserFor(role)
      ).upload(`/plans/${planId}/reports?action=${actionKey}`, {}, aReportForm({ semester: '8', percentComplete: '45' }));
      expect(response.statusCode, role).toBe(403);
    }
  });
});

describe('reminders and the overview', () => {
  it('tells the partner’s editors once, in their language and with its end date, of a semester ended without its report', async () => {
    const { db } = fixture.context;
    const italianEditorB = await aUser(db, { role: 'editor', partnerId: fixture.world.partnerB.id, locale: 'it' });
    const { coordinator, editorA, editorB } = fixture.world.users;
    const people = { coordinator, editorA, editorB, italianEditorB };
    // Semester 8 (February–July 2023) has no report yet.
    const first = await whoIsTold(db, people, 'plans.report_due', () => remindMissingReports(db, new Date('2023-08-15T00:00:00Z')));
    expect(first.names).toEqual(['editorB', 'italianEditorB']);
    expect(first.titles.editorB).toBe(`Semester 8 report due: ${fixture.world.partnerB.name}`);
    expect(first.links.editorB).toBe(`/plans/${planId}/reports`);
    const [notice] = await noticesOf(db, italianEditorB);
    expect(notice?.body).toContain('Il semestre 8 si è concluso il 31 luglio 2023');
    const again = await whoIsTold(db, people, 'plans.report_due', () => remindMissingReports(db, new Date('2023-08-16T00:00:00Z')));
    expect(again.names).toEqual([]);
  });

  it('skips a scan while the day and every table it reads stay the same, and scans again after a change to any of them', async () => {
    const { db } = fixture.context;
    let statements = 0;
    const counted = db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements += 1;
        return args.result;
      },
    });
    const scan = async (day: string) => {
      statements = 0;
      const reminded = await remindMissingReports(counted, new Date(`${day}T00:00:00Z`));
      return { reminded, scanned: statements > 1 };
    };
    expect(await scan('2023-08-20')).toEqual({ reminded: 0, scanned: true });
    // The versions alone are read.
    expect(await scan('2023-08-20')).toEqual({ reminded: 0, scanned: false });
    expect(statements).toBe(1);
    expect(await scan('2023-08-21')).toEqual({ reminded: 0, scanned: true });
    const columnOf = { plans: 'partner_id', plan_versions: 'content', progress_reports: 'work_done', programmes: 'title' };
    for (const [table, column] of Object.entries(columnOf)) {
      // A row written with its own value: a write as any other, which the versions see.
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${sql.ref(column)} where id = (select min(id) from ${sql.table(table)})`.execute(db);
      expect(await scan('2023-08-21'), table).toEqual({ reminded: 0, scanned: true });
      expect(await scan('2023-08-21'), table).toEqual({ reminded: 0, scanned: false });
    }
    // A reminder's row gone (the "once" undone): the next poll finds the semester due again and tells the editors.
    await db.deleteFrom('plan_reminders').where('plan_id', '=', planId).where('semester', '=', 8).execute();
    const told = await whoIsTold(db, { editorB: fixture.world.users.editorB }, 'plans.report_due', () => scan('2023-08-21'));
    expect(told.names).toEqual(['editorB']);
  });

  it('tells the coordinators and the plan’s followers of a report filed and of its correction, not the editor who filed it', async () => {
    const { db } = fixture.context;
    const { coordinator, otherCoordinator, editorA, editorB, plainUser } = fixture.world.users;
    await aFollower(db, plainUser, 'plan', planId);
    const people = { coordinator, otherCoordinator, editorA, editorB, plainUser };
    const editor = await fixture.browserFor('editorB');
    const file = () => editor.upload(`/plans/${planId}/reports?action=${actionKey}`, {}, aReportForm({ semester: '8', percentComplete: '45' }));
    const filed = await whoIsTold(db, people, 'plans.report_filed', file);
    expect(filed.names).toEqual(['coordinator', 'plainUser']);
    expect(filed.titles.coordinator).toBe(`Semester 8 report filed: ${fixture.world.partnerB.name}`);
    const corrected = await whoIsTold(db, people, 'plans.report_filed', file);
    expect(corrected.titles.plainUser).toBe(`Semester 8 report corrected: ${fixture.world.partnerB.name}`);
  });

  it('shows each endorsed plan’s progress, improvements and budget on the public overview, and as CSV', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/plans/overview');
    const table = page.screen.getByRole('table', { name: 'Actions by their latest status, progress and improvements, by partner' });
    expect(table.textContent).toContain(fixture.world.partnerB.name);
    expect(table.textContent).toContain('45%');
    const csv = await new TestBrowser(fixture.context.app).get('/plans/overview/reports.csv');
    expect(csv.body).toContain('Service design training');
    expect((await new TestBrowser(fixture.context.app).get('/plans/overview/progress.svg')).body).toContain('<svg');
  });
});

describe('personal data in plans', () => {
  it('gives a person their comments and reports in their download, and erasing them keeps the records without their name', async () => {
    const person = await aUser(fixture.context.db, { role: 'editor', partnerId: fixture.world.partnerB.id });
    const browser = new TestBrowser(fixture.context.app);
    await browser.signIn(person.email, person.password);
    // Comments go on the version being worked on: a revision of the endorsed plan.
    expect((await browser.post(`/plans/${planId}/revision`, {})).statusCode).toBe(303);
    expect((await browser.post(`/plans/${planId}/comments`, { target: 'part1', body: 'Please add the deputy contact.' })).statusCode).toBe(303);
    const filed = await browser.upload(
      `/plans/${planId}/reports?action=${actionKey}`,
      {},
      aReportForm({
        semester: '8',
        status: 'completed',
        percentComplete: '100',
        workDone: 'Third workshop held.',
        instrumentImproved: 'yes',
        improvementType: 'management_change',
        improvementDescription: 'Service design is now required before any new e-service.',
      }),
    );
    expect(filed.statusCode).toBe(303);

    const download = (await browser.get('/account/data.json')).json<{
      records: { actionPlans: { comments: { body: string }[]; reports: { workDone: string }[] } };
    }>();
    expect(download.records.actionPlans.comments.map((comment) => comment.body)).toEqual(['Please add the deputy contact.']);
    expect(download.records.actionPlans.reports.map((entry) => entry.workDone)).toEqual(['Third workshop held.']);

    const admin = await fixture.browserFor('admin');
    await admin.post(`/admin/users/${person.id}/deactivate`, {});
    expect((await admin.post(`/admin/users/${person.id}/erase`, {})).statusCode).toBe(303);
    const reports = await new TestBrowser(fixture.context.app).page(`/plans/${planId}/reports`);
    expect(reports.mainText).not.toContain(person.actor.displayName);
    expect(reports.mainText).toContain(`Erased user ${person.id}`);
    expect(reports.mainText).toContain('Third workshop held.');
  });

  it('counts an improved policy instrument once per action on the overview, however many semesters report it', async () => {
    const editor = await fixture.browserFor('editorB');
    const improved = { instrumentImproved: 'yes', improvementType: 'management_change', improvementDescription: 'Service design is now required.' };
    expect((await editor.upload(`/plans/${planId}/reports?action=${actionKey}`, {}, aReportForm({ semester: '7', ...improved }))).statusCode).toBe(303);
    expect(
      (
        await editor.upload(
          `/plans/${planId}/reports?action=${actionKey}`,
          {},
          aReportForm({ semester: '8', status: 'completed', percentComplete: '100', ...improved }),
        )
      ).statusCode,
    ).toBe(303);
    const page = await new TestBrowser(fixture.context.app).page('/plans/overview');
    const table = page.screen.getByRole('table', { name: 'Actions by their latest status, progress and improvements, by partner' });
    const row = within(table).getByRole('row', { name: new RegExp(fixture.world.partnerB.name) });
    const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent);
    // Completed 1 of 1 action, 100% progress, one instrument improved.
    expect(cells.slice(-2)).toEqual(['100%', '1']);
  });
});
