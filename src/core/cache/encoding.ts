/**
 * Content coding of kept pages, with the settings the compression plugin uses for every other response (app.ts):
 * brotli at quality 4 (about as cheap as gzip on a 2-core node), or gzip; nothing under 1 KiB.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type ContentEncoding = 'br' | 'gzip';

const threshold = 1024;

/** Each coding the client names, with its quality (0 refuses it). */
function qualitiesOf(acceptEncoding: string | undefined): Map<string, number> {
  const qualities = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
    if (name.trim()) qualities.set(name.trim(), quality === undefined ? 1 : Number(quality));
  }
  return qualities;
}

function acceptsGzipOf(qualities: Map<string, number>): boolean {
  return (qualities.get('gzip') ?? qualities.get('*') ?? 0) > 0;
}

/** The coding to send: brotli, else gzip, when the client accepts it, else none. */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding | 'identity' {
  const qualities = qualitiesOf(acceptEncoding);
  if ((qualities.get('br') ?? 0) > 0) return 'br';
  return acceptsGzipOf(qualities) ? 'gzip' : 'identity';
}

export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return acceptsGzipOf(qualitiesOf(acceptEncoding));
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
