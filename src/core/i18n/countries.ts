/**
 * Countries an Interreg Europe programme works with (EU 27, EFTA, the United Kingdom and neighbouring countries),
 * by ISO 3166-1 alpha-2 code, named in the interface language by Intl.
 */
import type { Locale } from './locales.js';

export const countryCodes = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK',
  'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'CH', 'GB', 'AL', 'BA', 'ME', 'MK', 'RS', 'TR', 'UA', 'MD',
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

const displayNames = new Map<Locale, Intl.DisplayNames>();

export function countryName(locale: Locale, code: string): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region' });
    displayNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** Country options sorted by their name in the interface language. */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return countryCodes.map((code) => ({ value: code, label: countryName(locale, code) })).sort((a, b) => collator.compare(a.label, b.label));
}
