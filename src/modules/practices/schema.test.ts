import { describe, expect, it } from 'vitest';
import { practiceSchema, translationsOf } from './schema.js';

const base = { ownerPartnerId: '1', language: 'en', title: 'T', summary: 'S', themes: 'skills' };

function parse(overrides: Record<string, unknown>) {
  return practiceSchema.safeParse({ ...base, ...overrides });
}

describe('the practice form', () => {
  it.each([
    ['500000', 500000],
    ['1 200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.200', 1200],
    ['EUR 3 000', 3000],
    ['12,5', 12.5],
    ['', null],
  ])('reads the amount “%s” as %s euros', (typed, expected) => {
    const parsed = parse({ resourcesEur: typed });
    expect(parsed.success && parsed.data.resourcesEur).toBe(expected);
  });

  it.each(['-5', 'lots', '1.2.3,4'])('refuses the amount “%s”', (typed) => {
    expect(parse({ resourcesEur: typed }).success).toBe(false);
  });

  it('reads keywords and links one a line, commas and semicolons included, and refuses a link that is not a web address', () => {
    const parsed = parse({ keywords: 'one\r\ntwo, with a comma;\n\n three ', links: 'https://a.example/x;y\n\nhttp://b.example' });
    expect(parsed.success && [parsed.data.keywords, parsed.data.links]).toEqual([
      ['one', 'two, with a comma;', 'three'],
      ['https://a.example/x;y', 'http://b.example'],
    ]);
    expect(parse({ keywords: ['from a file,\nover two lines'] }).data?.keywords).toEqual(['from a file, over two lines']);
    expect(parse({ links: 'javascript:alert(1)' }).success).toBe(false);
  });

  it('refuses a link with a space or a control character inside, as typed or imported in a list', () => {
    for (const links of ['https://a.example/x y', ['https://a.example/\tx'], ['https://a.example/\nx']]) {
      const parsed = parse({ links });
      expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message), JSON.stringify(links)).toEqual(['validation.urlSpaces']);
    }
  });

  it('keeps translations other than the entry’s own language, and only filled ones', () => {
    const parsed = practiceSchema.parse({ ...base, title_en: 'Ignored', title_it: 'Titolo', summary_sv: 'Sammanfattning', title_hu: '' });
    expect(translationsOf(parsed)).toEqual({ it: { title: 'Titolo' }, sv: { summary: 'Sammanfattning' } });
  });

  it('asks for at least one theme, and an end after the start', () => {
    const parsed = parse({ themes: [], startsOn: '2022-01-01', endsOn: '2021-01-01' });
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)).toEqual([
      'practices.form.themes.required',
      'practices.form.endsOn.beforeStart',
    ]);
  });
});
