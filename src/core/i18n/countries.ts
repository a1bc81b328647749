/**
 * Countries an Interreg Europe programme works with (EU 27, EFTA, the United Kingdom and neighbouring countries),
 * by ISO 3166-1 alpha-2 code, named in the interface language by Intl.
 */
import type { Locale } from './locales.js';

export const countryCodes = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'IS',
  'LI',
  'NO',
  'CH',
  'GB',
  'AL',
  'BA',
  'ME',
  'MK',
  'RS',
  'TR',
  'UA',
  'MD',
] as const;
export type CountryCode = (typeof countryCodes)[number];

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (countryCodes as readonly string[]).includes(value);
}

/** NUTS codes start with the country code, except Greece (EL) and the United Kingdom (UK). */
export function nutsPrefixOf(country: CountryCode): string {
  if (country === 'GR') return 'EL';
  if (country === 'GB') return 'UK';
  return country;
}

/** Names by language and code, asked of Intl once each: Intl.DisplayNames takes microseconds per call. */
const names = new Map<Locale, Map<string, string>>();

export function countryName(locale: Locale, code: string): string {
  let byCode = names.get(locale);
  if (!byCode) {
    byCode = new Map();
    names.set(locale, byCode);
  }
  let name = byCode.get(code);
  if (name === undefined) {
    name = new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
    byCode.set(code, name);
  }
  return name;
}

/** Country options sorted by their name in the interface language. */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return countryCodes.map((code) => ({ value: code, label: countryName(locale, code) })).sort((a, b) => collator.compare(a.label, b.label));
}
