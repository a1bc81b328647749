/** The semester progress report: the semester's activities from the formulas' records, and the indicators' values. */
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { useDatabaseWorld } from '../../../core/testing/world.js';
import { aReport, anIndicator, memoryFormula } from '../figures/test-support.js';
import { semesterReportDocx } from './report-docx.js';
import { semesterReport } from './report.js';

const fixture = useDatabaseWorld();

describe('the semester progress report', () => {
  it('lists the activities dated within the semester and the indicators as at its end, in a Word document', async () => {
    const { db, world } = fixture;
    const held = memoryFormula('events.held', [
      { id: 1, partnerId: world.partnerA.id, date: '2019-10-01', label: 'Kick-off in Genoa' },
      { id: 2, partnerId: world.partnerB.id, date: '2020-03-12', label: 'Study visit to Tartu harbour' },
      { id: 3, partnerId: world.partnerA.id, date: '2020-07-31', label: 'Thematic event on open data' },
    ]);
    const indicator = await anIndicator(db, world.programme.id, {
      code: 'PRJ10',
      names: JSON.stringify({ en: 'Policy instruments improved' }),
      programme_target: 5,
    });
    await aReport(db, { indicatorId: indicator, partnerId: world.partnerA.id, semester: 2, value: 2 });
    const translator = await getTranslator();
    const report = await semesterReport(
      db,
      world.users.coordinator.actor,
      world.programme.id,
      2,
      { t: translator.translate('en'), locale: 'en', formatNumber: (value) => String(value), formatDate: (value) => value },
      { formulas: [held] },
    );
    if (!report) throw new Error('no report');
    const { value: text } = await mammoth.extractRawText({ buffer: await semesterReportDocx(report) });
    expect(text).toContain('Study visit to Tartu harbour');
    expect(text).toContain('Thematic event on open data');
    expect(text).not.toContain('Kick-off in Genoa');
    expect(text).toContain('2 records in the semester.');
    expect(text).toContain('PRJ10 – Policy instruments improved');
    expect(text).toContain('From 2020-02-01 to 2020-07-31');
  });
});
