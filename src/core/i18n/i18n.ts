/**
 * The interface's translations, through i18next: one instance for the process, a fixed translate function per
 * request language. Missing messages fall back to English.
 */
import i18next, { type i18n as I18nInstance } from 'i18next';
import { LRUCache } from 'lru-cache';
import { loadAllCatalogues } from './catalogues.js';
import { defaultLocale, locales, type Locale } from './locales.js';

export type TranslationValues = Record<string, string | number>;
export type Translate = (key: string, values?: TranslationValues) => string;

/** The BCP 47 tag used for numbers and dates in each interface language. */
/** The regional variant used to format dates and numbers for each interface language. */
export const formattingLocale: Record<Locale, string> = { en: 'en-GB', it: 'it-IT', et: 'et-EE', hu: 'hu-HU', sv: 'sv-SE' };

const zonedLongDates = new Map<string, Intl.DateTimeFormat>();

/**
 * A long date as seen in a time zone (an event's own), for a language. Built once per language and zone: building a
 * formatter costs a hundred times more than using it, and the home page showed one per event.
 */
export function longDateIn(locale: Locale, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let format = zonedLongDates.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(formattingLocale[locale], { dateStyle: 'long', timeZone });
    zonedLongDates.set(key, format);
  }
  return format;
}

export interface Translator {
  translate(locale: Locale): Translate;
  formatDate(locale: Locale, value: string | Date): string;
  formatDateTime(locale: Locale, value: Date): string;
  formatNumber(locale: Locale, value: number): string;
}

/** Messages with values kept at most (a few megabytes at most). */
const valuedMessagesKept = 10_000;

let shared: Promise<Translator> | undefined;

/** The process-wide translator; catalogues are read once. */
export function getTranslator(): Promise<Translator> {
  shared ??= createTranslator();
  return shared;
}

async function createTranslator(): Promise<Translator> {
  const instance: I18nInstance = i18next.createInstance();
  const catalogues = loadAllCatalogues();
  await instance.init({
    resources: Object.fromEntries(locales.map((locale) => [locale, { translation: catalogues[locale] }])),
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...locales],
    // Output is escaped by the HTML renderer (and emails are plain text), so i18next must not escape twice.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const fixed = new Map(locales.map((locale) => [locale, instance.getFixedT(locale)]));
  // Catalogues do not change while the process runs, so a message without values is looked up once per language:
  // i18next's resolution costs microseconds, and a page asks for dozens of messages.
  const plainMessages = new Map(locales.map((locale) => [locale, new Map<string, string>()]));
  // A message with values is as fixed for the same values, and pages ask for the same ones again and again (the
  // library's filters: a count per option, a hundred per page). Kept by language, key and values, the most recently
  // used only: values may be anything a person typed.
  const valuedMessages = new LRUCache<string, string>({ max: valuedMessagesKept });
  const dateFormats = new Map(locales.map((locale) => [locale, new Intl.DateTimeFormat(formattingLocale[locale], { dateStyle: 'long', timeZone: 'UTC' })]));
  const dateTimeFormats = new Map(
    locales.map((locale) => [locale, new Intl.DateTimeFormat(formattingLocale[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })]),
  );
  const numberFormats = new Map(locales.map((locale) => [locale, new Intl.NumberFormat(formattingLocale[locale])]));
  return {
    translate(locale) {
      const t = fixed.get(locale) ?? fixed.get(defaultLocale);
      const memo = plainMessages.get(locale) ?? new Map<string, string>();
      if (!t) throw new Error('i18n is not initialised');
      return (key, values) => {
        if (values) {
          const valuedKey = `${locale}\u0000${key}\u0000${JSON.stringify(values)}`;
          let message = valuedMessages.get(valuedKey);
          if (message === undefined) {
            message = String(t(key, values));
            valuedMessages.set(valuedKey, message);
          }
          return message;
        }
        let message = memo.get(key);
        if (message === undefined) {
          message = String(t(key));
          memo.set(key, message);
        }
        return message;
      };
    },
    formatDate(locale, value) {
      const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
      return dateFormats.get(locale)?.format(date) ?? date.toISOString().slice(0, 10);
    },
    formatDateTime(locale, value) {
      // Staff work across four time zones, so timestamps are shown in UTC and say so.
      return `${dateTimeFormats.get(locale)?.format(value) ?? value.toISOString()} UTC`;
    },
    formatNumber(locale, value) {
      return numberFormats.get(locale)?.format(value) ?? String(value);
    },
  };
}
