import { describe, expect, it } from 'vitest';
import { optionalCount } from './schema.js';

describe('counts typed into the forms', () => {
  it('reads grouped thousands, and refuses decimals and negatives rather than misread them', () => {
    const count = optionalCount('invalid');
    expect(['1200', '1 200', '1,200', '1.200', '', '12'].map((value) => count.safeParse(value).data)).toEqual([1200, 1200, 1200, 1200, null, 12]);
    expect(['12.5', '-3', '1,20', 'many'].map((value) => count.safeParse(value).success)).toEqual([false, false, false, false]);
  });
});
