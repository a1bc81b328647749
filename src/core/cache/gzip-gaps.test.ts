/** A page gzipped around its gaps, then filled, is the page with the filler in each gap, as any gzip reader sees it. */
import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressAroundGaps, crc32, crc32Combine, crc32Shift, fillGaps } from './gzip-gaps.js';

const crcOfGzip = (bytes: Buffer) => gzipSync(bytes).readUInt32LE(gzipSync(bytes).length - 8);

describe('gzip around gaps', () => {
  it('computes the CRC-32 zlib computes, and combines two CRCs into the CRC of both texts', () => {
    for (const length of [0, 1, 7, 100, 4096, 70_000]) {
      const first = randomBytes(length);
      const second = randomBytes((length * 7) % 5_000);
      expect(crc32(first)).toBe(crcOfGzip(first));
      expect(crc32Combine(crc32(first), crc32(second), crc32Shift(second.length))).toBe(crcOfGzip(Buffer.concat([first, second])));
    }
  });

  it('gives the page with the filler in every gap, for any number of gaps and empty parts', () => {
    const page = `<html><body>${'<p>Study visit to Tartu — régional «events» ✓</p>'.repeat(400)}<input name="_csrf" value="`;
    const cases = [
      [page, '"></body></html>'],
      ['', page, ''],
      [page, '', page, 'end'],
      ['only one part, no gap'],
      [randomBytes(90_000).toString('base64'), 'x'],
    ];
    for (const parts of cases) {
      const kept = compressAroundGaps(parts);
      for (const filler of ['token-one', 'another_longer-token.0123456789abcdef', '']) {
        expect(gunzipSync(fillGaps(kept, filler)).toString()).toBe(parts.join(filler));
      }
    }
  });

  it('sends far fewer bytes than the page when the page repeats itself, as a page does', () => {
    const parts = ['<main>' + '<li class="event">Regional event</li>'.repeat(2_000), '</main>'];
    expect(fillGaps(compressAroundGaps(parts), 'token').length).toBeLessThan(parts.join('token').length / 20);
  });

  it('refuses a filler too long for one stored block', () => {
    expect(() => fillGaps(compressAroundGaps(['a', 'b']), 'x'.repeat(70_000))).toThrow(RangeError);
  });
});
