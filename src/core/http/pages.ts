/**
 * Page replies: `reply.page(<SomePage />)` renders inside the layout with the request's view context, and
 * one-time flash messages carried across a redirect in a signed cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { JSX } from 'preact';
import { gaveVisitorToken } from '../cache/page-cache.js';
import { can, mayAttempt } from '../policy/policy.js';
import type { Flash, ViewContext } from '../views/context.js';
import { renderDocument } from '../views/render.js';
import { keepable, refererPath } from './kept.js';
import { newKeptId } from './kept-owner.js';
import { lostUploads, offerUploads } from './uploads.js';

export const flashCookie = 'better_flash';

function readFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const raw = request.cookies[flashCookie];
  if (!raw) return null;
  reply.clearCookie(flashCookie, { path: '/' });
  const unsigned = reply.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const parsed = JSON.parse(unsigned.value) as Partial<Flash>;
    if ((parsed.kind === 'success' || parsed.kind === 'info') && typeof parsed.key === 'string') {
      return parsed.values ? { kind: parsed.kind, key: parsed.key, values: parsed.values } : { kind: parsed.kind, key: parsed.key };
    }
  } catch {
    // A tampered or outdated cookie is simply ignored.
  }
  return null;
}

export function viewContextFor(request: FastifyRequest, reply: FastifyReply): ViewContext {
  const { translator, config, navigation } = request.server;
  const locale = request.locale;
  let token: string | undefined;
  return {
    t: request.t,
    locale,
    actor: request.actor,
    currentPath: request.url,
    csrfToken: () => {
      token ??= reply.generateCsrf({ userInfo: request.sessionKey ?? 'anonymous' });
      // A visitor without a session gets a token of this browser's own: a copy of the page kept for others leaves it out.
      gaveVisitorToken(request, token);
      return token;
    },
    formatDate: (value) => translator.formatDate(locale, value),
    formatDateTime: (value) => translator.formatDateTime(locale, value),
    formatNumber: (value) => translator.formatNumber(locale, value),
    formatEuros: (value) => `EUR ${translator.formatNumber(locale, Math.round(value))}`,
    can: (action, scope) => can(request.actor, action, scope),
    flash: request.flash,
    demo: config.demo,
    navigation,
    kept: request.keptShown,
    // A page answering a form leads its language links to the form's kept copy (shown again in the new language), or
    // back to the page the form was on: the address of a POST is no page.
    languageNext: request.method === 'GET' ? undefined : request.keptLanguage ? `/kept-forms/${request.keptLanguage.id}` : (refererPath(request) ?? '/'),
    sawForm: (state) => {
      if (request.keptLanguage && !request.keptLanguage.state && state.errors.length) request.keptLanguage.state = state;
    },
    offeredUploads: (field, errors) => offerUploads(request, field, errors),
    lostUploads: (field) => lostUploads(request, field),
    navigationCounts: request.navigationCounts ?? noCounts,
  };
}

const noCounts: ReadonlyMap<string, number> = new Map();

/**
 * The navigation's figures ("Notifications (3 unread)") for a signed-in person's page. Pages are read synchronously,
 * so the figures are counted before the handler; only for a browser asking for a page (not for JSON, files or forms
 * posted), which keeps the cost to one indexed count per page viewed.
 */
async function countNavigation(request: FastifyRequest): Promise<ReadonlyMap<string, number>> {
  const { actor, method, headers, server } = request;
  if (actor.kind !== 'user' || method !== 'GET' || !(headers.accept ?? '').includes('text/html')) return noCounts;
  const counted = server.navigation.flatMap((item) =>
    item.count && (!item.action || mayAttempt(actor, item.action)) ? [{ href: item.href, count: item.count }] : [],
  );
  if (counted.length === 0) return noCounts;
  const figures = await Promise.all(counted.map((item) => item.count.count(server.db, actor.userId)));
  return new Map(counted.map((item, index) => [item.href, figures[index] ?? 0]));
}

export const pagesPlugin = fp(
  async (app) => {
    app.decorateRequest('flash', null);
    app.decorateRequest('navigationCounts', null);
    app.addHook('onRequest', async (request, reply) => {
      request.flash = request.method === 'GET' ? readFlash(request, reply) : null;
    });
    // After onRequest, where the session plugin sets the actor.
    app.addHook('preHandler', async (request) => {
      if (!request.is404) request.navigationCounts = await countNavigation(request);
    });

    app.decorateReply('page', function (this: FastifyReply, view: JSX.Element, status = 200) {
      // A refused form's page: its copy is kept for the language links when the answer goes (core/http/kept).
      if (status >= 400 && status < 500 && !this.request.keptLanguage && keepable(this.request)) {
        this.request.keptLanguage = { id: newKeptId(), stored: false, state: null };
      }
      const html = renderDocument(viewContextFor(this.request, this), view);
      // Pages may show personal data to signed-in users; nothing is stored by shared caches.
      this.code(status)
        .header('cache-control', this.request.actor.kind === 'user' ? 'no-store' : 'no-cache')
        .header('vary', 'Cookie, Accept-Language')
        .type('text/html; charset=utf-8');
      return this.send(html);
    });

    app.decorateReply('setFlash', function (this: FastifyReply, flash: Flash) {
      return this.setCookie(flashCookie, JSON.stringify(flash), { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto', signed: true, maxAge: 60 });
    });
  },
  { name: 'better-pages', dependencies: ['@fastify/cookie', 'better-csrf'] },
);
