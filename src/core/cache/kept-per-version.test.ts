import { describe, expect, it } from 'vitest';
import { KeptPerVersion } from './kept-per-version.js';

describe('values kept per data version', () => {
  it('computes once per key and version, shares a computation on its way, and forgets the least recently used', async () => {
    const kept = new KeptPerVersion<string>(2);
    let computed = 0;
    const compute = (value: string) => () => {
      computed += 1;
      return Promise.resolve(value);
    };
    expect(await Promise.all([kept.get('a', '1', compute('a1')), kept.get('a', '1', compute('again'))])).toEqual(['a1', 'a1']);
    expect(await kept.get('a', '2', compute('a2'))).toBe('a2');
    await kept.get('b', '2', compute('b2'));
    await kept.get('a', '2', compute('again')); // a is now the most recently used
    await kept.get('c', '2', compute('c2')); // b goes
    expect(computed).toBe(4);
    expect(await kept.get('a', '2', compute('again'))).toBe('a2');
    expect(await kept.get('b', '2', compute('b2 again'))).toBe('b2 again');
  });

  it('forgets a computation that failed', async () => {
    const kept = new KeptPerVersion<string>(10);
    await expect(kept.get('a', '1', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost');
    expect(await kept.get('a', '1', () => Promise.resolve('a1'))).toBe('a1');
  });
});
