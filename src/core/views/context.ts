/** What every view may read while rendering: the request's language and translator, the actor, the CSRF token. */
import type { Translate } from '../i18n/i18n.js';
import type { Locale } from '../i18n/locales.js';
import type { Actor } from '../policy/actor.js';
import type { PolicyAction, Scope } from '../policy/policy.js';
import type { NavigationItem } from './navigation.js';

export interface Flash {
  kind: 'success' | 'info';
  /** A catalogue key, translated when shown. */
  key: string;
  values?: Record<string, string | number>;
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
