/** Lookups of concurrent requests shared in one query, never answered by a query sent before they were asked. */
import { describe, expect, it } from 'vitest';
import { BatchedLookup } from './batched-lookup.js';

function controlledLookups() {
  const sent: Array<{ keys: string[]; answer: () => void }> = [];
  const lookup = new BatchedLookup(
    (keys: string[]) =>
      new Promise<Map<string, string>>((resolve) => {
        sent.push({ keys, answer: () => resolve(new Map(keys.filter((key) => key !== 'unknown').map((key) => [key, `value of ${key}`]))) });
      }),
  );
  return { sent, lookup };
}

describe('BatchedLookup', () => {
  it('sends a key asked for while nothing is on its way at once, on its own', async () => {
    const { sent, lookup } = controlledLookups();
    const found = lookup.find('a');
    expect(sent.map((query) => query.keys)).toEqual([['a']]);
    sent[0]?.answer();
    expect(await found).toBe('value of a');
  });

  it('keeps keys asked for during a lookup for the next one, sent once it settles with all of them', async () => {
    const { sent, lookup } = controlledLookups();
    const early = lookup.find('a');
    const late = [lookup.find('b'), lookup.find('c'), lookup.find('b'), lookup.find('unknown')];
    expect(sent.map((query) => query.keys)).toEqual([['a']]);
    sent[0]?.answer();
    expect(await early).toBe('value of a');
    await Promise.resolve();
    expect(sent.map((query) => query.keys)).toEqual([['a'], ['b', 'c', 'unknown']]);
    const afterSending = lookup.find('d');
    sent[1]?.answer();
    expect(await Promise.all(late)).toEqual(['value of b', 'value of c', 'value of b', undefined]);
    await Promise.resolve();
    expect(sent.map((query) => query.keys)).toEqual([['a'], ['b', 'c', 'unknown'], ['d']]);
    sent[2]?.answer();
    expect(await afterSending).toBe('value of d');
  });

  it('fails the lookups of a failed query, and starts afresh after it', async () => {
    let calls = 0;
    const lookup = new BatchedLookup(async (keys: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return new Map(keys.map((key) => [key, calls]));
    });
    const failing = lookup.find('a');
    const next = lookup.find('b');
    await expect(failing).rejects.toThrow('down');
    expect(await next).toBe(2);
    expect(await lookup.find('c')).toBe(3);
  });
});
