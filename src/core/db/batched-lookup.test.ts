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

/** The end of the event loop's turn, where a gathered batch leaves. */
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('BatchedLookup', () => {
  it('sends the keys asked for in one turn of the event loop together, at the end of that turn', async () => {
    const { sent, lookup } = controlledLookups();
    const found = [lookup.find('a'), lookup.find('b'), lookup.find('a'), lookup.find('unknown')];
    expect(sent).toHaveLength(0);
    await endOfTurn();
    expect(sent.map((query) => query.keys)).toEqual([['a', 'b', 'unknown']]);
    sent[0]?.answer();
    expect(await Promise.all(found)).toEqual(['value of a', 'value of b', 'value of a', undefined]);
  });

  it('sends keys asked for while a lookup is on its way in a second one, never in the one already sent', async () => {
    const { sent, lookup } = controlledLookups();
    const early = lookup.find('a');
    await endOfTurn();
    const late = lookup.find('a');
    await endOfTurn();
    expect(sent.map((query) => query.keys)).toEqual([['a'], ['a']]);
    sent[1]?.answer();
    expect(await late).toBe('value of a');
    sent[0]?.answer();
    expect(await early).toBe('value of a');
  });

  it('keeps keys asked for while two lookups are on their way until one settles, then sends them together', async () => {
    const { sent, lookup } = controlledLookups();
    const first = [lookup.find('a')];
    await endOfTurn();
    const second = [lookup.find('b')];
    await endOfTurn();
    const third = [lookup.find('c'), lookup.find('d')];
    await endOfTurn();
    const fourth = lookup.find('e');
    await endOfTurn();
    expect(sent.map((query) => query.keys)).toEqual([['a'], ['b']]);
    sent[1]?.answer();
    expect(await Promise.all(second)).toEqual(['value of b']);
    await endOfTurn();
    expect(sent.map((query) => query.keys)).toEqual([['a'], ['b'], ['c', 'd', 'e']]);
    sent[0]?.answer();
    sent[2]?.answer();
    expect(await Promise.all([...first, ...third, fourth])).toEqual(['value of a', 'value of c', 'value of d', 'value of e']);
  });

  it('answers every key by a query sent after it was asked, whatever the order lookups settle in', async () => {
    let clock = 0;
    const sent: Array<{ at: number; answer: () => void }> = [];
    const lookup = new BatchedLookup((keys: number[]) => {
      const at = (clock += 1);
      return new Promise<Map<number, number>>((resolve) => sent.push({ at, answer: () => resolve(new Map(keys.map((key) => [key, at]))) }));
    });
    const asked: Array<Promise<void>> = [];
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let step = 0; step < 400; step += 1) {
      const roll = random();
      if (roll < 0.5) {
        const askedAt = (clock += 1);
        asked.push(lookup.find(askedAt).then((sentAt) => expect(sentAt).toBeGreaterThan(askedAt)));
      } else if (roll < 0.8) {
        const waiting = sent.filter((query) => query.at > 0);
        const query = waiting[Math.floor(random() * waiting.length)];
        if (query) {
          query.answer();
          query.at = 0;
        }
      } else {
        await endOfTurn();
      }
    }
    // What is still gathered leaves at the end of this turn, then what is on its way is answered.
    for (let waiting = sent; waiting.length > 0;) {
      await endOfTurn();
      waiting = sent.filter((query) => query.at > 0);
      for (const query of waiting) {
        query.answer();
        query.at = 0;
      }
    }
    await Promise.all(asked);
    expect(asked.length).toBeGreaterThan(150);
  });

  it('fails the lookups of a failed query, and starts afresh after it', async () => {
    let calls = 0;
    const lookup = new BatchedLookup(async (keys: string[]) => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return new Map(keys.map((key) => [key, calls]));
    });
    const failing = expect(lookup.find('a')).rejects.toThrow('down');
    await endOfTurn();
    const next = lookup.find('b');
    await failing;
    expect(await next).toBe(2);
    expect(await lookup.find('c')).toBe(3);
  });
});
