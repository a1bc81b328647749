/** The administrators' pages of the list of themes, through HTTP: adding, renaming and retiring, bad input, and who may see them. */
import { describe, expect, it } from 'vitest';
import { readPage, TestBrowser } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { listThemes } from './service.js';

const fixture = useWorld();

/** The add and edit forms as a browser sends them: every language's field, the English one filled. */
const themeForm = (fields: Record<string, string>) => ({ nameEn: '', nameIt: '', nameEt: '', nameHu: '', nameSv: '', ...fields });
const themeWithCode = async (code: string) => (await listThemes(fixture.context.db)).find((theme) => theme.code === code);
/** Each problem the error summary lists, as its text and the field it links to. */
const errorLinks = (page: ReturnType<typeof readPage>) =>
  [...page.document.querySelectorAll('.error-summary a')].map((link) => [link.textContent, link.getAttribute('href')]);

describe('the list of themes', () => {
  it('shows an administrator every theme with its code and whether it is offered, and a form to add one', async () => {
    const page = await (await fixture.browserFor('admin')).page('/admin/themes');
    expect(page.status).toBe(200);
    const table = page.screen.getByRole('table', { name: 'Themes' });
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => row.textContent ?? '');
    expect(rows.length).toBe((await listThemes(fixture.context.db)).length);
    expect(rows.find((row) => row.includes('digital-services'))).toContain('Offered');
    expect(page.screen.getByLabelText('Name in English')).toBeTruthy();
    expect(page.screen.getByRole('button', { name: 'Add theme' })).toBeTruthy();
  });

  it('sends anonymous visitors to sign in, and refuses stakeholders, editors and coordinators', async () => {
    const anonymous = await new TestBrowser(fixture.context.app).get('/admin/themes');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/admin/themes')}`);
    for (const role of ['stakeholderA', 'editorA', 'coordinator'] as const) {
      const browser = await fixture.browserFor(role);
      expect((await browser.get('/admin/themes')).statusCode, role).toBe(403);
      expect((await browser.get('/admin/themes/digital-services/edit')).statusCode, role).toBe(403);
    }
  });
});

describe('adding a theme', () => {
  it('adds the theme, says so, and lists it under its code', async () => {
    const admin = await fixture.browserFor('admin');
    const response = await admin.post('/admin/themes', themeForm({ nameEn: 'Cycling infrastructure', nameEt: 'Jalgrattataristu' }));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/themes');
    const page = await admin.page('/admin/themes');
    expect(page.screen.getByRole('status').textContent).toContain('The theme Cycling infrastructure has been added.');
    expect(page.screen.getByRole('rowheader', { name: 'Cycling infrastructure' }).closest('tr')?.textContent).toContain('cycling-infrastructure');
    const names = { en: 'Cycling infrastructure', et: 'Jalgrattataristu' };
    expect(await themeWithCode('cycling-infrastructure')).toEqual({ code: 'cycling-infrastructure', names, retired: false });
  });

  it('asks for the English name, keeping what was typed, and adds nothing', async () => {
    const before = await listThemes(fixture.context.db);
    const page = readPage(await (await fixture.browserFor('admin')).post('/admin/themes', themeForm({ nameIt: 'Solo in italiano' })));
    expect(page.status).toBe(400);
    expect(page.title).toMatch(/^Error: /);
    expect(errorLinks(page)).toEqual([["Enter the theme's name in English", '#field-nameEn']]);
    expect(page.screen.getByLabelText<HTMLInputElement>('Name in Italiano').value).toBe('Solo in italiano');
    expect(await listThemes(fixture.context.db)).toEqual(before);
  });

  it('refuses a name another theme already has, and a name without a letter or digit, at the English name', async () => {
    const admin = await fixture.browserFor('admin');
    const before = await listThemes(fixture.context.db);
    const taken = readPage(await admin.post('/admin/themes', themeForm({ nameEn: 'DIGITAL services' })));
    expect(taken.status).toBe(400);
    expect(errorLinks(taken)).toEqual([['A theme with this name already exists', '#field-nameEn']]);
    const nameless = readPage(await admin.post('/admin/themes', themeForm({ nameEn: '***' })));
    expect(nameless.status).toBe(400);
    expect(errorLinks(nameless)).toEqual([['Enter a name with at least one letter or digit', '#field-nameEn']]);
    expect(await listThemes(fixture.context.db)).toEqual(before);
  });

  it('refuses a stakeholder, an editor and a coordinator who post the form anyway, and adds nothing', async () => {
    for (const role of ['stakeholderA', 'editorA', 'coordinator'] as const) {
      const response = await (await fixture.browserFor(role)).post('/admin/themes', themeForm({ nameEn: `Added by ${role}` }));
      expect(response.statusCode, role).toBe(403);
    }
    const anonymous = await new TestBrowser(fixture.context.app).post('/admin/themes', themeForm({ nameEn: 'Added by anonymous' }));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/sign-in');
    const added = (await listThemes(fixture.context.db)).filter((theme) => theme.code.startsWith('added-by-'));
    expect(added).toEqual([]);
  });
});

describe('renaming and retiring a theme', () => {
  it('shows the theme’s names in the edit form, renames it keeping its code, and says so', async () => {
    const admin = await fixture.browserFor('admin');
    await admin.post('/admin/themes', themeForm({ nameEn: 'Street trees' }));
    const form = await admin.page('/admin/themes/street-trees/edit');
    expect(form.screen.getByRole('heading', { level: 1 }).textContent).toBe('Edit the theme Street trees');
    expect(form.screen.getByLabelText<HTMLInputElement>('Name in English').value).toBe('Street trees');
    const response = await admin.post('/admin/themes/street-trees', themeForm({ nameEn: 'Urban trees', nameHu: 'Városi fák' }));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/themes');
    expect((await admin.page('/admin/themes')).screen.getByRole('status').textContent).toContain('The theme has been saved.');
    expect(await themeWithCode('street-trees')).toEqual({ code: 'street-trees', names: { en: 'Urban trees', hu: 'Városi fák' }, retired: false });
  });

  it('retires a theme, which stays in the list marked as retired', async () => {
    const admin = await fixture.browserFor('admin');
    await admin.post('/admin/themes', themeForm({ nameEn: 'Telegraph offices' }));
    expect((await admin.post('/admin/themes/telegraph-offices', themeForm({ nameEn: 'Telegraph offices', retired: 'yes' }))).statusCode).toBe(303);
    const page = await admin.page('/admin/themes');
    expect(page.screen.getByRole('rowheader', { name: 'Telegraph offices' }).closest('tr')?.textContent).toContain('Retired');
    expect((await admin.page('/admin/themes/telegraph-offices/edit')).screen.getByLabelText<HTMLInputElement>('Retire this theme').checked).toBe(true);
  });

  it('asks for the English name when it is emptied, and changes nothing', async () => {
    const admin = await fixture.browserFor('admin');
    await admin.post('/admin/themes', themeForm({ nameEn: 'Ferry timetables' }));
    const page = readPage(await admin.post('/admin/themes/ferry-timetables', themeForm({ nameEn: ' ' })));
    expect(page.status).toBe(400);
    expect(errorLinks(page)).toEqual([["Enter the theme's name in English", '#field-nameEn']]);
    expect(await themeWithCode('ferry-timetables')).toEqual({ code: 'ferry-timetables', names: { en: 'Ferry timetables' }, retired: false });
  });

  it('answers not found for a theme that does not exist, and for a code no theme could have', async () => {
    const admin = await fixture.browserFor('admin');
    expect((await admin.get('/admin/themes/no-such-theme/edit')).statusCode).toBe(404);
    expect((await admin.post('/admin/themes/no-such-theme', themeForm({ nameEn: 'Anything' }))).statusCode).toBe(404);
    expect((await admin.get('/admin/themes/Not_A_Code/edit')).statusCode).toBe(404);
  });

  it('refuses a stakeholder, an editor and a coordinator who post the edit form anyway, and changes nothing', async () => {
    const before = await themeWithCode('digital-services');
    for (const role of ['stakeholderA', 'editorA', 'coordinator'] as const) {
      const response = await (await fixture.browserFor(role)).post('/admin/themes/digital-services', themeForm({ nameEn: 'Hijacked', retired: 'yes' }));
      expect(response.statusCode, role).toBe(403);
    }
    expect(await themeWithCode('digital-services')).toEqual(before);
  });
});
