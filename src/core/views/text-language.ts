/**
 * The `lang` attribute of a text written by people in its own language (a practice, an instrument, a plan, a
 * programme), shown on a page in the reader's language: WCAG 3.1.2 asks to mark each passage whose language differs
 * from the page's, and marking the others again says nothing.
 */
export function textLanguage(language: string | null | undefined, pageLanguage: string): string | undefined {
  return language && language !== pageLanguage ? language : undefined;
}
