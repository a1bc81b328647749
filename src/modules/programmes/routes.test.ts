/** Setting up and keeping programmes and phases, through HTTP. */
import { describe, expect, it } from 'vitest';
import { readPage } from '../../core/testing/http.js';
import { useWorld } from '../../core/testing/world.js';
import { findProgramme, listPhases } from './service.js';

const fixture = useWorld();

const programmeFields = {
  slug: 'interreg-demo',
  acronym: 'DEMO',
  title: 'A second programme',
  summary: 'Hosted beside BETTER.',
  startsOn: '2024-01-01',
  endsOn: '2027-12-31',
};

describe('programmes', () => {
  it('lets an administrator set up a second programme', async () => {
    const browser = await fixture.browserFor('admin');
    const response = await browser.post('/programmes', programmeFields);
    expect(response.statusCode).toBe(303);
    const page = await browser.page(String(response.headers.location));
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('A second programme');
    expect(page.mainText).toContain('1 January 2024 to 31 December 2027');
    expect(page.mainText).toContain('8 reporting semesters');
  });

  it('refuses an end date before the start and a web name already taken', async () => {
    const browser = await fixture.browserFor('admin');
    const page = readPage(await browser.post('/programmes', { ...programmeFields, slug: fixture.world.programme.slug, endsOn: '2023-12-31' }));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'The end date must be after the start date' }).getAttribute('href')).toBe('#field-endsOn');
    const taken = readPage(await browser.post('/programmes', { ...programmeFields, slug: fixture.world.programme.slug }));
    expect(taken.screen.getByRole('link', { name: 'Another programme already uses this short name' })).toBeTruthy();
  });

  it('refuses a programme in year 0001 or 9999, saying which years are accepted', async () => {
    const browser = await fixture.browserFor('admin');
    const page = readPage(await browser.post('/programmes', { ...programmeFields, slug: 'year-one', startsOn: '0001-01-01', endsOn: '9999-12-31' }));
    expect(page.status).toBe(400);
    expect([...page.document.querySelectorAll('.error-summary a')].map((link) => link.textContent)).toEqual([
      'Enter a date between 1900 and 2100',
      'Enter a date between 1900 and 2100',
    ]);
  });

  it('lets the programme’s coordinator edit it, but not a coordinator of another programme or an editor', async () => {
    const fields = {
      slug: fixture.world.programme.slug,
      acronym: fixture.world.programme.acronym,
      title: 'Renamed by its coordinator',
      summary: '',
      startsOn: fixture.world.programme.startsOn,
      endsOn: fixture.world.programme.endsOn,
    };
    expect(
      (await (await fixture.browserFor('otherCoordinator')).post(`/programmes/${fixture.world.programme.id}`, { ...fields, title: 'Hijack' })).statusCode,
    ).toBe(403);
    expect((await (await fixture.browserFor('editorA')).post(`/programmes/${fixture.world.programme.id}`, { ...fields, title: 'Hijack' })).statusCode).toBe(
      403,
    );
    expect((await (await fixture.browserFor('coordinator')).post(`/programmes/${fixture.world.programme.id}`, fields)).statusCode).toBe(303);
    expect((await findProgramme(fixture.context.db, fixture.world.programme.id))?.title).toBe('Renamed by its coordinator');
  });

  it('does not let a coordinator set up programmes', async () => {
    expect((await (await fixture.browserFor('coordinator')).get('/programmes/new')).statusCode).toBe(403);
  });
});

describe('the language of the programme’s texts', () => {
  it('is asked with each language in its own name, refused in Italian if unknown while keeping what was typed, and marks the texts on pages in another language', async () => {
    const browser = await fixture.browserFor('admin');
    const form = await browser.page('/programmes/new');
    const select = form.document.querySelector<HTMLSelectElement>('select[name="textLanguage"]');
    expect(select?.value).toBe('en');
    expect([...(select?.options ?? [])].map((option) => option.textContent)).toEqual(['English', 'Italiano', 'Eesti', 'Magyar', 'Svenska']);

    await browser.get('/language/it?next=%2F');
    const refused = readPage(await browser.post('/programmes', { ...programmeFields, slug: 'in-klingon', textLanguage: 'tlh' }));
    expect(refused.status).toBe(400);
    expect(refused.screen.getByRole('link', { name: "Scegli dall'elenco la lingua dei testi" }).getAttribute('href')).toBe('#field-textLanguage');
    expect(refused.document.querySelector<HTMLInputElement>('input[name="title"]')?.value).toBe('A second programme');
    expect(refused.document.querySelector<HTMLTextAreaElement>('textarea[name="summary"]')?.value).toBe('Hosted beside BETTER.');
    expect(await fixture.context.db.selectFrom('programmes').select('id').where('slug', '=', 'in-klingon').executeTakeFirst()).toBeUndefined();

    const created = await browser.post('/programmes', { ...programmeFields, slug: 'scritto-in-inglese', textLanguage: 'en' });
    expect(created.statusCode).toBe(303);
    const inItalian = await browser.page(String(created.headers.location));
    expect(inItalian.screen.getByRole('heading', { level: 1 }).querySelector('[lang="en"]')?.textContent).toBe('A second programme');
    expect(inItalian.document.querySelector('p.lead')?.getAttribute('lang')).toBe('en');

    await browser.get('/language/en?next=%2F');
    const inEnglish = await browser.page(String(created.headers.location));
    expect(inEnglish.document.querySelectorAll('main [lang]:not([hreflang])')).toHaveLength(0);
    const edit = await browser.page(`${String(created.headers.location)}/edit`);
    expect(edit.document.querySelector<HTMLSelectElement>('select[name="textLanguage"]')?.value).toBe('en');
  });
});

describe('phases', () => {
  it('adds, edits and deletes a phase within the programme’s dates', async () => {
    const browser = await fixture.browserFor('coordinator');
    const outside = readPage(
      await browser.post(`/programmes/${fixture.world.programme.id}/phases`, {
        number: '1',
        name: 'Learning',
        description: '',
        startsOn: '2010-01-01',
        endsOn: '2021-07-31',
      }),
    );
    expect(outside.status).toBe(400);
    expect(outside.screen.getByRole('link', { name: "The phase must lie within the programme's dates" })).toBeTruthy();

    expect(
      (
        await browser.post(`/programmes/${fixture.world.programme.id}/phases`, {
          number: '1',
          name: 'Learning',
          description: '',
          startsOn: '2019-08-01',
          endsOn: '2022-07-31',
        })
      ).statusCode,
    ).toBe(303);
    const duplicate = readPage(
      await browser.post(`/programmes/${fixture.world.programme.id}/phases`, {
        number: '1',
        name: 'Again',
        description: '',
        startsOn: '2019-08-01',
        endsOn: '2020-07-31',
      }),
    );
    expect(duplicate.screen.getByRole('link', { name: 'Another phase already has this number' })).toBeTruthy();

    const [phase] = await listPhases(fixture.context.db, fixture.world.programme.id);
    expect(phase?.name).toBe('Learning');
    expect(
      (
        await browser.post(`/programmes/${fixture.world.programme.id}/phases/${phase?.id}`, {
          number: '1',
          name: 'Interregional learning',
          description: 'Semesters 1–6',
          startsOn: '2019-08-01',
          endsOn: '2022-07-31',
        })
      ).statusCode,
    ).toBe(303);
    const page = await browser.page(`/programmes/${fixture.world.programme.id}`);
    expect(page.screen.getByRole('heading', { name: 'Phase 1: Interregional learning' })).toBeTruthy();

    expect((await browser.post(`/programmes/${fixture.world.programme.id}/phases/${phase?.id}/delete`, {})).statusCode).toBe(303);
    expect(await listPhases(fixture.context.db, fixture.world.programme.id)).toEqual([]);
  });

  it('answers 404 for a phase of another programme reached through this one', async () => {
    const browser = await fixture.browserFor('admin');
    await browser.post(`/programmes/${fixture.world.otherProgramme.id}/phases`, {
      number: '1',
      name: 'Other',
      description: '',
      startsOn: '2019-08-01',
      endsOn: '2020-07-31',
    });
    const [phase] = await listPhases(fixture.context.db, fixture.world.otherProgramme.id);
    expect((await browser.get(`/programmes/${fixture.world.programme.id}/phases/${phase?.id}/edit`)).statusCode).toBe(404);
  });
});
