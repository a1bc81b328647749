/**
 * The Word export read back from the file itself (unzipped, and through an independent reader): each heading once,
 * the funding table under its own heading, dates written out in the reader's language, and the document's language set.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestBrowser } from '../../../core/testing/http.js';
import { aPlanActionForm, aPlanContextForm, anInstrumentForm } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';

const fixture = useWorld();
let planId = 0;

/** An endorsed plan of partner B whose action names, in words, the instrument later recorded as delivering it. */
beforeAll(async () => {
  const editor = await fixture.browserFor('editorB');
  const coordinator = await fixture.browserFor('coordinator');
  const created = await editor.post('/plans', { partnerId: String(fixture.world.partnerB.id) });
  planId = Number(String(created.headers.location).split('/').pop());
  await editor.post(`/plans/${planId}/context`, aPlanContextForm());
  const action = await editor.post(
    `/plans/${planId}/actions`,
    aPlanActionForm({
      instrumentsText: 'Parking permits online; Open data portal',
      milestones: '2022-12-15 First permits issued online',
      fundingSource: ['ROP ERDF', 'Municipal budget'],
      fundingAmount: ['20000', '5000'],
    }),
  );
  expect(action.statusCode, action.body.slice(0, 200)).toBe(303);
  const [actionKey] = (
    await fixture.context.db.selectFrom('plan_versions').select('content').where('plan_id', '=', planId).executeTakeFirstOrThrow()
  ).content.actions.map((found) => found.key);
  await editor.post(`/plans/${planId}/submission`, {});
  await coordinator.post(`/plans/${planId}/review`, { decision: 'approve', comment: '' });
  await editor.post(`/plans/${planId}/endorsement`, { endorsedOn: '2022-07-20', endorsedBy: 'Mayor', endorsingBody: 'Council' });
  // Instruments link to the actions of an endorsed plan.
  const instrument = await editor.post('/instruments', anInstrumentForm(fixture.world.partnerB.id, { planAction: `${planId}:${actionKey}` }));
  expect(instrument.statusCode, instrument.body.slice(0, 200)).toBe(303);
});

async function exported(browser: TestBrowser) {
  const response = await browser.get(`/plans/${planId}.docx`);
  expect(response.statusCode).toBe(200);
  const zip = await JSZip.loadAsync(response.rawPayload);
  const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const { value: html } = await mammoth.convertToHtml({ buffer: response.rawPayload });
  const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
  return { styles, html, text };
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

describe('the Word export', () => {
  it('names each heading and each instrument once, heads the funding table, writes dates out and declares its language', async () => {
    const { styles, html, text } = await exported(await fixture.browserFor('coordinator'));
    expect(occurrences(html, '>Endorsement<')).toBe(1);
    expect(occurrences(text, 'Parking permits online')).toBe(1);
    expect(text).toContain('Parking permits online; Open data portal');
    expect(html).toContain('<h3>Funding sources</h3><table>');
    expect(text).toContain('20 July 2022');
    expect(text).toContain('1 September 2022 – 30 June 2023');
    expect(text).toContain('15 December 2022: First permits issued online');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(styles).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>.*<\/w:docDefaults>/s);
  });

  it('is written in the reader’s language, and says so', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    await coordinator.get('/language/it?next=%2F');
    const { styles, html, text } = await exported(coordinator);
    expect(styles).toContain('<w:lang w:val="it-IT"/>');
    expect(text).toContain('20 luglio 2022');
    expect(html).toContain('<h3>Fonti di finanziamento</h3><table>');
  });
});
