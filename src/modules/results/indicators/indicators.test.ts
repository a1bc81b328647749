/**
 * Indicators as the coordinator keeps them: defining one with targets per partner, every bad input shown at its
 * field at once (in English and Italian) with nothing written, switching the built-in set on and off, and a new
 * programme starting with the built-in set.
 */
import { describe, expect, it } from 'vitest';
import { aProgramme } from '../../../core/testing/factories.js';
import { readPage, TestBrowser } from '../../../core/testing/http.js';
import { useWorld } from '../../../core/testing/world.js';
import { builtinIndicators } from './builtin.js';

const fixture = useWorld();

function anIndicatorForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    code: 'MEDIA-2',
    name_en: 'Newsletters sent',
    name_it: 'Newsletter inviate',
    definition_en: 'Newsletters sent to the stakeholder groups.',
    kind: 'output',
    unit: 'count',
    level: ['programme', 'partner'],
    method: 'reported',
    formula: '',
    baseline: '0',
    programmeTarget: '12',
    targetDate: '2023-07-31',
    public: 'yes',
    ...overrides,
  };
}

const indicatorCount = async () => (await fixture.context.db.selectFrom('indicators').select('id').execute()).length;

describe('defining indicators', () => {
  it('adds an indicator with a target per partner, shown in the programme’s list', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const { programme, partnerA, partnerB } = fixture.world;
    const response = await coordinator.post(
      `/results/indicators?programme=${programme.id}`,
      anIndicatorForm({ [`target_${partnerA.id}`]: '7', [`target_${partnerB.id}`]: '5' }),
    );
    expect(response.statusCode, response.body.slice(0, 800)).toBe(303);
    const page = await coordinator.page(`/results/indicators?programme=${programme.id}`);
    expect(page.mainText).toContain('MEDIA-2');
    expect(page.mainText).toContain('Newsletters sent');
    const row = await fixture.context.db.selectFrom('indicators').select(['id', 'names']).where('code', '=', 'MEDIA-2').executeTakeFirstOrThrow();
    expect(row.names).toEqual({ en: 'Newsletters sent', it: 'Newsletter inviate' });
    const targets = await fixture.context.db
      .selectFrom('indicator_targets')
      .select(['partner_id', 'target'])
      .where('indicator_id', '=', row.id)
      .orderBy('partner_id')
      .execute();
    expect(targets.map((target) => Number(target.target))).toEqual([7, 5]);
  });

  it('edits an indicator, keeping its row, and accepts a comma before the decimals', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const row = await fixture.context.db
      .selectFrom('indicators')
      .select('id')
      .where('code', '=', 'IE-FUNDS')
      .where('programme_id', '=', fixture.world.programme.id)
      .executeTakeFirstOrThrow();
    const form = await coordinator.page(`/results/indicators/${row.id}/edit`);
    expect(form.status).toBe(200);
    expect(form.screen.getByLabelText('Code')).toHaveProperty('value', 'IE-FUNDS');
    const response = await coordinator.post(
      `/results/indicators/${row.id}`,
      anIndicatorForm({ code: 'IE-FUNDS', name_en: 'Funds influenced', unit: 'eur', programmeTarget: '1500000,50' }),
    );
    expect(response.statusCode, response.body.slice(0, 800)).toBe(303);
    const after = await fixture.context.db.selectFrom('indicators').select(['programme_target', 'names']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(Number(after.programme_target)).toBe(1_500_000.5);
    expect(after.names.en).toBe('Funds influenced');
  });

  it('shows every problem of the form at its field at once, keeps what was typed, and writes nothing', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const { programme, partnerA, partnerB } = fixture.world;
    const before = await indicatorCount();
    const page = readPage(
      await coordinator.post(
        `/results/indicators?programme=${programme.id}`,
        anIndicatorForm({
          code: 'media-2', // taken, whatever the case
          name_en: '',
          programmeTarget: '12 apples',
          baseline: '2.5',
          [`target_${partnerA.id}`]: '1 234',
        }),
      ),
    );
    expect(page.status).toBe(400);
    expect(page.title).toMatch(/^Error/);
    const summary = page.document.querySelector('.error-summary')?.textContent ?? '';
    expect(summary).toContain('Another indicator of this programme has this code');
    expect(summary).toContain("Enter the indicator's name in English");
    expect(summary).toContain('Enter a number, with a dot or a comma before any decimals and no thousands separators');
    expect(summary).toContain('Enter a whole number');
    expect(page.screen.getByLabelText(/Programme target/)).toHaveProperty('value', '12 apples');
    expect(page.document.querySelector(`#field-target_${partnerA.id}`)).not.toBeNull();
    expect(page.document.querySelector(`a[href="#field-target_${partnerA.id}"]`)).not.toBeNull();
    expect(page.document.querySelector(`a[href="#field-target_${partnerB.id}"]`)).toBeNull();
    expect(await indicatorCount()).toBe(before);
  });

  it('refuses a code against the pattern, a percentage over 100 and a formula that is not offered', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const before = await indicatorCount();
    const page = readPage(
      await coordinator.post(
        `/results/indicators?programme=${fixture.world.programme.id}`,
        anIndicatorForm({ code: '-bad code!', unit: 'percent', programmeTarget: '120', method: 'computed', formula: 'secret.sql' }),
      ),
    );
    expect(page.status).toBe(400);
    const summary = page.document.querySelector('.error-summary')?.textContent ?? '';
    expect(summary).toContain('Enter a code of up to 20 letters');
    expect(summary).toContain('Enter a number between 0 and 100');
    expect(summary).toContain('Choose one of the formulas offered');
    expect(await indicatorCount()).toBe(before);
  });

  it('refuses a formula whose unit is not the indicator’s, naming the formula’s unit', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const page = readPage(
      await coordinator.post(
        `/results/indicators?programme=${fixture.world.programme.id}`,
        anIndicatorForm({ code: 'GOV-2', unit: 'count', method: 'computed', formula: 'maturity.improvement' }),
      ),
    );
    expect(page.status).toBe(400);
    expect(page.document.querySelector('.error-summary')?.textContent).toContain('This formula counts in points');
  });

  it('speaks Italian to an Italian coordinator', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    await coordinator.get('/language/it');
    const page = readPage(
      await coordinator.post(`/results/indicators?programme=${fixture.world.programme.id}`, anIndicatorForm({ name_en: '', programmeTarget: '3.5' })),
    );
    await coordinator.get('/language/en');
    expect(page.status).toBe(400);
    const summary = page.document.querySelector('.error-summary')?.textContent ?? '';
    expect(summary).toContain('Inserisci il nome dell’indicatore in inglese');
    expect(summary).toContain('Inserisci un numero intero');
  });
});

describe('the built-in set', () => {
  it('a new programme starts with every built-in indicator', async () => {
    const programme = await aProgramme(fixture.context.db);
    const rows = await fixture.context.db
      .selectFrom('indicators')
      .select(['builtin_key', 'method', 'formula', 'enabled'])
      .where('programme_id', '=', programme.id)
      .execute();
    expect(rows.map((row) => row.builtin_key).sort()).toEqual(builtinIndicators.map((builtin) => builtin.key).sort());
    // Reported ones are on; computed ones are on exactly when their formula is installed.
    expect(rows.find((row) => row.builtin_key === 'ie.media')?.enabled).toBe(true);
    expect(rows.find((row) => row.builtin_key === 'better.governance')?.enabled).toBe(true);
  });

  it('switching a built-in off keeps its values, and switching it on finds the same row', async () => {
    const coordinator = await fixture.browserFor('coordinator');
    const row = await fixture.context.db
      .selectFrom('indicators')
      .select('id')
      .where('programme_id', '=', fixture.world.programme.id)
      .where('builtin_key', '=', 'ie.media')
      .executeTakeFirstOrThrow();
    const off = await coordinator.post(`/results/indicators/${row.id}/enabled`, { enabled: 'no' });
    expect(off.statusCode).toBe(303);
    const list = await coordinator.page(`/results/indicators?programme=${fixture.world.programme.id}`);
    expect(list.mainText).toContain('Switch on Appearances in media');
    const on = await coordinator.post(`/results/indicators/${row.id}/enabled`, { enabled: 'yes' });
    expect(on.statusCode).toBe(303);
    const rows = await fixture.context.db
      .selectFrom('indicators')
      .select(['id', 'enabled'])
      .where('programme_id', '=', fixture.world.programme.id)
      .where('builtin_key', '=', 'ie.media')
      .execute();
    expect(rows).toEqual([{ id: row.id, enabled: true }]);
  });

  it('an editor cannot switch indicators', async () => {
    const editor = await fixture.browserFor('editorA');
    const row = await fixture.context.db.selectFrom('indicators').select('id').where('programme_id', '=', fixture.world.programme.id).executeTakeFirstOrThrow();
    expect((await editor.post(`/results/indicators/${row.id}/enabled`, { enabled: 'no' })).statusCode).toBe(403);
  });
});

describe('who reaches the indicators pages', () => {
  it('sends the public to sign in and turns a stakeholder away', async () => {
    const visitor = new TestBrowser(fixture.context.app);
    const response = await visitor.get(`/results/indicators?programme=${fixture.world.programme.id}`);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/sign-in/);
    const stakeholder = await fixture.browserFor('stakeholderA');
    expect((await stakeholder.get(`/results/indicators?programme=${fixture.world.programme.id}`)).statusCode).toBe(403);
  });

  it.each([
    ['admin', 200, 200],
    ['coordinator', 200, 200],
    ['otherCoordinator', 403, 403],
    ['editorA', 200, 403],
    ['editorB', 200, 403],
    ['stakeholderA', 403, 403],
  ] as const)('%s: list %i, definition form %i', async (role, list, define) => {
    const browser = await fixture.browserFor(role);
    const programmeId = fixture.world.programme.id;
    expect((await browser.get(`/results/indicators?programme=${programmeId}`)).statusCode).toBe(list);
    expect((await browser.get(`/results/indicators/new?programme=${programmeId}`)).statusCode).toBe(define);
  });

  it('another programme’s coordinator cannot add an indicator here, and nothing is written', async () => {
    const other = await fixture.browserFor('otherCoordinator');
    const before = await indicatorCount();
    const response = await other.post(`/results/indicators?programme=${fixture.world.programme.id}`, anIndicatorForm({ code: 'INTRUDER' }));
    expect(response.statusCode).toBe(403);
    expect(await indicatorCount()).toBe(before);
  });
});
