/** The interface languages: English is the source language; the partner languages fall back to it. */
export const locales = ['en', 'it', 'et', 'hu', 'sv'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** Languages whose catalogue must be complete (npm run i18n:check fails otherwise). */
export const requiredCompleteLocales: readonly Locale[] = ['en', 'it'];

/** Each language's name in itself, shown in the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  it: 'Italiano',
  et: 'Eesti',
  hu: 'Magyar',
  sv: 'Svenska',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
