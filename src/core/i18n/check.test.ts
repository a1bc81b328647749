import { describe, expect, it } from 'vitest';
import { loadAllCatalogues } from './catalogues.js';
import { checkCatalogues, keysUsedInSource } from './check.js';

const base = { it: {}, et: {}, hu: {}, sv: {} };

describe('the catalogue check', () => {
  it('passes on the catalogues in the repository, with English and Italian complete', () => {
    const report = checkCatalogues(loadAllCatalogues(), []);
    expect(report.errors).toEqual([]);
    for (const language of report.languages.filter((entry) => entry.locale === 'en' || entry.locale === 'it')) expect(language.missing).toEqual([]);
  });

  it('fails on a key missing from English, whether used in code or present in another language', () => {
    const report = checkCatalogues({ ...base, en: { common: { yes: 'Yes' } }, it: { common: { yes: 'Sì', no: 'No' } } }, [
      { file: 'src/x.tsx', text: "t('common.maybe')" },
    ]);
    expect(report.errors).toContain('src/x.tsx: key "common.maybe" is missing from English');
    expect(report.errors).toContain('it: key "common.no" is not in English');
  });

  it('reports completeness per language and lets et, hu and sv fall back to English', () => {
    const report = checkCatalogues(
      { en: { common: { yes: 'Yes', no: 'No' } }, it: { common: { yes: 'Sì', no: 'No' } }, et: { common: { yes: 'Jah' } }, hu: {}, sv: {} },
      [],
    );
    expect(report.errors).toEqual([]);
    expect(report.languages.find((language) => language.locale === 'et')).toMatchObject({ translated: 1, total: 2, missing: ['common.no'] });
  });

  it('requires Italian to be complete, including its own plural forms', () => {
    const report = checkCatalogues(
      {
        ...base,
        en: { common: { users_one: '{{count}} user', users_other: '{{count}} users' } },
        it: { common: { users_one: '{{count}} utente', users_other: '{{count}} utenti' } },
      },
      [],
    );
    expect(report.errors).toEqual(['it must be complete; missing: common.users']);
  });

  it('catches a placeholder that English does not provide', () => {
    const report = checkCatalogues({ ...base, en: { common: { hello: 'Hello {{name}}' } }, it: { common: { hello: 'Ciao {{nome}}' } } }, []);
    expect(report.errors).toContain('it: "common.hello" uses {{nome}} which English does not provide');
  });

  it('takes formula keys and extension point ids for what they are, not for message keys', () => {
    const text = [
      "export const point = extensionPoint<Formula>('results.formulas');",
      "const formula = { key: 'events.held', nameKey: 'events.formulas.held.name' };",
      "const measure = { key: 'participation', formulas: ['events.held', 'events.participants'] };",
      "t('events.title');",
    ].join('\n');
    const { exact } = keysUsedInSource([{ file: 'src/modules/events/example.ts', text }], ['events', 'results']);
    expect([...exact.keys()].sort()).toEqual(['events.formulas.held.name', 'events.title']);
  });
});
