import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanText, isValidIsoDate, optionalDate, optionalUrl, requiredDate, requiredLine, whenFieldsValid } from './fields.js';
import { parseForm } from './forms.js';

describe('text cleaning', () => {
  it('removes NUL and other control characters but keeps line breaks and tabs', () => {
    expect(cleanText('a\u0000b\u0007c\nd\te')).toBe('abc\nd\te');
  });

  it('normalises to NFC, so the same name typed two ways is stored the same way', () => {
    expect(cleanText('Ga\u0308vle')).toBe('Gävle');
  });

  it('keeps the replacement character from invalid UTF-8 rather than failing', () => {
    expect(cleanText('Nyíregyh\uFFFDza')).toBe('Nyíregyh\uFFFDza');
  });
});

describe('form parsing', () => {
  const schema = z.object({ name: requiredLine({ max: 10, required: 'x.name.required' }), website: optionalUrl() });

  it('lists each problem with its field and keeps what was typed', () => {
    const parsed = parseForm(schema, { name: 'A name that is too long', website: 'javascript:alert(1)' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.state.errors).toEqual([
      { field: 'name', key: 'validation.tooLong', values: { max: 10 } },
      { field: 'website', key: 'validation.url' },
    ]);
    expect(parsed.state.values).toEqual({ name: 'A name that is too long', website: 'javascript:alert(1)' });
  });

  it('asks for a missing field with its own instruction', () => {
    const parsed = parseForm(schema, {});
    expect(parsed.ok ? [] : parsed.state.errors.map(({ field, key }) => ({ field, key }))).toEqual([{ field: 'name', key: 'x.name.required' }]);
  });

  it('refuses a web address with a space, tab, line break or other control character inside, and stores a good one as typed', () => {
    for (const website of [
      'https://example.org/a\nb',
      'https://exa mple.org',
      'https://example.org/\tx',
      'https://example.org/\u00a0x',
      'https://example.org/\u2028x',
    ]) {
      const parsed = parseForm(schema, { name: 'Tartu', website });
      expect(parsed.ok ? [] : parsed.state.errors, JSON.stringify(website)).toEqual([{ field: 'website', key: 'validation.urlSpaces' }]);
    }
    expect(parseForm(schema, { name: 'Tartu', website: '  https://example.org/a?b=c#d  ' })).toEqual({
      ok: true,
      data: { name: 'Tartu', website: 'https://example.org/a?b=c#d' },
    });
  });

  it('turns an empty optional field into null', () => {
    expect(parseForm(schema, { name: 'Tartu', website: '' })).toEqual({ ok: true, data: { name: 'Tartu', website: null } });
  });
});

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2021-13-01')).toBe(false);
    expect(isValidIsoDate('31/07/2023')).toBe(false);
  });

  it('refuses years before 1900 and after 2100 with their own message, in required and optional date fields', () => {
    const schema = z.object({ startsOn: requiredDate('x.startsOn.required'), endsOn: optionalDate('x.endsOn.invalid') });
    const errors = (body: Record<string, string>) => {
      const parsed = parseForm(schema, body);
      return parsed.ok ? [] : parsed.state.errors;
    };
    const years = { field: 'startsOn', key: 'validation.dateYears', values: { first: 1900, last: 2100 } };
    expect(errors({ startsOn: '0001-01-01', endsOn: '9999-12-31' })).toEqual([years, { ...years, field: 'endsOn' }]);
    expect(errors({ startsOn: '1899-12-31', endsOn: '2101-01-01' })).toHaveLength(2);
    expect(errors({ startsOn: '1900-01-01', endsOn: '2100-12-31' })).toEqual([]);
    expect(errors({ startsOn: '2021-02-29', endsOn: '' })).toEqual([{ field: 'startsOn', key: 'validation.date' }]);
    expect(errors({ startsOn: '', endsOn: '' }).map((error) => error.key)).toEqual(['x.startsOn.required']);
  });
});

describe('the order of errors', () => {
  it('follows the order of the fields, whichever rule found the problem', () => {
    const schema = z
      .object({
        start: requiredLine({ max: 10, required: 'x.start' }),
        end: requiredLine({ max: 10, required: 'x.end' }),
        name: requiredLine({ max: 10, required: 'x.name' }),
      })
      .refine((input) => input.end > input.start, { error: 'x.endBeforeStart', path: ['end'], ...whenFieldsValid('start', 'end') });
    const parsed = parseForm(schema, { start: 'b', end: 'a', name: '' });
    expect(parsed.ok ? [] : parsed.state.errors.map((error) => error.key)).toEqual(['x.endBeforeStart', 'x.name']);
  });
});
