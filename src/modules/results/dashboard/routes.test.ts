/** The results dashboard as people use it: who sees which values, the filters, the records, the charts and the downloads. */
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { aPartner } from '../../../core/testing/factories.js';
import { aReport, aTarget, anIndicator } from '../figures/test-support.js';
import { indicatorFiguresDownloadSchema } from './api.js';

const fixture = useWorld();
const ids: Record<string, number> = {};
let strangerPartner: number;

beforeAll(async () => {
  const { db } = fixture.context;
  const { programme, otherProgramme, partnerA, partnerB } = fixture.world;
  ids.reported = await anIndicator(db, programme.id, {
    code: 'RCR01',
    names: JSON.stringify({ en: 'Organisations cooperating across borders', it: 'Organizzazioni che cooperano oltre i confini' }),
    programme_target: 200,
  });
  await aTarget(db, ids.reported, partnerA.id, 100);
  await aReport(db, {
    indicatorId: ids.reported,
    partnerId: partnerA.id,
    semester: 1,
    value: 40,
    evidence: 2,
    explanation: 'Forty firms joined the harbour data space',
  });
  await aReport(db, { indicatorId: ids.reported, partnerId: partnerA.id, semester: 3, value: 7 });
  await aReport(db, { indicatorId: ids.reported, partnerId: partnerB.id, semester: 2, value: 25, status: 'submitted', explanation: 'Twenty-five awaiting' });
  ids.private = await anIndicator(db, programme.id, { code: 'INT01', names: JSON.stringify({ en: 'Internal staff hours' }), public: false });
  await aReport(db, { indicatorId: ids.private, partnerId: partnerA.id, semester: 1, value: 12 });
  ids.empty = await anIndicator(db, programme.id, { code: 'EMPTY', names: JSON.stringify({ en: 'Solutions taken up' }) });
  ids.injected = await anIndicator(db, programme.id, { code: 'CSV01', names: JSON.stringify({ en: '=HYPERLINK("http://evil.example","click")' }) });
  strangerPartner = (await aPartner(db, otherProgramme.id)).id;
});

const anonymousBrowser = () => new TestBrowser(fixture.context.app);

describe('the results dashboard', () => {
  it('shows the public the five measures and the validated values only, each linked to its records', async () => {
    const page = await anonymousBrowser().page('/results');
    expect(page.screen.getByRole('heading', { level: 1 }).textContent).toContain('Results');
    expect(page.screen.getByRole('heading', { level: 3, name: 'Participation in thematic events and workshops' })).toBeTruthy();
    expect(page.mainText).toContain('Participation = the events held');
    const section = page.document.getElementById(`indicator-${ids.reported}`)?.closest('section');
    expect(section?.textContent).toContain('Value 47 of a target of 200');
    expect(section?.querySelector('progress')?.getAttribute('aria-label')).toContain('RCR01');
    expect(section?.querySelector('progress')?.textContent).toContain('24 % of the target');
    expect(page.mainText).not.toContain('Awaiting validation');
    expect(page.mainText).not.toContain('72');
    expect(page.mainText).not.toContain('Internal staff hours');
    expect(page.document.getElementById(`indicator-${ids.empty}`)?.closest('section')?.textContent).toContain('No data yet for this indicator.');
    const link = [...(section?.querySelectorAll('a.figure-link') ?? [])].find((anchor) => anchor.textContent === '47');
    expect(link?.getAttribute('href')).toBe(`/results/indicators/${ids.reported}/records?semester=8`);
    // The table per partner is on the indicator's own page, which the heading links to with the same filters.
    const heading = page.document.getElementById(`indicator-${ids.reported}`)?.querySelector('a');
    expect(heading?.getAttribute('href')).toBe(`/results/indicators/${ids.reported}?semester=8`);
    const own = await anonymousBrowser().page(`/results/indicators/${ids.reported}`);
    expect(own.screen.getByRole('table', { name: /RCR01 – Organisations cooperating across borders by partner/ }).textContent).toContain('100');
  });

  it('shows the programme’s staff the values awaiting validation, marked and kept out of the total', async () => {
    const page = await (await fixture.browserFor('coordinator')).page('/results');
    const section = page.document.getElementById(`indicator-${ids.reported}`)?.closest('section');
    expect(section?.textContent).toContain('Value 47 of a target of 200');
    expect(section?.textContent).toContain('Awaiting validation 72 including the values awaiting validation');
    expect(page.mainText).toContain('Internal staff hours');
    expect(page.mainText).toContain('Progress report for semester 8 (Word)');
  });

  it('filters by partner and semester through stable URLs, and keeps the choice in the form', async () => {
    const { partnerA } = fixture.world;
    const page = await anonymousBrowser().page(`/results?partner=${partnerA.id}&semester=2`);
    const section = page.document.getElementById(`indicator-${ids.reported}`)?.closest('section');
    expect(section?.textContent).toContain('Value 40 of a target of 100');
    expect(page.document.querySelector<HTMLSelectElement>('select[name=semester]')?.value).toBe('2');
    expect(page.document.querySelector<HTMLSelectElement>('select[name=partner]')?.value).toBe(String(partnerA.id));
    const own = await anonymousBrowser().page(`/results/indicators/${ids.reported}?partner=${partnerA.id}&semester=2`);
    expect(own.document.querySelector('main img')?.getAttribute('src')).toBe(`/results/indicators/${ids.reported}/trend.svg?partner=${partnerA.id}&semester=2`);
    const later = await anonymousBrowser().page(`/results?partner=${partnerA.id}&semester=3`);
    expect(later.document.getElementById(`indicator-${ids.reported}`)?.closest('section')?.textContent).toContain('Value 47 of a target of 100');
  });

  it('refuses a semester or a partner the programme does not have with a page saying what to choose, and ignores text', async () => {
    const tooLate = await anonymousBrowser().get('/results?semester=99');
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.body).toContain('Choose a semester from 1 to 8.');
    const stranger = await anonymousBrowser().get(`/results?partner=${strangerPartner}`);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('not a partner of this programme');
    const csv = await anonymousBrowser().get('/results/indicators.csv?semester=0');
    expect(csv.statusCode).toBe(400);
    expect((JSON.parse(csv.body) as { message: string }).message).toContain('Choose a semester');
    expect((await anonymousBrowser().get('/results?semester=first&partner=harbour')).statusCode).toBe(200);
  });

  it('lists the reports behind a value: the public sees the validated ones, the staff also those awaiting validation', async () => {
    const url = `/results/indicators/${ids.reported}/records?semester=2`;
    const page = await anonymousBrowser().page(url);
    expect(page.mainText).toContain('Total: 40');
    expect(page.mainText).toContain('Forty firms joined the harbour data space');
    expect(page.mainText).not.toContain('Twenty-five awaiting');
    const table = page.screen.getByRole('table', { name: /1 reported value/ });
    expect(table.textContent).toContain('2');
    const staff = await (await fixture.browserFor('coordinator')).page(url);
    expect(staff.mainText).toContain('Twenty-five awaiting');
    expect(staff.mainText).toContain('65 including the values awaiting validation');
    expect((await anonymousBrowser().get(`/results/indicators/${ids.private}/records`)).statusCode).toBe(404);
  });

  it('lists the records behind a success measure’s figure that no indicator shows, and knows no formula the platform lacks', async () => {
    const page = await anonymousBrowser().page('/results/formulas/maturity.improvement/records?semester=4');
    expect(page.mainText).toContain('No records make this figure yet.');
    expect((await anonymousBrowser().get('/results/formulas/nothing.here/records')).statusCode).toBe(404);
  });

  it('draws the trend as an SVG with a title and a description, beside a CSV of the same figures', async () => {
    const svg = await anonymousBrowser().get(`/results/indicators/${ids.reported}/trend.svg?semester=3`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(
      /<svg[^>]*><title>RCR01 – Organisations cooperating across borders: trend by semester<\/title><desc>The whole programme: Semester 1: 40; Semester 2: 40; Semester 3: 47\. Target: 200\.<\/desc>/,
    );
    const csv = await anonymousBrowser().get(`/results/indicators/${ids.reported}/trend.csv?semester=3`);
    expect(
      csv.body
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .slice(0, 2),
    ).toEqual(['code,semester,as_at,value,target', 'RCR01,1,2020-01-31,40,200']);
  });

  it('exports one row per indicator, partner and semester as CSV, with formulas neutralised', async () => {
    const response = await anonymousBrowser().get('/results/indicators.csv?semester=3');
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(lines[0]).toBe('code,name,unit,kind,method,level,partner_id,partner,semester,as_at,baseline,target,value,validated,evidence_count');
    expect(lines).toContain(`RCR01,Organisations cooperating across borders,count,output,reported,programme,,,3,2021-01-31,0,200,47,true,2`);
    expect(lines.some((line) => line.startsWith(`CSV01,"'=HYPERLINK(`))).toBe(true);
    expect(lines.some((line) => line.includes(',false,'))).toBe(false);
  });

  it('exports the same rows as JSON that the OpenAPI schema reads, with the staff’s awaiting values as rows of their own', async () => {
    const publicRows = indicatorFiguresDownloadSchema.parse(JSON.parse((await anonymousBrowser().get('/results/indicators.json')).body));
    expect(publicRows.filter((row) => row.code === 'RCR01' && row.level === 'programme').map((row) => row.value)).toEqual([40, 40, 47, 47, 47, 47, 47, 47]);
    expect(publicRows.every((row) => row.validated)).toBe(true);
    const staff = await fixture.browserFor('coordinator');
    const staffRows = indicatorFiguresDownloadSchema.parse(JSON.parse((await staff.get('/results/indicators.json?semester=2')).body));
    const programmeRows = staffRows.filter((row) => row.code === 'RCR01' && row.level === 'programme');
    expect(programmeRows.map((row) => [row.value, row.validated, row.evidence_count])).toEqual([
      [40, true, 2],
      [65, false, 2],
    ]);
    const openapi = JSON.parse((await anonymousBrowser().get('/openapi.json')).body) as { paths: Record<string, { get: { operationId: string } }> };
    expect(openapi.paths['/results/indicators.json']?.get.operationId).toBe('downloadIndicatorFiguresJson');
  });

  it('gives the staff the semester’s progress report as a Word document, and refuses it to the public', async () => {
    const response = await (await fixture.browserFor('coordinator')).get('/results/report.docx?semester=3');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const { value: text } = await mammoth.extractRawText({ buffer: response.rawPayload });
    expect(text).toContain('progress report for semester 3');
    expect(text).toContain('RCR01 – Organisations cooperating across borders');
    expect(text).toContain('Value at the end of the semester');
    expect(text).toContain(fixture.world.partnerA.name);
    expect((await anonymousBrowser().get('/results/report.docx?semester=3')).statusCode).toBe(303);
    expect((await (await fixture.browserFor('plainUser')).get('/results/report.docx?semester=3')).statusCode).toBe(403);
    expect((await (await fixture.browserFor('otherCoordinator')).get('/results/report.docx?semester=3')).statusCode).toBe(403);
  });
});
