/** An indicator's name or definition in the reader's language, or in another one (then marked with its `lang`). */
import { locales, type Locale } from '../../../core/i18n/locales.js';
import type { LocalisedText } from '../tables.js';

export function localised(text: LocalisedText, locale: Locale): { text: string; lang: Locale | undefined } {
  const own = text[locale];
  if (own) return { text: own, lang: undefined };
  const other = (['en', ...locales] as Locale[]).find((candidate) => text[candidate]);
  return other ? { text: text[other] as string, lang: other } : { text: '', lang: undefined };
}
