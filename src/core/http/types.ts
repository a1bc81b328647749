/** What the platform adds to Fastify's types: the shared services, the request's actor and language, page replies. */
import type { JSX } from 'preact';
import type { Config } from '../config/config.js';
import type { Db, DatabaseKind } from '../db/database.js';
import type { Translate, Translator } from '../i18n/i18n.js';
import type { Locale } from '../i18n/locales.js';
import type { Actor } from '../policy/actor.js';
import type { PolicyAction } from '../policy/policy.js';
import type { Flash, KeptView } from '../views/context.js';
import type { FormState } from '../validation/forms.js';
import type { NavigationItem } from '../views/navigation.js';
import type { HandlersInFlight } from './in-flight.js';

export interface RouteEntry {
  method: string;
  url: string;
  config: { public?: boolean; action?: PolicyAction; withoutCsrf?: true };
}

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    databaseKind: DatabaseKind;
    config: Config;
    translator: Translator;
    navigation: readonly NavigationItem[];
    /** Every route with its config, collected as routes are added (the architecture test walks it). */
    routeTable: RouteEntry[];
    handlersInFlight: HandlersInFlight;
    /** Whether every module has read what it keeps in memory (prepareModules, app.ts); reported by /readyz. */
    modulesPrepared: boolean;
    /**
     * A keyed hash (HMAC-SHA256 under a key derived from the platform secret for each purpose) for values kept only to
     * be recognised later, such as the email addresses and client addresses of sign-in counters: a copy of the
     * database alone cannot turn them back into addresses.
     */
    keyedHash(purpose: string, text: string): string;
  }

  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: Translate;
    /** Hash of the session token when signed in: binds CSRF tokens to the session. */
    sessionKey: string | null;
    flash: Flash | null;
    /** A kept form this page fills in (core/http/kept.ts). */
    keptShown: KeptView | null;
    /** A refused form's page: the id its copy is kept under for the language links, and the state the page showed. */
    keptLanguage: { id: string; stored: boolean; state: FormState | null } | null;
    /** Figures of the navigation entries with a count, for pages shown to a signed-in person (see pages.ts). */
    navigationCounts: ReadonlyMap<string, number> | null;
  }

  interface FastifyReply {
    /** Renders a page component inside the layout and sends it. */
    page(view: JSX.Element, status?: number): FastifyReply;
    /** Stores a message shown once on the next page (after a redirect). */
    setFlash(flash: Flash): FastifyReply;
  }

  interface FastifyContextConfig {
    /** Open to anonymous visitors; no policy action is checked at the route. */
    public?: boolean;
    /** The policy action the route performs; checked (coarsely) before the handler, exactly in the use case. */
    action?: PolicyAction;
    /**
     * Takes unsafe requests without a CSRF token. Only for a route whose credential is a secret in its own URL (so a
     * forged request cannot know it) and which a mail client calls without a page, such as the RFC 8058 one-click
     * unsubscribe POST; the architecture test lists the routes allowed to say so.
     */
    withoutCsrf?: true;
    /** Answers no page (files, health checks): the page cache (core/cache) does not even read the data version for it. */
    notAPage?: true;
  }
}
