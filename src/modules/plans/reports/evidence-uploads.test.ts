/**
 * Evidence uploads at their limits: 10 MB a document, 10 documents and 25 MB a report, enforced while the body
 * arrives with memory flat; every problem of the form shown at once; the partner's storage quota; large documents
 * stored in chunks that leave other pages served, served back whole, and abandoned uploads removed.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { megabyte } from '../../../core/http/uploads.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { removeAbandonedUploads } from './service.js';
import { anEndorsedPlan, aReportForm, minimalPdf } from '../../../core/testing/records.js';

const aPdf = (filename: string, sizeBytes: number) => ({ field: 'files', filename, sizeBytes, head: minimalPdf });

describe('evidence limits', () => {
  const fixture = useWorld();
  let url = '';
  let planId = 0;
  beforeAll(async () => {
    const plan = await anEndorsedPlan(fixture);
    planId = plan.planId;
    url = `/plans/${planId}/reports?action=${plan.actionKey}`;
  });
  const stored = async () => ({
    reports: (await fixture.context.db.selectFrom('progress_reports').select('id').where('plan_id', '=', planId).execute()).length,
    files: (await fixture.context.db.selectFrom('plan_files').select('id').where('plan_id', '=', planId).execute()).length,
  });

  it('refuses 100 MB of documents at the report’s 25 MB, keeping memory flat, what was typed, and nothing stored', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await stored();
    const rssBefore = process.memoryUsage().rss;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - rssBefore)), 20);
    const files = Array.from({ length: 10 }, (_, index) => aPdf(`scan-${index + 1}.pdf`, 10_000_000));
    const page = readPage(await editor.uploadStream(url, files, aReportForm({ workDone: 'Ten scans of the minutes.' })));
    clearInterval(sampler);
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('The files together are larger than 25 MB (“scan-3.pdf” went over): choose fewer or smaller files');
    expect(page.screen.getByLabelText('What was done')).toHaveProperty('value', 'Ten scans of the minutes.');
    expect(peak).toBeLessThan(60 * megabyte);
    expect(await stored()).toEqual(before);
  });

  it('refuses three 9 MB documents (27 MB), naming the one that went over 25 MB', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await stored();
    const page = readPage(
      await editor.uploadStream(url, [aPdf('a.pdf', 9 * megabyte), aPdf('b.pdf', 9 * megabyte), aPdf('c.pdf', 9 * megabyte)], aReportForm()),
    );
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('(“c.pdf” went over)');
    expect(await stored()).toEqual(before);
  });

  it('refuses an eleventh document', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await stored();
    const page = readPage(
      await editor.uploadStream(
        url,
        Array.from({ length: 11 }, (_, index) => aPdf(`page-${index + 1}.pdf`, 1000)),
        aReportForm(),
      ),
    );
    expect(page.status).toBe(413);
    expect(page.mainText).toContain('Choose at most 10 files');
    expect(await stored()).toEqual(before);
  });

  it('refuses a body declared far larger than the limit without reading it, and closes the connection', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await stored();
    const response = await editor.uploadStream(url, [aPdf('small.pdf', 1000)], aReportForm(), { headers: { 'content-length': String(200 * megabyte) } });
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(readPage(response).mainText).toContain('The files together are larger than 25 MB: choose fewer or smaller files');
    expect(await stored()).toEqual(before);
  });

  it('files a 10,000-character account of the work written in 3-byte characters whole', async () => {
    const editor = await fixture.browserFor('editorB');
    const workDone = '€'.repeat(10_000);
    expect((await editor.uploadStream(url, [], aReportForm({ workDone }))).statusCode).toBe(303);
    const filed = await fixture.context.db
      .selectFrom('progress_reports')
      .select('work_done')
      .where('plan_id', '=', planId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(filed.work_done).toBe(workDone);
  });

  it('refuses a text longer than the form takes at its field, never filing it cut short', async () => {
    const editor = await fixture.browserFor('editorB');
    const before = await stored();
    // 4 bytes each in UTF-8: far more bytes than the form's longest field, cut by the parser.
    const page = readPage(await editor.uploadStream(url, [], aReportForm({ workDone: '😀'.repeat(30_000) })));
    expect(page.status).toBe(400);
    expect([...page.document.querySelectorAll('.error-summary a')].map((anchor) => anchor.textContent)).toEqual(['Enter 10000 characters or fewer']);
    expect(await stored()).toEqual(before);
  });

  it('shows every problem at once: a missing answer, a semester outside the plan and a disguised document', async () => {
    const editor = await fixture.browserFor('editorB');
    const page = readPage(
      await editor.upload(url, { files: { filename: 'notes.pdf', content: Buffer.from('#!/bin/sh\nrm -rf /\n') } }, aReportForm({ semester: '3', status: '' })),
    );
    expect(page.status).toBe(400);
    expect([...page.document.querySelectorAll('.error-summary a')].map((anchor) => anchor.textContent)).toEqual([
      'Choose a semester within the plan’s timeframe'.replace('’', "'"),
      'Choose the status of the action',
      '“notes.pdf”: documents must be PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG files (recognised by their content)',
    ]);
    expect(page.screen.getByLabelText('What was done')).toHaveProperty('value', 'Two workshops held.');
  });

  it('serves other pages while a 25 MB report is being stored, and gives each document back byte for byte', async () => {
    const editor = await fixture.browserFor('editorB');
    const visitor = new TestBrowser(fixture.context.app);
    const { db } = fixture.context;
    const order: string[] = [];
    const files = [aPdf('volume-1.pdf', 10 * megabyte - 1000), aPdf('volume-2.pdf', 10 * megabyte - 1000), aPdf('volume-3.pdf', 4 * megabyte)];
    const upload = editor.uploadStream(url, files, aReportForm({ semester: '8' })).then((response) => order.push(`upload ${response.statusCode}`));
    // Once the first document can be seen being stored, a visitor asks for the plan's page.
    while (!(await db.selectFrom('plan_files').select('id').where('original_name', '=', 'volume-1.pdf').executeTakeFirst()))
      await new Promise((resolve) => setTimeout(resolve, 5));
    const page = visitor.get(`/plans/${planId}`).then((response) => order.push(`page ${response.statusCode}`));
    await Promise.all([upload, page]);
    expect(order).toEqual(['page 200', 'upload 303']);
    const reports = await visitor.page(`/plans/${planId}/reports`);
    const link = reports.screen.getByRole('link', { name: /volume-2\.pdf/ });
    const download = await visitor.get(link.getAttribute('href') ?? '');
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(10 * megabyte - 1000);
    const expected = createHash('sha256')
      .update(Buffer.concat([minimalPdf, Buffer.alloc(10 * megabyte - 1000 - minimalPdf.length, 0x20)]))
      .digest('hex');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(expected);
  });

  it('removes the documents of an upload abandoned before its report was filed, after an hour', async () => {
    const { db } = fixture.context;
    const file = await db
      .insertInto('plan_files')
      .values({
        plan_id: planId,
        original_name: 'left.pdf',
        media_type: 'application/pdf',
        size_bytes: 3,
        sha256: 'x',
        uploaded_by_user_id: null,
        pending_since: new Date(Date.now() - 61 * 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('plan_file_chunks')
      .values({ file_id: file.id, position: 0, content: Buffer.from('abc') })
      .execute();
    const recent = await db
      .insertInto('plan_files')
      .values({
        plan_id: planId,
        original_name: 'in-progress.pdf',
        media_type: 'application/pdf',
        size_bytes: 3,
        sha256: 'x',
        uploaded_by_user_id: null,
        pending_since: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await removeAbandonedUploads(db)).toBe(1);
    expect(await db.selectFrom('plan_files').select('id').where('id', 'in', [file.id, recent.id]).execute()).toEqual([{ id: recent.id }]);
    expect(await db.selectFrom('plan_file_chunks').select('file_id').where('file_id', '=', file.id).execute()).toEqual([]);
  });
});

describe('storage quota per partner', () => {
  const fixture = useWorld({ partnerStorageQuotaMegabytes: 6 });
  let url = '';
  beforeAll(async () => {
    const plan = await anEndorsedPlan(fixture);
    url = `/plans/${plan.planId}/reports?action=${plan.actionKey}`;
  });

  it('refuses documents that would not fit in the partner’s space, saying how much is left', async () => {
    const editor = await fixture.browserFor('editorB');
    expect((await editor.uploadStream(url, [aPdf('first.pdf', 4 * megabyte)], aReportForm())).statusCode).toBe(303);
    const refused = readPage(await editor.uploadStream(url, [aPdf('second.pdf', 3 * megabyte)], aReportForm({ semester: '8' })));
    expect(refused.status).toBe(400);
    expect(refused.mainText).toContain('There is not enough space for these documents (3 MB): your partner has 2 MB left of its 6 MB');
    expect(await fixture.context.db.selectFrom('plan_files').select('id').where('original_name', '=', 'second.pdf').execute()).toEqual([]);
    // A report without documents still fits.
    expect((await editor.uploadStream(url, [], aReportForm({ semester: '8' }))).statusCode).toBe(303);
  });

  it('stores nothing for the roles that may not file reports, whatever the space left', async () => {
    for (const role of ['editorA', 'coordinator', 'stakeholderA'] as const) {
      const response = await (await fixture.browserFor(role)).uploadStream(url, [aPdf(`${role}.pdf`, 1000)], aReportForm());
      expect(response.statusCode, role).toBe(403);
      expect(await fixture.context.db.selectFrom('plan_files').select('id').where('original_name', '=', `${role}.pdf`).execute()).toEqual([]);
    }
  });
});
