/**
 * Values reported by partners: a value with evidence links and files, a semester outside the programme and a file that
 * is not what its name says refused at their fields, another partner's value forbidden, the coordinator validating or
 * returning with a comment, corrections that supersede and keep the history, downloads for staff only, personal data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { minimalPdf } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { reportsPersonalData } from './personal-data.js';

const fixture = useWorld();
let indicatorId = 0;
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  const row = await fixture.context.db
    .selectFrom('indicators')
    .select('id')
    .where('programme_id', '=', fixture.world.programme.id)
    .where('builtin_key', '=', 'ie.media')
    .executeTakeFirstOrThrow();
  indicatorId = row.id;
});

const aValue = (partnerId: number, overrides: Record<string, string> = {}) => ({
  partner: String(partnerId),
  semester: '2',
  value: '3',
  explanation: 'Three articles on the thematic event.',
  links: 'https://news.example/article-1',
  ...overrides,
});

const reports = () => fixture.context.db.selectFrom('indicator_reports').selectAll().where('indicator_id', '=', indicatorId).orderBy('id').execute();
const files = async () => (await fixture.context.db.selectFrom('indicator_evidence_files').select('id').execute()).length;

describe('reporting a value', () => {
  it('reports a value with a link and a PDF, kept as evidence and waiting for validation', async () => {
    const editor = await fixture.browserFor('editorA');
    const response = await editor.upload(
      `/results/indicators/${indicatorId}/reports`,
      { files: { filename: 'press review.pdf', content: minimalPdf, contentType: 'application/pdf' } },
      aValue(fixture.world.partnerA.id),
    );
    expect(response.statusCode, response.body.slice(0, 800)).toBe(303);
    const page = await editor.page(response.headers.location as string);
    expect(page.mainText).toContain('Waiting for validation');
    expect(page.mainText).toContain('https://news.example/article-1');
    expect(page.mainText).toContain('press review.pdf');
    const [report] = await reports();
    expect(report).toMatchObject({ status: 'submitted', current: true, partner_id: fixture.world.partnerA.id, semester: 2 });
    const download = page.document.querySelector<HTMLAnchorElement>('a[href^="/results/indicators/files/"]')?.getAttribute('href') ?? '';
    const file = await editor.get(download);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.rawPayload.equals(minimalPdf)).toBe(true);
    // Evidence files are for the programme's staff only.
    expect((await new TestBrowser(fixture.context.app).get(download)).statusCode).toBe(303);
    expect((await (await fixture.browserFor('stakeholderA')).get(download)).statusCode).toBe(403);
    expect((await (await fixture.browserFor('otherCoordinator')).get(download)).statusCode).toBe(403);
  });

  it('refuses a semester outside the programme, letters in the value and a file that is not its claimed type, naming the file', async () => {
    const editor = await fixture.browserFor('editorA');
    const before = { reports: (await reports()).length, files: await files() };
    const page = readPage(
      await editor.upload(
        `/results/indicators/${indicatorId}/reports`,
        { files: { filename: 'scan.pdf', content: png, contentType: 'application/pdf' } },
        aValue(fixture.world.partnerA.id, { semester: '9', value: 'three' }),
      ),
    );
    expect(page.status).toBe(400);
    const summary = page.document.querySelector('.error-summary')?.textContent ?? '';
    expect(summary).toContain("Choose one of the programme's semesters (1 to 8)");
    expect(summary).toContain('Enter a number, with a dot or a comma');
    expect(summary).toContain('“scan.pdf” is not the PDF file its name says');
    expect(page.screen.getByLabelText('Explanation')).toHaveProperty('value', 'Three articles on the thematic event.');
    expect({ reports: (await reports()).length, files: await files() }).toEqual(before);
  });

  it('forbids an editor reporting for another partner, writing nothing', async () => {
    const editor = await fixture.browserFor('editorA');
    const before = (await reports()).length;
    const response = await editor.upload(`/results/indicators/${indicatorId}/reports`, {}, aValue(fixture.world.partnerB.id));
    expect(response.statusCode).toBe(403);
    expect((await reports()).length).toBe(before);
  });

  it.each([
    ['coordinator', 403],
    ['otherCoordinator', 403],
    ['stakeholderA', 403],
    ['admin', 403],
  ] as const)('%s cannot report values (%i)', async (role, status) => {
    const browser = await fixture.browserFor(role);
    expect((await browser.get(`/results/indicators/${indicatorId}/reports/new`)).statusCode).toBe(status);
  });
});

describe('reviewing and correcting', () => {
  let reportId = 0;
  beforeAll(async () => {
    reportId = (await reports()).find((report) => report.current)?.id ?? 0;
  });

  it('refuses returning a value without a comment', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const page = readPage(await coordinator.post(`/results/indicators/reports/${reportId}/review`, { decision: 'return', comment: '' }));
    expect(page.status).toBe(400);
    expect(page.document.querySelector('.error-summary')?.textContent).toContain('Enter a comment saying what the partner should add');
    expect((await reports()).find((report) => report.id === reportId)?.status).toBe('submitted');
  });

  it('lets only the programme’s coordinator review', async () => {
    for (const role of ['editorA', 'otherCoordinator', 'stakeholderA'] as const) {
      const browser = await fixture.browserFor(role);
      expect((await browser.post(`/results/indicators/reports/${reportId}/review`, { decision: 'validate', comment: '' })).statusCode).toBe(403);
    }
    expect((await reports()).find((report) => report.id === reportId)?.status).toBe('submitted');
  });

  it('returns a value with a comment the partner sees, and lists it among the returned', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const response = await coordinator.post(`/results/indicators/reports/${reportId}/review`, {
      decision: 'return',
      comment: 'Add the links to the other two articles.',
    });
    expect(response.statusCode).toBe(303);
    const page = await (await fixture.browserFor('editorA')).page(`/results/indicators/reports/${reportId}`);
    expect(page.mainText).toContain('Returned for more evidence');
    expect(page.mainText).toContain('Add the links to the other two articles.');
    const queue = await coordinator.page(`/results/indicators/reports?programme=${fixture.world.programme.id}&status=returned`);
    expect(queue.mainText).toContain('Appearances in media');
  });

  it('a second review of a reviewed value says it was already reviewed', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const page = readPage(await coordinator.post(`/results/indicators/reports/${reportId}/review`, { decision: 'validate', comment: '' }));
    expect(page.status).toBe(409);
    expect(page.mainText).toContain('Another coordinator has already reviewed this value');
  });

  it('a correction supersedes the returned value, keeps it in the history, and waits for validation again', async () => {
    const editor = await fixture.browserFor('editorA');
    const response = await editor.upload(
      `/results/indicators/${indicatorId}/reports`,
      {},
      aValue(fixture.world.partnerA.id, { value: '4', links: 'https://news.example/article-1\nhttps://news.example/article-2' }),
    );
    expect(response.statusCode, response.body.slice(0, 800)).toBe(303);
    const rows = (await reports()).filter((report) => report.partner_id === fixture.world.partnerA.id && report.semester === 2);
    expect(rows.map((row) => [row.status, row.current, Number(row.value)])).toEqual([
      ['returned', false, 3],
      ['submitted', true, 4],
    ]);
    expect(rows[1]?.supersedes_id).toBe(reportId);
    const page = await editor.page(response.headers.location as string);
    expect(page.mainText).toContain('History');
    expect(page.mainText).toContain('Add the links to the other two articles.');
    // The superseded value can no longer be reviewed.
    const coordinator = await fixture.browserFor('coordinator');
    const refused = readPage(await coordinator.post(`/results/indicators/reports/${reportId}/review`, { decision: 'validate', comment: '' }));
    expect(refused.status).toBe(409);
    expect(refused.mainText).toContain('The partner has corrected this value meanwhile');
    // The new one is validated and counts.
    expect((await coordinator.post(`/results/indicators/reports/${rows[1]?.id ?? 0}/review`, { decision: 'validate', comment: '' })).statusCode).toBe(303);
    const counted = (await reports()).filter((report) => report.status === 'validated' && report.current);
    expect(counted.map((report) => Number(report.value))).toEqual([4]);
  });
});

describe('personal data', () => {
  it('exports the values a person reported and reviewed, and erasure keeps the figures under another name', async () => {
    const { editorA, coordinator } = fixture.world.users;
    const exported = (await reportsPersonalData.exportFor(fixture.context.db, editorA.id)) as { reported: boolean; value: number }[];
    expect(exported.length).toBeGreaterThanOrEqual(2);
    expect(exported.every((entry) => entry.reported)).toBe(true);
    const reviewed = (await reportsPersonalData.exportFor(fixture.context.db, coordinator.id)) as { reviewed: boolean }[];
    expect(reviewed.some((entry) => entry.reviewed)).toBe(true);
    await fixture.context.db.transaction().execute((trx) => reportsPersonalData.erase(trx, coordinator.id, 'Former coordinator'));
    const rows = await reports();
    expect(rows.filter((row) => row.reviewed_by_user_id === coordinator.id).every((row) => row.reviewed_by_label === 'Former coordinator')).toBe(true);
    expect(rows.some((row) => Number(row.value) === 4)).toBe(true);
  });
});
