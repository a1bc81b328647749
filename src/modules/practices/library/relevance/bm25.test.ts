/** The BM25 baseline on three short documents: rarer words weigh more, shorter texts win ties of frequency. */
import { describe, expect, it } from 'vitest';
import { bm25Ranking, wordsOf } from './bm25.js';

const document = (key: string, title: string) => ({ key, title, summary: '', description: '' });

describe('the BM25 baseline', () => {
  it('splits lower-cased words on anything but letters and digits, in any script', () => {
    expect(wordsOf('E-invoicing: Közösségi költségvetés, RIS3')).toEqual(['e', 'invoicing', 'közösségi', 'költségvetés', 'ris3']);
  });

  it('ranks every document sharing a word, the rarer word first, and leaves out the rest', () => {
    const documents = [document('common', 'city services'), document('rare', 'chatbot city'), document('none', 'bicycles')];
    expect(bm25Ranking(documents, 'city chatbot')).toEqual(['rare', 'common']);
  });

  it('prefers the shorter document when both hold the word once', () => {
    const documents = [document('long', 'permit online application form for houses'), document('short', 'permit online')];
    expect(bm25Ranking(documents, 'permit')).toEqual(['short', 'long']);
  });
});
