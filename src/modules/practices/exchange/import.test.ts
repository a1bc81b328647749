/** Bulk import of practices: whole files or nothing, every problem by line and column, bounded memory on big files. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../core/audit/queries.js';
import { getTranslator } from '../../../core/i18n/i18n.js';
import { systemActor } from '../../../core/policy/actor.js';
import { valueOf } from '../../../core/testing/factories.js';
import { readPage } from '../../../core/testing/http.js';
import { peakLiveMemory } from '../../../core/testing/memory.js';
import { useWorld } from '../../../core/testing/world.js';
import { createTheme, updateTheme } from '../../themes/service.js';
import { importFromCli } from './cli.js';
import type { AdjustOptions } from './import-adjust.js';
import { importPractices, type ImportReport } from './import.js';

const fixture = useWorld();
let folder = '';
const system = systemActor('test import');

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'better-import-test-'));
});
afterAll(async () => rm(folder, { recursive: true, force: true }));

async function file(name: string, content: string | Buffer): Promise<string> {
  const target = path.join(folder, name);
  await writeFile(target, content);
  return target;
}

const header = 'title,owner_partner,language,summary,themes,keywords,status,title_it';

async function run(
  name: string,
  content: string | Buffer,
  options: { skipInvalid?: boolean; actor?: Parameters<typeof importPractices>[1]; adjust?: AdjustOptions; dryRun?: boolean } = {},
): Promise<ImportReport> {
  const format = name.endsWith('.json') ? 'json' : 'csv';
  return importPractices(
    fixture.context.db,
    options.actor ?? system,
    { path: await file(name, content), format },
    {
      programmeId: fixture.world.programme.id,
      skipInvalid: options.skipInvalid ?? false,
      ...(options.adjust ? { adjust: options.adjust } : {}),
      dryRun: options.dryRun ?? false,
    },
  );
}

async function countTitled(prefix: string): Promise<number> {
  const rows = await fixture.context.db.selectFrom('practices').select('id').where('title', 'like', `${prefix}%`).execute();
  return rows.length;
}

describe('importing a valid file', () => {
  it('imports every row of a CSV, finding partners by name, short name or number, with history and audit entries', async () => {
    const { partnerA, partnerB } = fixture.world;
    const csv = [
      header,
      `Imported one,${partnerA.name},en,"First, with a comma",digital-services;open-data,alpha;beta,published,Importata uno`,
      `Imported two,${partnerB.shortName},it,Seconda,payments,,draft,`,
      `Imported three,${partnerA.id},en,"Third with ""quotes""",skills,,,`,
    ].join('\r\n');
    const report = await run('valid.csv', csv);
    expect(report).toMatchObject({ rows: 3, valid: 3, invalid: 0, imported: 3, problems: [] });
    const rows = await fixture.context.db
      .selectFrom('practices')
      .select(['title', 'status', 'owner_partner_id', 'keywords', 'translations', 'summary'])
      .where('title', 'like', 'Imported %')
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        title: 'Imported one',
        status: 'published',
        owner_partner_id: partnerA.id,
        keywords: ['alpha', 'beta'],
        translations: { it: { title: 'Importata uno' } },
        summary: 'First, with a comma',
      },
      { title: 'Imported two', status: 'draft', owner_partner_id: partnerB.id, keywords: [], translations: {}, summary: 'Seconda' },
      { title: 'Imported three', status: 'draft', owner_partner_id: partnerA.id, keywords: [], translations: {}, summary: 'Third with "quotes"' },
    ]);
    const audit = await listAuditEvents(
      fixture.context.db,
      { entityType: 'practice', entityId: null, actorUserId: null, action: 'practice.import', from: null, to: null },
      10,
      null,
    );
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('imports a JSON array whose themes, keywords and links are lists', async () => {
    const json = JSON.stringify([
      {
        title: 'JSON practice',
        owner_partner: fixture.world.partnerA.shortName,
        language: 'en',
        summary: 'From JSON',
        themes: ['skills', 'open-data'],
        links: ['https://example.org/a'],
        keywords: ['k1', 'k2'],
      },
    ]);
    const report = await run('valid.json', json);
    expect(report).toMatchObject({ rows: 1, imported: 1 });
    const row = await fixture.context.db.selectFrom('practices').select(['links', 'keywords']).where('title', '=', 'JSON practice').executeTakeFirstOrThrow();
    expect(row).toEqual({ links: ['https://example.org/a'], keywords: ['k1', 'k2'] });
  });
});

describe('refusing bad rows', () => {
  const bad = () =>
    [
      header,
      `Good row,${fixture.world.partnerA.shortName},en,Fine,skills,,,`,
      `,${fixture.world.partnerA.shortName},en,No title,skills,,,`,
      `Long summary,${fixture.world.partnerA.shortName},en,${'x'.repeat(501)},skills,,,`,
      `Unknown theme,${fixture.world.partnerA.shortName},en,Theme,astrology,,,`,
      `Unknown partner,Atlantis City,en,Partner,skills,,,`,
      `Bad status,${fixture.world.partnerA.shortName},en,Status,skills;astrology,,archived,`,
    ].join('\n');

  it('reports every bad row by line and column, in words, and writes nothing', async () => {
    const report = await run('bad.csv', bad());
    expect(report).toMatchObject({ rows: 6, valid: 1, invalid: 5, imported: 0 });
    // Every problem of a row at once, a wrong status included.
    const t = (await getTranslator()).translate('en');
    expect(report.problems.map((problem) => [problem.position, problem.column, t(problem.key, problem.values)])).toEqual([
      [3, 'title', "Enter the practice's title"],
      [4, 'summary', 'Enter a summary of 500 characters or fewer'],
      [5, 'themes', 'Unknown themes: astrology'],
      [6, 'owner_partner', 'No partner of the programme is called “Atlantis City”'],
      [7, 'status', 'The status must be draft, submitted, returned, published, proposed or declined'],
      [7, 'themes', 'Unknown themes: astrology'],
    ]);
    expect(await countTitled('Good row')).toBe(0);
  });

  it('lists every problem of a row at once: a bad field does not hide its unknown themes, organisation, owner or duplicate title', async () => {
    const own = fixture.world.partnerA.shortName;
    const csv = [
      'title,owner_partner,owner_organisation,language,summary,themes',
      `All at once,${own},,en,Fine,skills`,
      `All at once,${own},Nobody Ltd,en,${'x'.repeat(501)},skills;astrology`,
      `,${own},,en,,astrology`,
      `All at once elsewhere,${fixture.world.partnerB.shortName},,en,,skills`,
    ].join('\n');
    const report = await run('all-at-once.csv', csv, { actor: fixture.world.users.editorA.actor });
    expect(report.problems.map((problem) => [problem.position, problem.column, problem.key])).toEqual([
      [3, 'title', 'practices.import.rowErrors.duplicateInFile'],
      [3, 'owner_organisation', 'practices.import.rowErrors.organisationNotInGroup'],
      [3, 'summary', 'practices.form.summary.tooLong'],
      [3, 'themes', 'practices.import.rowErrors.unknownThemes'],
      [4, 'title', 'practices.form.title.required'],
      [4, 'summary', 'practices.form.summary.required'],
      [4, 'themes', 'practices.import.rowErrors.unknownThemes'],
      [5, 'owner_partner', 'practices.import.rowErrors.forbidden'],
      [5, 'summary', 'practices.form.summary.required'],
    ]);
  });

  it('refuses, with the summary option, a long summary whose full text the description has no room for, as one problem', async () => {
    const own = fixture.world.partnerA.shortName;
    const csv = [
      'title,owner_partner,language,summary,themes,description',
      `No room for the summary,${own},en,${'A sentence of the summary. '.repeat(25).trim()},skills,${'d'.repeat(19_800)}`,
    ].join('\n');
    const report = await run('no-room.csv', csv, { adjust: { fixSummaries: true, createThemes: false } });
    expect(report.problems.map((problem) => [problem.position, problem.column, problem.key])).toEqual([
      [2, 'summary', 'practices.import.rowErrors.summaryNotKept'],
    ]);
    expect(report.changes).toEqual([]);
  });

  it('names the line where a row starts when a description runs over several lines', async () => {
    const own = fixture.world.partnerA.shortName;
    const csv = [
      'title,owner_partner,language,summary,themes,description',
      `Multi-line one,${own},en,Fine,skills,"First line`,
      '',
      'third line"',
      `,${own},en,No title,skills,"Also`,
      'two lines"',
      `Multi-line three,${own},en,Fine,astrology,`,
    ].join('\r\n');
    const report = await run('multiline.csv', csv);
    expect(report.problems.map((problem) => [problem.position, problem.column])).toEqual([
      [5, 'title'],
      [7, 'themes'],
    ]);
  });

  it('with skip-invalid, imports exactly the valid rows', async () => {
    const report = await run('bad-skip.csv', bad().replace('Good row', 'Good row kept'), { skipInvalid: true });
    expect(report).toMatchObject({ valid: 1, invalid: 5, imported: 1 });
    expect(await countTitled('Good row kept')).toBe(1);
  });

  it('flags a likely duplicate within the file and against the library', async () => {
    const { partnerA } = fixture.world;
    await run('first.csv', [header, `Already in the library,${partnerA.shortName},en,Once,skills,,,`].join('\n'));
    const report = await run(
      'duplicates.csv',
      [
        header,
        `Already in the library,${partnerA.shortName},en,Twice,skills,,,`,
        `Twin,${partnerA.shortName},en,A,skills,,,`,
        `twin ,${partnerA.shortName},en,B,skills,,,`,
      ].join('\n'),
    );
    const t = (await getTranslator()).translate('en');
    expect(report.problems.map((problem) => [problem.position, t(problem.key, problem.values)])).toEqual([
      [2, 'The partner already has a practice with this title'],
      [4, 'The same partner and title are on line 3'],
    ]);
  });

  it('warns of a title very like another of the partner’s, in the library or earlier in the file, and imports it all the same', async () => {
    const { partnerA, partnerB } = fixture.world;
    await run('similar-first.csv', [header, `Tartu open data portal for citizens,${partnerA.shortName},en,Once,skills,,,`].join('\n'));
    const report = await run(
      'similar.csv',
      [
        header,
        `Open data portal of Tartu for citizens,${partnerA.shortName},en,Reworded,skills,,,`,
        `Digital payments of municipal fees,${partnerA.shortName},en,A,skills,,,`,
        `Digital payment of municipal fees,${partnerA.shortName},en,B,skills,,,`,
        `Digital payment of municipal fees in Tartu,${partnerB.shortName},en,Another partner,skills,,,`,
      ].join('\n'),
    );
    expect(report).toMatchObject({ valid: 4, invalid: 0, imported: 4, problems: [], warningCount: 2 });
    const t = (await getTranslator()).translate('en');
    expect(report.warnings.map((warning) => [warning.position, warning.column, t(warning.key, warning.values)])).toEqual([
      [2, 'title', 'The partner already has a practice with a very similar title, “Tartu open data portal for citizens”'],
      [4, 'title', 'The title is very like the one on line 3, for the same partner'],
    ]);
    const cli = await importFromCli(
      fixture.context.db,
      await file('similar-cli.csv', [header, `Tartu open data portal for all citizens,${partnerA.shortName},en,Again,skills,,,`].join('\n')),
      { programme: fixture.world.programme.slug, skipInvalid: false, t, progress: false },
    );
    expect(cli.message).toContain('line 2, title: The partner already has a practice with a very similar title');
  });

  it('lets an editor import only for their own partner, as draft or submitted, never with a reviewer’s status', async () => {
    const editor = fixture.world.users.editorA.actor;
    const own = fixture.world.partnerA.shortName;
    const report = await run(
      'editor.csv',
      [
        header,
        `Mine,${own},en,A,skills,,,`,
        `Theirs,${fixture.world.partnerB.shortName},en,B,skills,,,`,
        `Published by me,${own},en,C,skills,,published,`,
        `Submitted by me,${own},en,D,skills,,submitted,`,
        `Returned by me,${own},en,E,skills,,returned,`,
        `Proposed to me,${own},en,F,skills,,proposed,`,
        `Declined by me,${own},en,G,skills,,declined,`,
      ].join('\n'),
      { actor: editor },
    );
    expect(report.problems.map((problem) => [problem.position, problem.column, problem.key])).toEqual([
      [3, 'owner_partner', 'practices.import.rowErrors.forbidden'],
      [4, 'status', 'practices.import.rowErrors.statusForbidden'],
      [6, 'status', 'practices.import.rowErrors.statusForbidden'],
      [7, 'status', 'practices.import.rowErrors.statusForbidden'],
      [8, 'status', 'practices.import.rowErrors.statusForbidden'],
    ]);
    expect(report.imported).toBe(0);
    const t = (await getTranslator()).translate('it');
    expect(t('practices.import.rowErrors.statusForbidden')).toBe('Solo il coordinatore può importare pratiche con uno stato diverso da draft o submitted');

    const submitted = await run('editor-submits.csv', [header, `Submitted for review by import,${own},en,D,skills,,submitted,`].join('\n'), { actor: editor });
    expect(submitted.imported).toBe(1);
    const row = await fixture.context.db
      .selectFrom('practices')
      .select(['status', 'submitted_at'])
      .where('title', '=', 'Submitted for review by import')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('submitted');
    expect(row.submitted_at).toBeInstanceOf(Date);
  });
});

describe('theme cells', () => {
  const createThemes: AdjustOptions = { fixSummaries: false, createThemes: true };
  const themeCodesOf = async (title: string) =>
    (await fixture.context.db.selectFrom('practices').select('theme_codes').where('title', '=', title).executeTakeFirstOrThrow()).theme_codes;
  const themeCount = async () =>
    Number(
      (
        await fixture.context.db
          .selectFrom('themes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('find a theme by its name in any language, whatever the case, accents and spacing, and by its new name after a rename, adding none', async () => {
    const names = { nameIt: "Appalti per l'innovazione", nameEt: null, nameHu: null, nameSv: null, retired: false };
    valueOf(await updateTheme(fixture.context.db, fixture.world.users.admin.actor, 'procurement-of-innovation', { nameEn: 'Buying innovation', ...names }));
    const before = await themeCount();
    const own = fixture.world.partnerA.shortName;
    const csv = [
      'title,owner_partner,language,summary,themes',
      `Theme by its English name,${own},en,S,Digital public services`,
      `Theme by its Italian name,${own},it,S,Dati aperti`,
      `Theme written loosely,${own},hu,S,"digitalis   KOZSZOLGALTATASOK ; Città Intelligente"`,
      `Theme renamed,${own},en,S,Buying innovation`,
    ].join('\n');
    const report = await run('theme-names.csv', csv, { adjust: createThemes });
    expect(report).toMatchObject({ invalid: 0, imported: 4, problems: [], changes: [] });
    expect(await themeCodesOf('Theme by its English name')).toEqual(['digital-services']);
    expect(await themeCodesOf('Theme by its Italian name')).toEqual(['open-data']);
    expect(await themeCodesOf('Theme written loosely')).toEqual(['digital-services', 'smart-city']);
    expect(await themeCodesOf('Theme renamed')).toEqual(['procurement-of-innovation']);
    expect(await themeCount()).toBe(before);
  });

  it('add a theme only under a name the theme form takes, and refuse one whose code another theme has', async () => {
    const europe = 'Sustainable urban mobility planning and low emission zones for cities of Europe';
    valueOf(
      await createTheme(fixture.context.db, fixture.world.users.admin.actor, {
        nameEn: europe,
        nameIt: null,
        nameEt: null,
        nameHu: null,
        nameSv: null,
        retired: false,
      }),
    );
    const before = await themeCount();
    const own = fixture.world.partnerA.shortName;
    const tooLong = `Theme ${'with a very long name '.repeat(4)}`.trim();
    const csv = [
      'title,owner_partner,language,summary,themes',
      `Theme name too long,${own},en,S,${tooLong}`,
      `Theme cut to a taken code,${own},en,S,Sustainable urban mobility planning and low emission zones for cities of Asia`,
      `Theme on two lines,${own},en,S,"Civic\ntech"`,
      `Two themes cut to one code,${own},en,S,Cooperation between public administrations and universities in Italy`,
      `Two themes cut to one code again,${own},en,S,Cooperation between public administrations and universities in Spain`,
    ].join('\n');
    const report = await run('theme-validation.csv', csv, { adjust: createThemes, skipInvalid: true });
    const t = (await getTranslator()).translate('en');
    expect(report.problems.map((problem) => [problem.position, problem.column, t(problem.key, problem.values)])).toEqual([
      [2, 'themes', `The new theme “${tooLong}” has a name over 80 characters: shorten it`],
      [
        3,
        'themes',
        `The new theme “Sustainable urban mobility planning and low emission zones for cities of Asia” would get the code sustainable-urban-mobility-planning-and-low-emission-zones-f, which “${europe}” has: name it differently`,
      ],
      [
        7,
        'themes',
        'The new theme “Cooperation between public administrations and universities in Spain” would get the code cooperation-between-public-administrations-and-universities, which “Cooperation between public administrations and universities in Italy” has: name it differently',
      ],
    ]);
    expect(report.imported).toBe(2);
    const added = await fixture.context.db
      .selectFrom('themes')
      .select(['code', 'names'])
      .where('code', 'in', ['civic-tech', 'cooperation-between-public-administrations-and-universities'])
      .orderBy('code')
      .execute();
    expect(added.map((theme) => [theme.code, theme.names.en])).toEqual([
      ['civic-tech', 'Civic tech'],
      ['cooperation-between-public-administrations-and-universities', 'Cooperation between public administrations and universities in Italy'],
    ]);
    expect(await themeCount()).toBe(before + 2);
  });

  it('read a JSON list of themes item by item, so a comma inside one name stays in it', async () => {
    const json = JSON.stringify([
      {
        title: 'JSON theme with a comma',
        owner_partner: fixture.world.partnerA.shortName,
        language: 'en',
        summary: 'S',
        themes: ['Health, welfare', 'skills'],
      },
    ]);
    const report = await run('theme-list.json', json, { adjust: createThemes });
    expect(report).toMatchObject({ invalid: 0, imported: 1 });
    expect(report.changes.map((change) => change.values)).toEqual([{ code: 'health-welfare', name: 'Health, welfare' }]);
    expect(await themeCodesOf('JSON theme with a comma')).toEqual(['health-welfare', 'skills']);
  });
});

describe('refusing bad files', () => {
  it('names unknown and missing columns', async () => {
    expect((await run('unknown.csv', 'titel,owner_partner,language,summary,themes\nx,y,en,z,skills')).fileError).toEqual({
      key: 'practices.import.fileErrors.header_unknown',
      values: { columns: 'titel' },
    });
    expect((await run('missing.csv', 'title,owner_partner\nx,y')).fileError).toEqual({
      key: 'practices.import.fileErrors.header_missing',
      values: { columns: 'language, summary, themes' },
    });
  });

  it('stops at the first line that is not UTF-8, e.g. a file saved as Windows-1252', async () => {
    const latin1 = Buffer.from(
      `${header}\nGood,${fixture.world.partnerA.shortName},en,Fine,skills,,,\nG\xe4vle,${fixture.world.partnerA.shortName},en,Bad,skills,,,\n`,
      'latin1',
    );
    const report = await run('latin1.csv', latin1);
    expect(report.fileError).toEqual({ key: 'practices.import.fileErrors.not_utf8', values: { line: 3 } });
    expect(report.imported).toBe(0);
  });

  it('reports a row with the wrong number of values, broken CSV quoting and JSON that is not a list', async () => {
    const shaped = await run('columns.csv', `${header}\nOnly,two`);
    expect(shaped.problems[0]).toMatchObject({ position: 2, key: 'practices.import.rowErrors.columnCount', values: { found: 2, expected: 8 } });
    expect((await run('quotes.csv', `${header}\n"Unclosed,x,en,y,skills,,,`)).fileError?.key).toBe('practices.import.fileErrors.csv_syntax');
    expect((await run('object.json', '{"title": "x"}')).fileError?.key).toBe('practices.import.fileErrors.json_not_array');
    expect((await run('broken.json', '[{"title": ')).fileError?.key).toBe('practices.import.fileErrors.json_syntax');
    expect((await run('empty.csv', '')).fileError?.key).toBe('practices.import.fileErrors.empty');
  });

  it('checks 100,000 rows with bounded memory, reporting the one bad row and writing nothing', async () => {
    const lines = [header];
    for (let row = 1; row < 100_000; row += 1) lines.push(`Big ${row},${fixture.world.partnerA.shortName},en,Summary ${row},skills,,,`);
    lines.push(`,${fixture.world.partnerA.shortName},en,The last row has no title,skills,,,`);
    const big = await file('big.csv', `${lines.join('\n')}\n`);
    lines.length = 0;
    const { result: report, peakBytes } = await peakLiveMemory(() =>
      importPractices(fixture.context.db, system, { path: big, format: 'csv' }, { programmeId: fixture.world.programme.id, skipInvalid: false }),
    );
    expect(report).toMatchObject({ rows: 100_000, valid: 99_999, invalid: 1, imported: 0 });
    expect(report.problems.map(({ position, column, key }) => ({ position, column, key }))).toEqual([
      { position: 100_001, column: 'title', key: 'practices.form.title.required' },
    ]);
    expect(await countTitled('Big ')).toBe(0);
    // About 9 MB stays alive while it runs (the titles seen, for duplicates). The file is about 5 MB: holding it whole
    // measured 13.8 MB, keeping its rows 38.6 MB.
    expect(peakBytes).toBeLessThan(12 * 1024 * 1024);
  }, 120_000);
});

describe('the web import', () => {
  async function upload(fields: Record<string, string>, content: string, name = 'upload.csv', options: { csrf?: false } = {}) {
    const browser = await fixture.browserFor('coordinator');
    return browser.upload(
      '/practices/import',
      { file: { filename: name, content, contentType: 'text/csv' } },
      { programmeId: String(fixture.world.programme.id), ...fields },
      options,
    );
  }

  it('imports an uploaded file and shows the report', async () => {
    const page = readPage(await upload({}, `${header}\nUploaded through the web,${fixture.world.partnerB.shortName},en,Web,skills,,,\n`));
    expect(page.status).toBe(200);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('1 practice imported');
    expect(await countTitled('Uploaded through the web')).toBe(1);
  });

  it('shows each problem in a table and explains that nothing was written', async () => {
    const page = readPage(await upload({}, `${header}\n,${fixture.world.partnerB.shortName},en,No title,skills,,,\n`));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toBe('Nothing was imported');
    const cells = [...page.screen.getByRole('table', { name: 'Problems by line' }).querySelectorAll('tbody td')].map((cell) => cell.textContent);
    expect(cells).toEqual(['2', 'title', "Enter the practice's title"]);
  });

  it('shows a check of a file with problems as a refusal that says what to do, not as a success', async () => {
    const csv = `${header}\nChecked and refused,${fixture.world.partnerB.shortName},en,Fine,skills,,,\n,${fixture.world.partnerB.shortName},en,No title,skills,,,\n`;
    const page = readPage(await upload({ dryRun: 'yes' }, csv));
    expect(page.status).toBe(400);
    expect(page.title).toMatch(/^Error: File checked: it would not be imported/);
    expect(page.screen.getByRole('alert').textContent).toContain(
      '1 row has problems, so importing the file would write nothing. Correct it, or tick “Import the valid rows even if some rows have problems”.',
    );
    expect(page.mainText).not.toContain('Upload it again');
    const skipping = readPage(await upload({ dryRun: 'yes', skipInvalid: 'yes' }, csv));
    expect(skipping.status).toBe(200);
    expect(skipping.title).not.toMatch(/^Error/);
    expect(skipping.mainText).toContain('Importing it with the same options would add 1 practice. Upload it again with “Check and import” to import it.');
    expect(await countTitled('Checked and refused')).toBe(0);
  });

  it('refuses an upload without a CSRF token', async () => {
    expect((await upload({}, header, 'x.csv', { csrf: false })).statusCode).toBe(403);
  });

  it('refuses more rows than the web form takes, pointing to the command line', async () => {
    const rows = Array.from({ length: 5001 }, (_, index) => `Row ${index},${fixture.world.partnerA.shortName},en,S,skills,,,`);
    const page = readPage(await upload({}, `${header}\n${rows.join('\n')}\n`));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('alert').textContent).toContain('The file has 5001 rows; the web import takes up to 5000.');
    expect(await countTitled('Row ')).toBe(0);
  });

  it('asks for a .csv or .json file, at the file field', async () => {
    const page = readPage(await upload({}, 'whatever', 'practices.xlsx'));
    expect(page.status).toBe(400);
    expect(page.screen.getByRole('link', { name: 'Choose a file ending in .csv or .json' }).getAttribute('href')).toBe('#field-file');
    const field = page.screen.getByLabelText('File');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((id) => page.document.getElementById(id)?.textContent);
    expect(described).toContain('Error: Choose a file ending in .csv or .json');
  });
});

describe('the command line', () => {
  it('says what a refused import would change, only on the rows it would write, and never that changes were made', async () => {
    const t = (await getTranslator()).translate('en');
    const own = fixture.world.partnerA.shortName;
    const csv = await file(
      'cli-refused.csv',
      [
        'title,owner_partner,language,summary,themes',
        `,${own},en,No title,Theme of a refused row`,
        `Valid with a new theme,${own},en,S,Theme of a valid row`,
      ].join('\n'),
    );
    const options = { programme: fixture.world.programme.slug, skipInvalid: false, adjust: { fixSummaries: false, createThemes: true }, t, progress: false };
    const refused = await importFromCli(fixture.context.db, csv, options);
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(
      'Changes the import would make to the valid rows:\n  line 3, themes: Theme “Theme of a valid row” (code theme-of-a-valid-row) will be added to the list',
    );
    expect(refused.message).not.toContain('Theme of a refused row');
    expect(refused.message).not.toContain('Changes made');
    const checked = await importFromCli(fixture.context.db, csv, { ...options, dryRun: true });
    expect(checked.ok).toBe(false);
    expect(checked.message).toContain(
      'Checked only, nothing was written. The import would write nothing: correct the rows above, or run again with --skip-invalid to import only the valid rows.',
    );
  });

  it('prints the report in words and fails when nothing was imported', async () => {
    const t = (await getTranslator()).translate('en');
    const bad = await file('cli.csv', `${header}\n,${fixture.world.partnerA.shortName},en,No title,skills,,,\n`);
    const result = await importFromCli(fixture.context.db, bad, { programme: fixture.world.programme.slug, skipInvalid: false, t, progress: false });
    expect(result.ok).toBe(false);
    expect(result.message).toContain("line 2, title: Enter the practice's title");
    expect(result.message).toContain('Nothing was imported');
  });
});
