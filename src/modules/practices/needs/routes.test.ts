/** Learning needs through HTTP: recorded by the partner's editor, shown on the partner page with recommendations. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { listLearningNeeds } from './service.js';

const fixture = useWorld();

describe('learning needs', () => {
  it('lets the partner’s editor record a need, shown on the partner page with recommendations', async () => {
    const editor = await fixture.browserFor('editorA');
    const refused = readPage(await editor.post(`/partners/${fixture.world.partnerA.id}/learning-needs`, { themeCode: '', description: '' }));
    expect(refused.status).toBe(400);
    const links = refused.screen.getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(expect.arrayContaining(['Choose the theme of the need', 'Describe what you want to learn']));
    const needs = `/partners/${fixture.world.partnerA.id}/learning-needs`;
    expect((await editor.post(needs, { themeCode: 'open-data', description: 'Publishing budget data' })).statusCode).toBe(303);
    const page = await new TestBrowser(fixture.context.app).page(`/partners/${fixture.world.partnerA.id}`);
    expect(page.screen.getByRole('heading', { name: 'Learning needs and recommended practices' })).toBeTruthy();
    expect(page.mainText).toContain('Publishing budget data');
    expect((await listLearningNeeds(fixture.context.db, fixture.world.partnerA.id)).map((need) => need.description)).toContain('Publishing budget data');
  });

  it('refuses another partner’s editor', async () => {
    const editor = await fixture.browserFor('editorB');
    const needs = `/partners/${fixture.world.partnerA.id}/learning-needs`;
    expect((await editor.post(needs, { themeCode: 'open-data', description: 'Planted' })).statusCode).toBe(403);
  });
});
