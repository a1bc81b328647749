/** The main navigation: each module lists its entry points; the layout shows those the actor may use. */
import type { Db } from '../db/database.js';
import type { PolicyAction } from '../policy/policy.js';

/** A figure shown in an entry's text for a signed-in person ("Notifications (3 unread)"), counted once per page. */
export interface NavigationCount {
  /** One cheap query (an indexed count): it runs for every page a signed-in person opens. */
  count(db: Db, userId: number): Promise<number>;
  /** Catalogue key of the text when the figure is above zero, with `{{count}}`. */
  labelKey: string;
}

export interface NavigationItem {
  href: string;
  /** Catalogue key of the link text. */
  labelKey: string;
  /** Shown only to actors who may attempt this action; omitted for public entries. */
  action?: PolicyAction;
  /** Admin links sit in a separate group. */
  group?: 'main' | 'admin';
  count?: NavigationCount;
}
