/**
 * The library's words in each language: a practice is called the same everywhere in a catalogue ("tava" in
 * Estonian, "exempel" in Swedish), so messages added later read like their neighbours.
 */
import { describe, expect, it } from 'vitest';
import { flattenKeys, loadCatalogue } from '../../core/i18n/catalogues.js';

const messages = (locale: 'et' | 'sv') => [...flattenKeys(loadCatalogue(locale)).entries()].filter(([key]) => key.startsWith('practices.'));

describe('the library’s catalogues', () => {
  it.each([
    ['et', /praktik/i],
    ['sv', /praxis/i],
  ] as const)('in %s never call a practice by another word than the catalogue’s own', (locale, otherWord) => {
    expect(
      messages(locale)
        .filter(([, text]) => otherWord.test(text))
        .map(([key]) => key),
    ).toEqual([]);
  });
});
