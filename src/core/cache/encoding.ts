/**
 * Content coding of kept pages, with the settings the compression plugin uses for every other response (app.ts):
 * brotli at quality 4 (about as cheap as gzip on a 2-core node), or gzip; nothing under 1 KiB.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

const threshold = 1024;

/** The coding to send: brotli, else gzip, when the client accepts it (a q of 0 refuses), else none. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | 'identity' {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    if (quality === undefined || Number(quality) > 0) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

export function encode(text: string, encoding: ContentEncoding): Buffer {
  const bytes = Buffer.from(text);
  if (encoding === 'br') {
    return brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: 4,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
  }
  return gzipSync(bytes);
}

/** Too small to be worth compressing, as the compression plugin decides for other responses. */
export function tooSmallToEncode(text: string): boolean {
  return Buffer.byteLength(text) < threshold;
}
