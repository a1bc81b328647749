/** The plan's print page marks the partner's texts with the plan's language where it differs from the page's (WCAG 3.1.2). */
import { describe, expect, it } from 'vitest';
import { useWorld } from '../../../core/testing/world.js';

const fixture = useWorld();

const contextForm = {
  contactName: 'Projects office',
  contactEmail: 'projects@example.org',
  textLanguage: 'en',
  instrumentKey: [''],
  instrumentName: ['ROP ERDF 2014–2020'],
  instrumentKind: ['investment_for_growth'],
  instrumentBody: ['The region'],
  instrumentImprovement: ['New projects'],
};

const actionForm = {
  title: 'Open challenge briefs',
  background: 'Learnt at the study visit.',
  description: 'City units publish problems as challenge briefs.',
  playerOrganisationId: [''],
  playerRole: [''],
  startsOn: '2022-09-01',
  endsOn: '2023-06-30',
  milestones: '',
  costsEur: '100000',
  fundingSource: ['ROP ERDF', ''],
  fundingAmount: ['100000', ''],
  improvementType: 'structural_change',
  instrumentsText: '',
};

describe('the print page', () => {
  it('marks a plan written in English on an Italian page, and adds nothing on an English one', async () => {
    const editor = await fixture.browserFor('editorA');
    const created = await editor.post('/plans', { partnerId: String(fixture.world.partnerA.id) });
    expect(created.statusCode).toBe(303);
    const id = Number(String(created.headers.location).split('/').pop());
    expect((await editor.post(`/plans/${id}/context`, contextForm)).statusCode).toBe(303);
    expect((await editor.post(`/plans/${id}/actions`, actionForm)).statusCode).toBe(303);

    await editor.get('/language/it?next=%2F');
    const inItalian = await editor.page(`/plans/${id}/print`);
    expect(inItalian.status).toBe(200);
    const action = inItalian.screen.getByRole('heading', { name: 'Azione 1: Open challenge briefs' });
    expect(action.querySelector('[lang="en"]')?.textContent).toBe('Open challenge briefs');
    expect(inItalian.screen.getByRole('heading', { name: 'ROP ERDF 2014–2020' }).querySelector('[lang="en"]')).toBeTruthy();
    const marked = [...inItalian.document.querySelectorAll('main dd [lang="en"]')].map((element) => element.textContent);
    expect(marked).toEqual(
      expect.arrayContaining(['The region', 'New projects', 'Learnt at the study visit.', 'City units publish problems as challenge briefs.']),
    );
    expect(inItalian.document.querySelector('main td[lang="en"]')?.textContent).toBe('ROP ERDF');
    // The reader's own words (labels, amounts, dates) are not marked.
    expect(inItalian.document.querySelector('main dt[lang], main th[lang]')).toBeNull();

    await editor.get('/language/en?next=%2F');
    const inEnglish = await editor.page(`/plans/${id}/print`);
    expect(inEnglish.document.querySelectorAll('main [lang]:not([hreflang])')).toHaveLength(0);
  });
});
