/** The coordinator's summary option: where a summary is cut, what is kept, and what cannot be fixed. */
import { describe, expect, it } from 'vitest';
import { fitSummary, shortenText } from './import-adjust.js';

describe('shortening a summary', () => {
  it('cuts at the end of the last sentence that fits', () => {
    const text = `${'First sentence here. '.repeat(20)}Last one.`;
    const short = shortenText(text, 100, 'en');
    expect(short).toBe('First sentence here. First sentence here. First sentence here. First sentence here.');
  });

  it('cuts a first sentence longer than the limit at the end of a word, with an ellipsis', () => {
    const short = shortenText(`One endless sentence ${'without a full stop '.repeat(40)}`, 60, 'en');
    expect(short).toBe('One endless sentence without a full stop without a full…');
    expect(short.length).toBeLessThanOrEqual(60);
  });

  it('cuts a first word longer than the limit between two characters, never inside one', () => {
    expect(shortenText(`${'x'.repeat(600)} end`, 500, 'en')).toBe(`${'x'.repeat(499)}…`);
    const emoji = shortenText('👩‍💻'.repeat(200), 500, 'en');
    expect(emoji).toBe(`${'👩‍💻'.repeat(99)}…`);
    expect(emoji.length).toBeLessThanOrEqual(500);
  });

  it('follows the language’s sentence rules, abbreviations and accents included', () => {
    expect(shortenText('Il Comune, ecc. ha aperto lo sportello. Poi è arrivata la rete civica e molto altro ancora.', 45, 'it')).toBe(
      'Il Comune, ecc. ha aperto lo sportello.',
    );
  });
});

describe('fitting a row’s summary', () => {
  it('keeps the full text of a shortened summary at the start of the description, once', () => {
    const long = `${'A sentence of the summary. '.repeat(25).trim()}`;
    const fitted = fitSummary(long, 'The description.', 'en');
    expect(fitted.summary.length).toBeLessThanOrEqual(500);
    expect(fitted.description).toBe(`${long}\n\nThe description.`);
    expect(fitted.change).toEqual({
      column: 'summary',
      key: 'practices.import.changes.summaryShortened',
      values: { from: long.length, to: fitted.summary.length },
    });
    expect(fitSummary(long, `Intro.\n\n${long}`, 'en').description).toBe(`Intro.\n\n${long}`);
  });

  it('refuses to shorten a summary whose full text would push the description past its limit, saying why', () => {
    const long = 'A sentence of the summary. '.repeat(25).trim();
    const description = 'd'.repeat(19_800);
    expect(fitSummary(long, description, 'en')).toEqual({
      summary: long,
      description,
      problem: { column: 'summary', key: 'practices.import.rowErrors.summaryNotKept', values: { length: long.length + 2 + description.length, max: 20_000 } },
    });
  });

  it('takes a missing summary from the description, and leaves a row with neither to be refused', () => {
    expect(fitSummary('', 'Line one.\nLine two.', 'en')).toEqual({
      summary: 'Line one. Line two.',
      description: 'Line one.\nLine two.',
      change: { column: 'summary', key: 'practices.import.changes.summaryDerived', values: { length: 19 } },
    });
    expect(fitSummary(' ', '', 'en')).toEqual({ summary: ' ', description: '' });
    expect(fitSummary('Short enough.', 'Whatever.', 'en').change).toBeUndefined();
  });
});
