/** My work's semester reports due and indicator values to validate: deadlines, overdue marks, and the list emptying as work is done. */
import { describe, expect, it } from 'vitest';
import { aReportForm, anEndorsedPlan } from '../../core/testing/records.js';
import { useWorld } from '../../core/testing/world.js';

const fixture = useWorld();

describe('reports due on My work', () => {
  it('lists each begun semester with an action unreported, with its deadline, until the report is filed', async () => {
    const { planId, actionKey } = await anEndorsedPlan(fixture);
    const editor = await fixture.browserFor('editorB');
    const before = await editor.page('/me');
    const due = [...before.screen.getByRole('list', { name: /Waiting for me/ }).querySelectorAll(`a[href="/plans/${planId}/reports"]`)].map(
      (link) => link.closest('li')?.textContent ?? '',
    );
    // The programme runs from August 2019 in semesters of six months; the plan's action spans semesters 7 and 8.
    expect(due).toHaveLength(2);
    expect(due[0]).toContain('Semester report due');
    expect(due[0]).toContain('Semester 7: 1 of 1 actions not reported');
    expect(due[0]).toContain('Due 31 January 2023');
    expect(due[0]).toContain('Overdue');
    expect(due[1]).toContain('Semester 8');

    const filed = await editor.post(`/plans/${planId}/reports?action=${actionKey}`, aReportForm({ semester: '7' }));
    expect(filed.statusCode).toBe(303);
    const after = await editor.page('/me');
    const left = [...after.screen.getByRole('list', { name: /Waiting for me/ }).querySelectorAll(`a[href="/plans/${planId}/reports"]`)].map(
      (link) => link.closest('li')?.textContent ?? '',
    );
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('Semester 8');
    // Reports are the partner's: another partner's editor and the coordinator have none to file.
    expect((await (await fixture.browserFor('editorA')).page('/me')).mainText).not.toContain('Semester report due');
    expect((await (await fixture.browserFor('coordinator')).page('/me')).mainText).not.toContain('Semester report due');
  });
});
