/** What every view may read while rendering: the request's language and translator, the actor, the CSRF token. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
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
  can: (action: PolicyAction, scope?: Scope) => boolean;
  flash: Flash | null;
  demo: boolean;
  /** Every module's entry points; the layout shows those the actor may use. */
  navigation: readonly NavigationItem[];
}

export const ViewContextProvider = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const context = useContext(ViewContextProvider);
  if (!context) throw new Error('A view rendered outside renderPage');
  return context;
}
