/** The shared read of the data version: never older than the call, and one query for all the calls it can answer. */
import { describe, expect, it } from 'vitest';
import { DataVersionReader } from './data-version.js';

function controlledReads() {
  const started: Array<(version: number) => void> = [];
  const read = () => new Promise<number>((resolve) => started.push(resolve));
  return { started, reader: new DataVersionReader(read) };
}

describe('DataVersionReader', () => {
  it('answers calls made while no read is on its way with a new read', async () => {
    const { started, reader } = controlledReads();
    const first = reader.current();
    expect(started).toHaveLength(1);
    started[0]?.(7);
    expect(await first).toBe(7);
    const second = reader.current();
    expect(started).toHaveLength(2);
    started[1]?.(8);
    expect(await second).toBe(8);
  });

  it('makes calls that arrive during a read wait for the next one, and share it', async () => {
    const { started, reader } = controlledReads();
    const early = reader.current();
    const late = [reader.current(), reader.current(), reader.current()];
    expect(started).toHaveLength(1);
    started[0]?.(1);
    expect(await early).toBe(1);
    await Promise.resolve();
    expect(started).toHaveLength(2);
    started[1]?.(2);
    expect(await Promise.all(late)).toEqual([2, 2, 2]);
  });

  it('starts afresh after a failed read', async () => {
    let calls = 0;
    const reader = new DataVersionReader(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      return calls;
    });
    const failing = reader.current();
    const next = reader.current();
    await expect(failing).rejects.toThrow('down');
    expect(await next).toBe(2);
    expect(await reader.current()).toBe(3);
  });
});
