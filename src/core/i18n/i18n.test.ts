/** The translator: messages with values, kept once asked, are those i18next gives for the same language and values. */
import { describe, expect, it } from 'vitest';
import { getTranslator } from './i18n.js';

describe('messages with values', () => {
  it('are kept per language and values: asked again, or with other values, they are what i18next answers', async () => {
    const translator = await getTranslator();
    const en = translator.translate('en');
    const it = translator.translate('it');
    for (let round = 0; round < 2; round += 1) {
      expect(en('practices.library.results', { count: 1, formatted: '1' })).toBe('1 practice');
      expect(en('practices.library.results', { count: 2, formatted: '2' })).toBe('2 practices');
      expect(it('practices.library.results', { count: 1, formatted: '1' })).toBe('1 pratica');
      expect(it('practices.library.results', { count: 2, formatted: '2' })).toBe('2 pratiche');
      expect(en('practices.library.titleWithQuery', { query: 'open data' })).toContain('open data');
      expect(en('practices.library.titleWithQuery', { query: 'e-health' })).toContain('e-health');
    }
  });
});
