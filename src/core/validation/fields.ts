/**
 * Field schemas shared by every form and API input. Text is cleaned the same way everywhere (Unicode NFC,
 * control characters and NUL removed, line endings unified, trimmed) and every message is a catalogue key,
 * an instruction such as "Enter the partner's name".
 */
import { z } from 'zod';

// Control characters are exactly what this pattern is for: they are removed from every text input.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Turns what a form posted into clean text; a missing field counts as empty, a repeated field stays an array. */
export function cleanText(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') return value;
  return value.normalize('NFC').replace(/\r\n?/g, '\n').replace(controlCharacters, '').trim();
}

interface TextOptions {
  max: number;
  /** Key shown when the field is empty. */
  required: string;
  /** Key shown when the text is too long; receives {{max}}. */
  tooLong?: string;
}

export function requiredText({ max, required, tooLong = 'validation.tooLong' }: TextOptions) {
  return z.preprocess(cleanText, z.string({ error: required }).min(1, { error: required }).max(max, { error: tooLong }));
}

export function optionalText({ max, tooLong = 'validation.tooLong' }: { max: number; tooLong?: string }) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: 'validation.invalid' })
      .max(max, { error: tooLong })
      .transform((text) => (text === '' ? null : text)),
  );
}

/** Single-line text keeps no line breaks: a pasted newline becomes a space. */
function singleLine(value: unknown): unknown {
  const cleaned = cleanText(value);
  return typeof cleaned === 'string' ? cleaned.replace(/\s*\n\s*/g, ' ') : cleaned;
}

export function requiredLine(options: TextOptions) {
  return z.preprocess(singleLine, requiredText(options));
}

export function optionalLine(options: { max: number; tooLong?: string }) {
  return z.preprocess(singleLine, optionalText(options));
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function requiredEmail(required: string, invalid = 'validation.email') {
  return z.preprocess(
    cleanText,
    z.string({ error: required }).min(1, { error: required }).max(254, { error: invalid }).regex(emailPattern, { error: invalid }),
  );
}

export function optionalEmail(invalid = 'validation.email') {
  return z.preprocess(
    cleanText,
    z
      .string({ error: invalid })
      .max(254, { error: invalid })
      .refine((text) => text === '' || emailPattern.test(text), { error: invalid })
      .transform((text) => (text === '' ? null : text)),
  );
}

/**
 * A web address (http or https) as typed, refused if it holds a space, tab, line break or other control character:
 * the URL parser drops tabs and line breaks silently, so such an address passed the check and was stored with them.
 * Refusing them keeps what is stored exactly what was checked.
 */
export function webAddress(invalid = 'validation.url') {
  return z
    .string({ error: invalid })
    .max(500, { error: invalid, abort: true })
    .refine((text) => !/[\s\p{Cc}]/u.test(text), { error: 'validation.urlSpaces', abort: true })
    .refine(isHttpUrl, { error: invalid });
}

export function optionalUrl(invalid = 'validation.url') {
  return z.preprocess((value) => {
    const cleaned = cleanText(value);
    return cleaned === '' ? null : cleaned;
  }, webAddress(invalid).nullable());
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, required: string) {
  return z.preprocess(cleanText, z.enum(values, { error: required }));
}

export function optionalChoice<const T extends readonly [string, ...string[]]>(values: T, invalid: string) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? null : cleaned;
    },
    z.enum(values, { error: invalid }).nullable(),
  );
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The years a date may fall in, everywhere a date is entered or imported: wide enough for a practice running since the
 * last century and a plan's long horizon, narrow enough to catch a mistyped year (0026, 20260) before it reaches the
 * database, where year 1 broke the embedded database's time arithmetic.
 */
export const dateYears = { first: 1900, last: 2100 } as const;

/** Whether the text is a real calendar date written YYYY-MM-DD (any year). */
export function isValidIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Whether a date (or date and time) written from its year on falls within `dateYears`. */
export function isWithinDateYears(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return year >= dateYears.first && year <= dateYears.last;
}

/** A real date within the accepted years; each problem has its own message. */
function isoDate(schema: z.ZodString, invalid: string) {
  return schema.refine(isValidIsoDate, { error: invalid, abort: true }).refine(isWithinDateYears, { error: 'validation.dateYears', params: dateYears });
}

export function requiredDate(required: string, invalid = 'validation.date') {
  return z.preprocess(cleanText, isoDate(z.string({ error: required }).min(1, { error: required, abort: true }), invalid));
}

/** A checkbox posts its value when ticked and nothing when not. */
export function checkbox() {
  return z.preprocess((value) => value !== undefined && value !== '' && value !== null, z.boolean());
}

/** A numeric id chosen from a list (select or radios). */
export function requiredId(required: string) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? undefined : Number(cleaned);
    },
    z.number({ error: required }).int({ error: required }).positive({ error: required }),
  );
}

export function optionalId(invalid: string) {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? null : Number(cleaned);
    },
    z.number({ error: invalid }).int({ error: invalid }).positive({ error: invalid }).nullable(),
  );
}

/** A page number from a query string: anything unusable means page 1. */
export const pageNumber = z.preprocess((value) => {
  const number = Number(cleanText(value));
  return Number.isInteger(number) && number >= 1 && number <= 100_000 ? number : 1;
}, z.number().int().min(1).max(100_000));

/** A theme code of the managed list, as forms, imports and filters accept it. */
export const themeCodePattern = /^[a-z0-9-]{1,60}$/;

/**
 * For a rule across fields (an end after a start, a size for a business): it runs even when other fields failed,
 * as long as the fields it reads are valid, so the form shows every problem at once instead of in rounds.
 */
export function whenFieldsValid(...fields: string[]) {
  return {
    when: (payload: { issues: readonly { path?: readonly PropertyKey[] | undefined }[] }) =>
      payload.issues.every((issue) => !fields.includes(String(issue.path?.[0]))),
  };
}

/** A form posts a repeated field as an array and a single one as a string; both become a clean list. */
/** Text typed one item a line, as its lines (trimmed, blank ones dropped); anything but text is left for the schema to refuse. */
export function typedLines(value: unknown): unknown {
  const cleaned = cleanText(value);
  return typeof cleaned === 'string'
    ? cleaned
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : cleaned;
}

export function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
  return items.map((item) => cleanText(item)).filter((item): item is string => typeof item === 'string' && item !== '');
}

/**
 * An amount in euros as people type it: "1 200,50", "1,200.50", "1200.5" or "€ 300" (the last separator followed by
 * one or two digits is the decimal one). Empty is null; anything else is NaN, for the schema to refuse.
 */
export function parseEuros(value: unknown): number | null {
  const cleaned = cleanText(value);
  if (cleaned === '' || cleaned === null) return null;
  if (typeof cleaned === 'number') return cleaned;
  if (typeof cleaned !== 'string') return Number.NaN;
  const compact = cleaned.replace(/[\s\u00a0€]|EUR/gi, '');
  const normalised = /[.,]\d{1,2}$/.test(compact) ? compact.replace(/[.,](?=\d{3}(\D|$))/g, '').replace(',', '.') : compact.replace(/[.,]/g, '');
  return /^\d+(\.\d{1,2})?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

export function optionalEuros(invalid: string) {
  return z.preprocess(parseEuros, z.number({ error: invalid }).min(0, { error: invalid }).max(999_999_999_999, { error: invalid }).nullable());
}

export function optionalDate(invalid = 'validation.date') {
  return z.preprocess(
    (value) => {
      const cleaned = cleanText(value);
      return cleaned === '' ? null : cleaned;
    },
    isoDate(z.string({ error: invalid }), invalid).nullable(),
  );
}

/** A repeated field (rows of a form table) as a list that keeps empty cells, so rows stay aligned. */
export function rowsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map((item) => {
    const cleaned = cleanText(item);
    return typeof cleaned === 'string' ? cleaned : '';
  });
}
