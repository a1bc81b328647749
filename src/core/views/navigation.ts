/** The main navigation: each module lists its entry points; the layout shows those the actor may use. */
import type { PolicyAction } from '../policy/policy.js';

export interface NavigationItem {
  href: string;
  /** Catalogue key of the link text. */
  labelKey: string;
  /** Shown only to actors who may attempt this action; omitted for public entries. */
  action?: PolicyAction;
  /** Admin links sit in a separate group. */
  group?: 'main' | 'admin';
}
