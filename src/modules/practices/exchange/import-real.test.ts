/**
 * Real good practices from other databases (fixtures/README.md), imported as a coordinator would: refused as they
 * are with every problem at once, checked with the options for real files, then imported on the command line.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { aPartner } from '../../../core/testing/factories.js';
import { readPage, type Page } from '../../../core/testing/http.js';
import { useWorld, type Role } from '../../../core/testing/world.js';
import { importFromCli } from './cli.js';

const fixture = useWorld();
const fixturePath = path.join(import.meta.dirname, 'fixtures', 'real-practices.csv');
let csv = '';

beforeAll(async () => {
  csv = await readFile(fixturePath, 'utf8');
  for (const shortName of ['Rotterdam', 'Riga', 'Madrid', 'Kraków', 'Helsinki', 'Bologna', 'Tallinn'])
    await aPartner(fixture.context.db, fixture.world.programme.id, { shortName, name: `City of ${shortName}` });
});

async function upload(role: Role, fields: Record<string, string>): Promise<Page> {
  const browser = await fixture.browserFor(role);
  return readPage(
    await browser.upload(
      '/practices/import',
      { file: { filename: 'real-practices.csv', content: csv, contentType: 'text/csv' } },
      { programmeId: String(fixture.world.programme.id), ...fields },
    ),
  );
}

const tableRows = (page: Page, name: string) =>
  [...page.screen.getByRole('table', { name }).querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent));
const count = async (table: 'practices' | 'themes') =>
  Number(
    (
      await fixture.context.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a real file as it is', () => {
  it('is refused with every problem of every row at once, at the line where each row starts', async () => {
    const page = await upload('coordinator', {});
    expect(page.status).toBe(400);
    expect(tableRows(page, 'Problems by line')).toEqual([
      ['2', 'summary', 'Enter a short summary'],
      ['2', 'themes', 'Unknown themes: Video services'],
      ['7', 'summary', 'Enter a summary of 500 characters or fewer'],
      ['7', 'themes', 'Unknown themes: One-stop shops'],
      ['8', 'themes', 'Unknown themes: Mobility'],
      ['11', 'summary', 'Enter a summary of 500 characters or fewer'],
      ['11', 'themes', 'Unknown themes: Circular economy'],
      ['12', 'themes', 'Unknown themes: Partecipazione civica'],
      ['14', 'themes', 'Unknown themes: Koosvõime'],
    ]);
    expect(tableRows(page, 'Worth a look (warnings do not stop a row from being imported)')).toEqual([
      ['15', 'title', 'The title is very like the one on line 2, for the same partner'],
    ]);
  });
});

describe('the options for real files', () => {
  it('are offered to the coordinator only, and refused to an editor who asks for them anyway', async () => {
    expect(
      (await (await fixture.browserFor('coordinator')).page('/practices/import')).screen.queryByLabelText(/shorten summaries over 500 characters/),
    ).toBeTruthy();
    const editor = await fixture.browserFor('editorA');
    expect((await editor.page('/practices/import')).screen.queryByLabelText(/shorten summaries over 500 characters/)).toBeNull();
    const before = await count('themes');
    const page = await upload('editorA', { fixSummaries: 'yes', createThemes: 'yes' });
    expect(page.status).toBe(400);
    // The options are not on the editor's form: the refusal is shown once, at the file it was meant for.
    const refusal = 'Only the programme’s coordinator may let the import change summaries or add themes';
    expect([...page.screen.getByRole('alert').querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      [refusal, '#field-file'],
    ]);
    expect(page.screen.getByLabelText('File').getAttribute('aria-invalid')).toBe('true');
    expect(page.document.querySelector('.field--error')?.textContent).toContain(refusal);
    expect(await count('themes')).toBe(before);
  });

  it('show each change by line in a check that writes nothing', async () => {
    const [practices, themes] = [await count('practices'), await count('themes')];
    const page = await upload('coordinator', { fixSummaries: 'yes', createThemes: 'yes', dryRun: 'yes' });
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('File checked: nothing was written');
    expect(page.mainText).toContain('Importing it with the same options would add 8 practices.');
    expect(tableRows(page, 'Changes the import would make to the rows')).toEqual([
      ['2', 'summary', expect.stringMatching(/^Summary taken from the description \(\d+ characters\)$/)],
      ['2', 'themes', 'Theme “Video services” (code video-services) will be added to the list'],
      ['7', 'summary', expect.stringMatching(/^Summary shortened from 768 to \d{3} characters; the full text is kept in the description$/)],
      ['7', 'themes', 'Theme “One-stop shops” (code one-stop-shops) will be added to the list'],
      ['8', 'themes', 'Theme “Mobility” (code mobility) will be added to the list'],
      ['11', 'summary', expect.stringMatching(/^Summary shortened from 687 to \d{3} characters; the full text is kept in the description$/)],
      ['11', 'themes', 'Theme “Circular economy” (code circular-economy) will be added to the list'],
      ['12', 'themes', 'Theme “Partecipazione civica” (code partecipazione-civica) will be added to the list'],
      ['14', 'themes', 'Theme “Koosvõime” (code koosvoime) will be added to the list'],
    ]);
    expect([await count('practices'), await count('themes')]).toEqual([practices, themes]);
  });

  it('import the file on the command line: summaries cut at a sentence with the full text kept, themes added in every language', async () => {
    const t = (await getTranslator()).translate('en');
    const result = await importFromCli(fixture.context.db, fixturePath, {
      programme: fixture.world.programme.slug,
      skipInvalid: false,
      adjust: { fixSummaries: true, createThemes: true },
      t,
      progress: false,
    });
    expect(result.ok).toBe(true);
    expect(result.message).toContain('imported: 8.');
    expect(result.message).toContain('line 7, summary: Summary shortened from 768 to');
    expect(result.message).toContain('line 15, title: The title is very like the one on line 2');

    const { db } = fixture.context;
    const practices = await db
      .selectFrom('practices')
      .select(['title', 'summary', 'description', 'keywords', 'language', 'theme_codes'])
      .where('programme_id', '=', fixture.world.programme.id)
      .execute();
    const byTitle = new Map(practices.map((practice) => [practice.title, practice]));
    const source = (await readFile(fixturePath, 'utf8')).replace(/\r\n/g, '\n');
    const latvia = byTitle.get('State and Municipal Unified Customer Service Centres');
    expect(latvia?.summary.length).toBeLessThanOrEqual(500);
    expect(latvia?.summary.endsWith('.')).toBe(true);
    expect(source).toContain(String(latvia?.description.split('\n\n')[0]));
    expect(latvia?.description.split('\n\n')[0]?.length).toBe(768);
    expect(latvia?.keywords).toEqual(['one-stop shop', 'customer service', 'e-government, open government']);
    expect(latvia?.theme_codes).toEqual(['digital-services', 'one-stop-shops']);
    const balie = byTitle.get('Digitale Balie: municipal service counter by video call');
    expect(balie?.summary.startsWith('During the COVID-19 pandemic the municipality of Rotterdam opened a digital service counter')).toBe(true);
    expect(byTitle.get('Iperbole, la rete civica del Comune di Bologna')?.language).toBe('it');

    const added = await db.selectFrom('themes').select(['code', 'names']).where('code', 'in', ['koosvoime', 'circular-economy']).orderBy('code').execute();
    expect(added).toEqual([
      {
        code: 'circular-economy',
        names: { en: 'Circular economy', it: 'Circular economy', et: 'Circular economy', hu: 'Circular economy', sv: 'Circular economy' },
      },
      { code: 'koosvoime', names: { en: 'Koosvõime', it: 'Koosvõime', et: 'Koosvõime', hu: 'Koosvõime', sv: 'Koosvõime' } },
    ]);
    const audited = await db.selectFrom('audit_events').select('entity_id').where('action', '=', 'theme.create').execute();
    expect(audited.map((entry) => entry.entity_id)).toEqual(
      expect.arrayContaining(['video-services', 'one-stop-shops', 'mobility', 'circular-economy', 'partecipazione-civica', 'koosvoime']),
    );
  });
});
