/** What every view may read while rendering: the request's language and translator, the actor, the CSRF token. */
import type { Translate } from '../i18n/i18n.js';
import type { Locale } from '../i18n/locales.js';
import type { Actor } from '../policy/actor.js';
import type { PolicyAction, Scope } from '../policy/policy.js';
import type { FieldError, FormState } from '../validation/forms.js';
import type { NavigationItem } from './navigation.js';

export interface Flash {
  kind: 'success' | 'info';
  /** A catalogue key, translated when shown. */
  key: string;
  values?: Record<string, string | number>;
}

/** A form kept for the person (core/http/kept.ts), shown again on the page that has it: its values, and its errors when any. */
export interface KeptView {
  id: string;
  /** The form's action (path and query): the `Form` with this action takes the values. */
  action: string;
  state: FormState;
  /** Files chosen on the form that could not be kept, to be chosen again. */
  lostFiles: string[];
  /** Files chosen on the form: kept as pending uploads (with an id), or lost (without). */
  files: { id?: string; field: string; filename: string; sizeBytes: number }[];
  /** Set while rendering once a form took the values. */
  placed: boolean;
}

/** A file accepted on a refused form, offered again at its field so the person need not choose it again. */
export interface OfferedUpload {
  id: string;
  filename: string;
  sizeBytes: number;
}

export interface ViewContext {
  t: Translate;
  locale: Locale;
  actor: Actor;
  /** The current path with its query string, so the language switcher can come back here. */
  currentPath: string;
  /** Issues (and on first use sets the cookie for) the CSRF token; only pages with a form call it. */
  csrfToken: () => string;
  formatDate: (value: string | Date) => string;
  formatDateTime: (value: Date) => string;
  formatNumber: (value: number) => string;
  /** An amount in whole euros, "EUR 12,300" in the reader's number format. */
  formatEuros: (value: number) => string;
  can: (action: PolicyAction, scope?: Scope) => boolean;
  flash: Flash | null;
  demo: boolean;
  /** Every module's entry points; the layout shows those the actor may use. */
  navigation: readonly NavigationItem[];
  /** A kept form to fill in on this page (after signing in again or switching language). */
  kept?: KeptView | null | undefined;
  /** Where the language links lead instead of the current address (a page answering a POST: its kept copy). */
  languageNext?: string | undefined;
  /** Told of every form state a page shows (the error summary), so a language switch can keep the errors too. */
  sawForm?: ((state: FormState) => void) | undefined;
  /** The files accepted on this refused form at `field` (those not named by an error), offered again. */
  offeredUploads?: ((field: string, errors: readonly FieldError[]) => OfferedUpload[]) | undefined;
  /** The names of files chosen at `field` that were not kept (the upload as a whole was refused): to choose again. */
  lostUploads?: ((field: string) => string[]) | undefined;
  /** The figures of navigation entries that count something for the signed-in person, by entry href. */
  navigationCounts?: ReadonlyMap<string, number>;
}

/**
 * The context of the render in progress. Server rendering is synchronous, so one render runs at a time and a
 * variable set around it is enough; preact's context would cost a hook per component on every page.
 */
let current: ViewContext | null = null;

export function renderingWith<T>(context: ViewContext, render: () => T): T {
  const previous = current;
  current = context;
  try {
    return render();
  } finally {
    current = previous;
  }
}

export function useView(): ViewContext {
  if (!current) throw new Error('A view rendered outside renderDocument');
  return current;
}
