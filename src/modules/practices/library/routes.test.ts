/** The library through HTTP: writing, proposing, reviewing and reading practices, for every role, and its exports. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorSchema } from '../../../core/http/openapi.js';
import { formFields, readPage, TestBrowser } from '../../../core/testing/http.js';
import { aPracticeForm as practiceForm, type FormBody } from '../../../core/testing/records.js';
import { useWorld } from '../../../core/testing/world.js';
import { exportRecordSchema, libraryDocumentSchema, practiceDocumentSchema } from '../exchange/api.js';
import { linkOrganisation, unlinkOrganisation } from '../../partners/service.js';
import { getPractice } from './service.js';
import { systemActor } from '../../../core/policy/actor.js';

const fixture = useWorld();
const system = systemActor('test');

async function create(role: 'editorA' | 'coordinator', overrides: FormBody = {}): Promise<number> {
  const browser = await fixture.browserFor(role);
  const response = await browser.post('/practices', practiceForm(fixture.world.partnerA.id, overrides));
  expect(response.statusCode).toBe(303);
  return Number(String(response.headers.location).split('/').pop());
}

describe('writing a practice', () => {
  it('saves an editor’s practice as a draft of their partner, with every field as typed', async () => {
    const id = await create('editorA', { title: 'Draft by the editor' });
    const practice = await getPractice(fixture.context.db, system, id);
    expect(practice).toMatchObject({
      status: 'draft',
      ownerPartnerId: fixture.world.partnerA.id,
      keywords: ['participatory budgeting', 'e-democracy'],
      links: ['https://example.org/one', 'https://example.org/two'],
      resourcesEur: 1200.5,
      themes: ['digital-services', 'smart-city'],
      description: 'First paragraph.\n\nSecond paragraph.',
    });
  });

  it('refuses a practice without a title or with an over-long summary, field by field, in the visitor’s language', async () => {
    const browser = await fixture.browserFor('editorA');
    await browser.get('/language/it');
    const page = readPage(await browser.post('/practices', practiceForm(fixture.world.partnerA.id, { title: '', summary: 'x'.repeat(501) })));
    expect(page.status).toBe(400);
    const links = [...page.screen.getByRole('alert').querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Inserisci il titolo della pratica', '#field-title'],
      ['Inserisci una sintesi di massimo 500 caratteri', '#field-summary'],
    ]);
    expect(page.screen.getByLabelText<HTMLTextAreaElement>('Sintesi').value).toBe('x'.repeat(501));
  });

  it('shows a keyword holding a comma and a link holding a semicolon as typed, one a line, and saves them back unchanged', async () => {
    const keywords = ['e-government, open government', 'smart city; data', 'C:\\back\\slash'];
    const links = ['https://example.org/page;jsessionid=1', 'https://example.org/a,b'];
    const id = await create('coordinator', { title: 'Separators in the form', keywords: keywords.join('\n'), links: links.join('\n') });
    expect(await getPractice(fixture.context.db, system, id)).toMatchObject({ keywords, links });
    const browser = await fixture.browserFor('coordinator');
    const page = await browser.page(`/practices/${id}/edit`);
    expect(page.screen.getByLabelText<HTMLTextAreaElement>('Keywords (optional)').value).toBe(keywords.join('\n'));
    expect(page.screen.getByLabelText<HTMLTextAreaElement>('Further information').value).toBe(links.join('\n'));
    const form = page.document.querySelector<HTMLFormElement>(`form[action="/practices/${id}"]`);
    if (!form) throw new Error('the form is missing');
    expect((await browser.post(`/practices/${id}`, formFields(form))).statusCode).toBe(303);
    expect(await getPractice(fixture.context.db, system, id)).toMatchObject({ keywords, links });
  });

  it('shows HTML and script typed into any field as text', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await create('editorA', { title: `Practice ${hostile}`, description: hostile, keywords: hostile });
    const browser = await fixture.browserFor('editorA');
    const html = (await browser.get(`/practices/${id}`)).body;
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(readPage(await browser.get(`/practices/${id}`)).screen.getByRole('heading', { level: 1 }).textContent).toBe(`Practice ${hostile}`);
  });

  it('flags a second practice with the same title and owner as a likely duplicate, and saves it once confirmed', async () => {
    await create('editorA', { title: 'Open budget dashboard' });
    const browser = await fixture.browserFor('editorA');
    const warned = readPage(await browser.post('/practices', practiceForm(fixture.world.partnerA.id, { title: '  open   BUDGET dashboard ' })));
    expect(warned.status).toBe(400);
    expect(warned.screen.getByRole('link', { name: /already has a practice with this title/ })).toBeTruthy();
    expect(warned.screen.getByRole('checkbox', { name: 'This is a different practice: save it anyway' })).toBeTruthy();
    const confirmed = await browser.post('/practices', practiceForm(fixture.world.partnerA.id, { title: 'open budget dashboard', confirmDuplicate: 'yes' }));
    expect(confirmed.statusCode).toBe(303);
  });

  it('asks before saving a practice whose title is very like one of the partner’s, and saves it once confirmed', async () => {
    await create('editorA', { title: 'Tartu open data portal' });
    const browser = await fixture.browserFor('editorA');
    const warned = readPage(await browser.post('/practices', practiceForm(fixture.world.partnerA.id, { title: 'Open Data Portal of Tartu' })));
    expect(warned.status).toBe(400);
    expect(warned.screen.getByRole('link', { name: /already has a practice with a very similar title/ })).toBeTruthy();
    expect(warned.screen.getByRole('link', { name: 'Tartu open data portal' })).toBeTruthy();
    const confirmed = await browser.post(
      '/practices',
      practiceForm(fixture.world.partnerA.id, { title: 'Open Data Portal of Tartu', confirmDuplicate: 'yes' }),
    );
    expect(confirmed.statusCode).toBe(303);
    // Another partner's practice with the same words is not a duplicate of this one.
    expect(
      (await (await fixture.browserFor('editorB')).post('/practices', practiceForm(fixture.world.partnerB.id, { title: 'Open data portal of Tartu' })))
        .statusCode,
    ).toBe(303);
  });

  it('shows every problem of the form in one round: a field’s, the organisation’s and the question about a very similar title', async () => {
    await create('editorA', { title: 'Riverside composting scheme' });
    const browser = await fixture.browserFor('editorA');
    const form = practiceForm(fixture.world.partnerA.id, {
      title: 'Riverside composting schemes',
      summary: '',
      ownerOrganisationId: String(fixture.world.organisationB.id),
    });
    const page = readPage(await browser.post('/practices', form));
    expect(page.status).toBe(400);
    expect([...page.screen.getByRole('alert').querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ["Choose an organisation from the partner's stakeholder group", '#field-ownerOrganisationId'],
      ['This partner already has a practice with a very similar title. Change the title, or confirm below that it is a different practice', '#field-title'],
      ['Enter a short summary', '#field-summary'],
    ]);
    expect(page.screen.getByRole('checkbox', { name: 'This is a different practice: save it anyway' })).toBeTruthy();
    expect(await fixture.context.db.selectFrom('practices').select('id').where('title', '=', 'Riverside composting schemes').execute()).toEqual([]);
  });

  it('asks whether a practice is different only when its title or owner changes, not at every edit once answered', async () => {
    await create('editorA', { title: 'Open permits portal of Tartu' });
    const id = await create('editorA', { title: 'Tartu open permits portal', confirmDuplicate: 'yes' });
    const browser = await fixture.browserFor('editorA');
    const edited = await browser.post(
      `/practices/${id}`,
      practiceForm(fixture.world.partnerA.id, { title: 'Tartu open permits portal', summary: 'Edited without touching the title.' }),
    );
    expect(edited.statusCode).toBe(303);
    expect((await getPractice(fixture.context.db, system, id))?.summary).toBe('Edited without touching the title.');
    const retitled = readPage(await browser.post(`/practices/${id}`, practiceForm(fixture.world.partnerA.id, { title: 'Tartu open permit portal' })));
    expect(retitled.status).toBe(400);
    expect(retitled.screen.getByRole('link', { name: /already has a practice with a very similar title/ })).toBeTruthy();
  });

  it('does not let an editor write a practice for another partner, even by crafting the form', async () => {
    const browser = await fixture.browserFor('editorB');
    const response = await browser.post('/practices', practiceForm(fixture.world.partnerA.id, { title: 'Planted in A by B' }));
    expect(response.statusCode).toBe(403);
    const rows = await fixture.context.db.selectFrom('practices').select('id').where('title', '=', 'Planted in A by B').execute();
    expect(rows).toEqual([]);
  });

  it('refuses stakeholders and anonymous visitors the editors’ form', async () => {
    expect((await (await fixture.browserFor('stakeholderA')).get('/practices/new')).statusCode).toBe(403);
    expect((await new TestBrowser(fixture.context.app).get('/practices/new')).statusCode).toBe(303);
  });
});

describe('the review workflow', () => {
  it('goes draft → submitted → returned with comments → submitted → published, each step in the history', async () => {
    const id = await create('editorA', { title: 'Reviewed practice' });
    const editor = await fixture.browserFor('editorA');
    const coordinator = await fixture.browserFor('coordinator');
    expect((await editor.post(`/practices/${id}/submission`, {})).statusCode).toBe(303);

    const missingComment = readPage(await coordinator.post(`/practices/${id}/review`, { decision: 'return', comment: '' }));
    expect(missingComment.status).toBe(400);
    expect(missingComment.screen.getByRole('link', { name: 'Say what should change before the practice is published' })).toBeTruthy();

    expect((await coordinator.post(`/practices/${id}/review`, { decision: 'return', comment: 'Add the evidence of success.' })).statusCode).toBe(303);
    expect((await editor.post(`/practices/${id}/submission`, {})).statusCode).toBe(303);
    expect((await coordinator.post(`/practices/${id}/review`, { decision: 'publish', comment: '' })).statusCode).toBe(303);

    const page = await editor.page(`/practices/${id}`);
    const history = page.screen.getByRole('table', { name: 'Changes of status and review comments' });
    const rows = [...history.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent));
    expect(rows.map((row) => row[0])).toEqual([
      'Draft',
      'Draft → Waiting for review',
      'Waiting for review → Returned for changes',
      'Returned for changes → Waiting for review',
      'Waiting for review → Published',
    ]);
    expect(rows[2]?.[2]).toBe('Add the evidence of success.');
    expect((await getPractice(fixture.context.db, system, id))?.status).toBe('published');
  });

  it('offers a published practice only its return for changes, and refuses publishing it again', async () => {
    const id = await create('editorA', { title: 'Already public' });
    const coordinator = await fixture.browserFor('coordinator');
    expect((await coordinator.post(`/practices/${id}/review`, { decision: 'publish' })).statusCode).toBe(303);

    const page = await coordinator.page(`/practices/${id}`);
    expect(page.screen.queryByRole('link', { name: 'Review' })).toBeNull();
    expect(page.screen.getByRole('link', { name: 'Return for changes' }).getAttribute('href')).toBe(`/practices/${id}/review`);
    const review = await coordinator.page(`/practices/${id}/review`);
    expect(review.screen.getByRole('heading', { level: 1 }).textContent).toBe('Return Already public for changes');
    expect(review.screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['return']);

    const again = readPage(await coordinator.post(`/practices/${id}/review`, { decision: 'publish', comment: '' }));
    expect(again.status).toBe(409);
    expect(
      again.screen.getByRole('link', { name: 'This decision is not open for the practice in its current status: choose one of those shown' }),
    ).toBeTruthy();
    const history = await coordinator.page(`/practices/${id}`);
    expect(history.screen.getByRole('table', { name: 'Changes of status and review comments' }).querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('lets only the coordinator publish', async () => {
    const id = await create('editorA', { title: 'Self-published?' });
    const editor = await fixture.browserFor('editorA');
    expect((await editor.post(`/practices/${id}/review`, { decision: 'publish' })).statusCode).toBe(403);
    expect((await getPractice(fixture.context.db, system, id))?.status).toBe('draft');
  });

  it('hides drafts from the public and from other partners’ editors, and shows published practices to everyone', async () => {
    const id = await create('editorA', { title: 'Hidden draft' });
    expect((await new TestBrowser(fixture.context.app).get(`/practices/${id}`)).statusCode).toBe(404);
    expect((await (await fixture.browserFor('editorB')).get(`/practices/${id}`)).statusCode).toBe(404);
    expect((await (await fixture.browserFor('coordinator')).get(`/practices/${id}`)).statusCode).toBe(200);
    await (await fixture.browserFor('coordinator')).post(`/practices/${id}/review`, { decision: 'publish' });
    expect((await new TestBrowser(fixture.context.app).get(`/practices/${id}`)).statusCode).toBe(200);
  });

  it('shows the contact person to signed-in users only', async () => {
    const id = await create('coordinator', { title: 'With a contact', contactName: 'Projects office', contactEmail: 'projects@example.org' });
    await (await fixture.browserFor('coordinator')).post(`/practices/${id}/review`, { decision: 'publish' });
    expect((await new TestBrowser(fixture.context.app).page(`/practices/${id}`)).mainText).not.toContain('projects@example.org');
    expect((await (await fixture.browserFor('stakeholderA')).page(`/practices/${id}`)).mainText).toContain('projects@example.org');
    const json = (await new TestBrowser(fixture.context.app, { accept: 'application/json' }).get(`/practices/${id}`)).json<{ contact: unknown }>();
    expect(json.contact).toBeNull();
  });
});

describe('proposals by stakeholders', () => {
  it('lets a stakeholder propose a practice to their partner, who accepts it as a draft', async () => {
    const stakeholder = await fixture.browserFor('stakeholderA');
    const response = await stakeholder.post('/practices/proposals', practiceForm(fixture.world.partnerA.id, { title: 'Proposed by a stakeholder' }));
    expect(response.statusCode).toBe(303);
    const id = Number(String(response.headers.location).split('/').pop());
    expect((await getPractice(fixture.context.db, system, id))?.status).toBe('proposed');
    expect((await stakeholder.get(`/practices/${id}`)).statusCode).toBe(200);
    expect((await new TestBrowser(fixture.context.app).get(`/practices/${id}`)).statusCode).toBe(404);

    // Another partner's editor cannot even see the proposal.
    expect((await (await fixture.browserFor('editorB')).post(`/practices/${id}/proposal`, { decision: 'accept' })).statusCode).toBe(404);
    expect((await (await fixture.browserFor('editorA')).post(`/practices/${id}/proposal`, { decision: 'accept', comment: 'Thank you!' })).statusCode).toBe(303);
    const practice = await getPractice(fixture.context.db, system, id);
    expect(practice?.status).toBe('draft');
    expect(practice?.ownerOrganisationId).toBe(fixture.world.organisationA.id);
    // Once it is the partner's draft, the proposer no longer edits it.
    expect((await stakeholder.post(`/practices/${id}`, practiceForm(fixture.world.partnerA.id, { title: 'Changed by the proposer' }))).statusCode).toBe(404);
  });

  it('offers a stakeholder the partners whose group holds their organisation, another partner once it is linked too', async () => {
    const stakeholder = await fixture.browserFor('stakeholderA');
    const offered = async () =>
      [...(await stakeholder.page('/practices/proposals/new')).document.querySelectorAll('#field-ownerPartnerId option')].map((option) =>
        Number(option.getAttribute('value')),
      );
    expect((await stakeholder.page('/practices')).screen.getByRole('link', { name: 'Propose a practice' })).toBeTruthy();
    expect((await (await fixture.browserFor('editorA')).page('/practices')).screen.queryByRole('link', { name: 'Propose a practice' })).toBeNull();
    expect(await offered()).toEqual([fixture.world.partnerA.id]);
    const { partnerA, partnerB, organisationA } = fixture.world;
    expect(partnerB.programmeId).toBe(partnerA.programmeId);
    expect((await linkOrganisation(fixture.context.db, system, partnerB.id, { organisationId: organisationA.id, inRegion: true })).ok).toBe(true);
    expect((await offered()).sort((one, other) => one - other)).toEqual([partnerA.id, partnerB.id].sort((one, other) => one - other));
    expect((await unlinkOrganisation(fixture.context.db, system, partnerB.id, organisationA.id)).ok).toBe(true);
    expect(await offered()).toEqual([partnerA.id]);
  });

  it('refuses a proposal to a partner whose stakeholder group the person is not in', async () => {
    const stakeholder = await fixture.browserFor('stakeholderA');
    expect((await stakeholder.post('/practices/proposals', practiceForm(fixture.world.partnerB.id, { title: 'To the wrong partner' }))).statusCode).toBe(403);
  });
});

describe('deleting', () => {
  it('lets the editor delete a draft after confirmation, but not a published practice', async () => {
    const editor = await fixture.browserFor('editorA');
    const draft = await create('editorA', { title: 'Deleted draft' });
    expect((await editor.page(`/practices/${draft}/delete`)).screen.getByRole('button', { name: 'Delete the practice' })).toBeTruthy();
    expect((await editor.post(`/practices/${draft}/delete`, {})).statusCode).toBe(303);
    expect(await getPractice(fixture.context.db, system, draft)).toBeUndefined();

    const published = await create('editorA', { title: 'Published, kept' });
    await (await fixture.browserFor('coordinator')).post(`/practices/${published}/review`, { decision: 'publish' });
    expect((await editor.post(`/practices/${published}/delete`, {})).statusCode).toBe(403);
  });
});

describe('the library page and its JSON', () => {
  it('searches without scripts through a GET form with stable addresses, and offers staff the status filter', async () => {
    await create('coordinator', { title: 'Searchable unique zebra practice' });
    const anonymousPage = await new TestBrowser(fixture.context.app).page('/practices?q=zebra');
    expect(anonymousPage.screen.getByRole('heading', { name: '0 practices' })).toBeTruthy();
    expect(anonymousPage.screen.queryByRole('group', { name: 'Status' })).toBeNull();
    const staffPage = await (await fixture.browserFor('coordinator')).page('/practices?q=zebra');
    expect(staffPage.screen.getByRole('link', { name: /Searchable unique zebra practice/ })).toBeTruthy();
    expect(staffPage.screen.getByRole('group', { name: 'Status' })).toBeTruthy();
    const form = staffPage.document.querySelector('form.library');
    expect(form?.getAttribute('method')).toBe('get');
    expect(form?.getAttribute('action')).toBe('/practices');
  });

  it('offers best match as the order on the first visit, so words typed there are ranked by relevance', async () => {
    const page = await new TestBrowser(fixture.context.app).page('/practices');
    expect(page.screen.getByLabelText<HTMLSelectElement>('Sort by').value).toBe('relevance');
  });

  it('answers JSON at the same address for API clients, in the shapes the OpenAPI description gives', async () => {
    const id = await create('coordinator', { title: 'Practice read as JSON', contactName: 'Projects office', contactEmail: 'projects@example.org' });
    await (await fixture.browserFor('coordinator')).post(`/practices/${id}/review`, { decision: 'publish' });
    const api = new TestBrowser(fixture.context.app, { accept: 'application/json' });
    const library = libraryDocumentSchema.parse((await api.get('/practices?q=json')).json());
    expect(library.results.map((result) => result.id)).toContain(id);
    expect(library.results[0]?.url).toBe(`http://better.test/practices/${library.results[0]?.id}`);
    expect(library.facets.status).toBeUndefined();
    const document = practiceDocumentSchema.parse((await api.get(`/practices/${id}`)).json());
    expect(document).toMatchObject({ title: 'Practice read as JSON', themes: ['digital-services', 'smart-city'], contact: null });

    const staff = await fixture.browserFor('coordinator');
    const asJson = { accept: 'application/json' };
    expect(libraryDocumentSchema.parse((await staff.get('/practices?q=json', asJson)).json()).facets.status).toHaveProperty('published');
    expect(practiceDocumentSchema.parse((await staff.get(`/practices/${id}`, asJson)).json()).contact).toEqual({
      name: 'Projects office',
      email: 'projects@example.org',
    });
    expect(errorSchema.parse((await api.get('/practices/999999')).json())).toMatchObject({ error: 'not_found' });
  });

  it('exports what the visitor may see as CSV and JSON, in the import’s columns', async () => {
    const id = await create('coordinator', { title: 'Exported, with "quotes", commas; and more' });
    await (await fixture.browserFor('coordinator')).post(`/practices/${id}/review`, { decision: 'publish' });
    const draft = await create('coordinator', { title: 'Draft not exported to the public' });
    const csv = await new TestBrowser(fixture.context.app).get('/practices/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toContain('id,url,title,owner_partner,owner_organisation,language,status,summary');
    expect(csv.body).toContain('"Exported, with ""quotes"", commas; and more"');
    expect(csv.body).toContain('"First paragraph.\n\nSecond paragraph."');
    expect(csv.body).not.toContain('Draft not exported to the public');
    const json = z.array(exportRecordSchema).parse((await new TestBrowser(fixture.context.app).get('/practices/export.json')).json());
    expect(json.find((record) => record.id === id)?.themes).toEqual(['digital-services', 'smart-city']);
    expect(json.some((record) => record.id === draft)).toBe(false);
  });
});
