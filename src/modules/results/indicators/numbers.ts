/**
 * Numbers as people type them in an indicator's unit: a dot or a comma as the decimal separator ("12.5", "12,5"), an
 * optional minus, nothing else — no thousands separators, spaces or words, since "1,234" could be either — and no more
 * decimals than the unit keeps, within its bounds (units.ts).
 */
import { cleanText } from '../../../core/validation/fields.js';
import type { FieldError } from '../../../core/validation/forms.js';
import { unitFormats, type Unit } from '../units.js';

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; key: string; values?: Record<string, string | number> };

const shape = /^-?\d+(?:[.,](\d+))?$/;

/** Reads one number field; empty is null (the caller decides whether it is required). */
export function parseUnitNumber(raw: unknown, unit: Unit): ParsedNumber {
  const text = cleanText(raw);
  if (text === '') return { ok: true, value: null };
  if (typeof text !== 'string') return { ok: false, key: 'indicators.number.invalid' };
  const match = shape.exec(text);
  if (!match) return { ok: false, key: 'indicators.number.invalid' };
  const format = unitFormats[unit];
  const decimals = match[1]?.length ?? 0;
  if (decimals > format.decimals)
    return format.decimals === 0
      ? { ok: false, key: 'indicators.number.whole' }
      : { ok: false, key: 'indicators.number.decimals', values: { decimals: format.decimals } };
  const value = Number(text.replace(',', '.'));
  if (value < format.min || value > format.max) return { ok: false, key: 'indicators.number.range', values: { min: format.min, max: format.max } };
  return { ok: true, value };
}

/** A number field of a form: its value, or its error at the field. */
export function numberField(values: Record<string, unknown>, field: string, unit: Unit, errors: FieldError[], required?: string): number | null {
  const parsed = parseUnitNumber(values[field], unit);
  if (!parsed.ok) {
    errors.push({ field, key: parsed.key, ...(parsed.values ? { values: parsed.values } : {}) });
    return null;
  }
  if (parsed.value === null && required) errors.push({ field, key: required });
  return parsed.value;
}
