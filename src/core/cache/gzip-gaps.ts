/**
 * A kept page whose forms carry each visitor's own CSRF token is compressed once, around the token's places, and each
 * visitor's copy is then put together without compressing anything again: the kept parts as deflate blocks that end
 * on a byte boundary (a sync flush), each token between them as a stored (uncompressed) block, a final empty block,
 * and the gzip trailer (RFC 1952), whose CRC-32 is combined from the parts' CRCs. Compressing the whole page for each
 * visitor instead cost most of an event page's time (docs/performance/README.md).
 */
import { constants, deflateRawSync } from 'node:zlib';

/** The page's parts between its tokens, compressed once. */
export interface GzipAroundGaps {
  parts: Buffer[];
  crcs: number[];
  lengths: number[];
  /** What moves a CRC past each part (crc32Shift), worked out once rather than for each visitor's copy. */
  shifts: number[];
}

// Gzip member header: magic, deflate, no flags, no modification time, no extra flags, operating system unknown.
const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// A final stored block with nothing in it: BFINAL 1, BTYPE 00, padding, LEN 0, NLEN 0xffff.
const finalEmptyBlock = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
// A stored block's header: BFINAL 0, BTYPE 00 and padding in one byte, then LEN and NLEN.
const storedBlockHeaderLength = 5;
const trailerLength = 8;
const largestStoredBlock = 0xffff;

export function compressAroundGaps(parts: string[]): GzipAroundGaps {
  const texts = parts.map((part) => Buffer.from(part));
  return {
    parts: texts.map((text) => deflateRawSync(text, { finishFlush: constants.Z_SYNC_FLUSH })),
    crcs: texts.map(crc32),
    lengths: texts.map((text) => text.length),
    shifts: texts.map((text) => crc32Shift(text.length)),
  };
}

/**
 * The gzip-encoded page with `filler` in every gap, written straight into one buffer of the size it will have: it is
 * built for every visitor of a kept page, so it allocates once and works out the filler's CRC and shift once.
 */
export function fillGaps(page: GzipAroundGaps, filler: string): Buffer {
  const fillLength = Buffer.byteLength(filler);
  if (fillLength > largestStoredBlock) throw new RangeError('A gap’s filler must fit one stored deflate block');
  const gaps = page.parts.length - 1;
  let size = header.length + gaps * (storedBlockHeaderLength + fillLength) + finalEmptyBlock.length + trailerLength;
  for (const part of page.parts) size += part.length;
  const gzip = Buffer.allocUnsafe(size);
  let at = header.copy(gzip, 0);
  let crc = 0;
  let length = 0;
  let fillCrc = 0;
  let fillShift = 0;
  page.parts.forEach((part, index) => {
    if (index > 0) {
      gzip[at] = 0;
      gzip.writeUInt16LE(fillLength, at + 1);
      gzip.writeUInt16LE(~fillLength & 0xffff, at + 3);
      at += storedBlockHeaderLength;
      gzip.write(filler, at);
      if (index === 1) {
        fillCrc = crc32(gzip.subarray(at, at + fillLength));
        fillShift = crc32Shift(fillLength);
      }
      at += fillLength;
      crc = crc32Combine(crc, fillCrc, fillShift);
      length += fillLength;
    }
    at += part.copy(gzip, at);
    crc = crc32Combine(crc, page.crcs[index] ?? 0, page.shifts[index] ?? 0);
    length += page.lengths[index] ?? 0;
  });
  at += finalEmptyBlock.copy(gzip, at);
  gzip.writeUInt32LE(crc, at);
  gzip.writeUInt32LE(length >>> 0, at + 4);
  return gzip;
}

// CRC-32 (ISO-HDLC, the polynomial of gzip, reflected; Node 20 has no zlib.crc32) of the kept parts, once per kept
// page, and of each filler, and the combination of two CRCs by the polynomial arithmetic of zlib's crc32_combine:
// crc(A‖B) = crc(A)·x^(8·|B|) mod P ⊕ crc(B).
const polynomial = 0xedb88320;
const byteTable = Uint32Array.from({ length: 256 }, (_, byte) => {
  let value = byte;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? (value >>> 1) ^ polynomial : value >>> 1;
  return value >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  // Indexed rather than iterated: this runs on each visitor's token, and the iterator cost about three times as much.
  for (let index = 0; index < bytes.length; index += 1) crc = (byteTable[(crc ^ (bytes[index] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** a·b modulo the polynomial, both reflected (the top bit is x^0). */
function multiplyModulo(a: number, b: number): number {
  let product = 0;
  let factor = b;
  for (let bit = 0x80000000; bit !== 0; bit >>>= 1) {
    if (a & bit) product ^= factor;
    factor = factor & 1 ? (factor >>> 1) ^ polynomial : factor >>> 1;
  }
  return product >>> 0;
}

// x^(2^k) modulo the polynomial, for k = 0…31.
const powersOfX: number[] = [];
for (let k = 0, power = 0x40000000; k < 32; k += 1) {
  powersOfX.push(power);
  power = multiplyModulo(power, power);
}

/** x^(8·length) modulo the polynomial: what moves a CRC past `length` bytes (crc32Combine). */
export function crc32Shift(length: number): number {
  // The exponent's bits pick the powers x^(2^k), starting at k = 3 for the factor 8.
  let shift = 0x80000000;
  for (let remaining = length, k = 3; remaining > 0; remaining = Math.floor(remaining / 2), k += 1) {
    if (remaining % 2) shift = multiplyModulo(powersOfX[k % 32] ?? 0, shift);
  }
  return shift;
}

/** The CRC of A‖B from the CRCs of A and B and B's shift (crc32Shift of its length). */
export function crc32Combine(crcA: number, crcB: number, shiftB: number): number {
  return (multiplyModulo(shiftB, crcA) ^ crcB) >>> 0;
}
