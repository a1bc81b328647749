/** The shared read of the data version: never older than the call, and one query for all the calls it can answer. */
import { describe, expect, it } from 'vitest';
import { DataVersionReader } from './data-version.js';

function controlledReads() {
  const started: Array<(version: number) => void> = [];
  const read = () => new Promise<number>((resolve) => started.push(resolve));
  return { started, reader: new DataVersionReader(read) };
}

/** The end of the event loop's turn, where a gathered read leaves (core/db/batched-lookup.ts). */
const endOfTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('DataVersionReader', () => {
  it('answers the calls of one turn with one new read', async () => {
    const { started, reader } = controlledReads();
    const calls = [reader.current(), reader.current()];
    await endOfTurn();
    expect(started).toHaveLength(1);
    started[0]?.(7);
    expect(await Promise.all(calls)).toEqual([7, 7]);
    const next = reader.current();
    await endOfTurn();
    expect(started).toHaveLength(2);
    started[1]?.(8);
    expect(await next).toBe(8);
  });

  it('answers calls made during a read with a read of their own, even when it comes back first', async () => {
    const { started, reader } = controlledReads();
    const early = reader.current();
    await endOfTurn();
    const late = [reader.current(), reader.current(), reader.current()];
    await endOfTurn();
    expect(started).toHaveLength(2);
    started[1]?.(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
    started[0]?.(1);
    expect(await early).toBe(1);
  });

  it('starts afresh after a failed read', async () => {
    let calls = 0;
    const reader = new DataVersionReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return calls;
    });
    const failing = expect(reader.current()).rejects.toThrow('down');
    await endOfTurn();
    const next = reader.current();
    await failing;
    expect(await next).toBe(2);
    expect(await reader.current()).toBe(3);
  });
});
