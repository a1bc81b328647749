/**
 * Rendered pages kept in memory and answered again while nothing has changed: same address, same language, same
 * visitor (nobody signed in, or the same session and CSRF cookie, whose token the page's forms carry), the same data
 * version (every write raises it, on any node: data-version.ts) and the same minute (pages show what is upcoming,
 * open or overdue, and every time the platform keeps is to the minute). A hit costs one shared query for the version
 * instead of the page's queries and rendering, and is sent already compressed. A page whose forms carry a visitor's
 * own CSRF token (a visitor without a session) is kept with a gap where the token was, filled with the next visitor's
 * own token (gzip-gaps.ts). What a page shows only once is never kept: a flash message, a kept form filled
 * in, a page that set a cookie (other than that visitor's CSRF secret), anything but a 200 page for a browser. See
 * docs/performance/README.md.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';
import { wantsJson } from '../http/accepts.js';
import { dataVersionOf, DataVersionReader } from './data-version.js';
import { acceptsGzip, chooseEncoding, encode, tooSmallToEncode, type ContentEncoding } from './encoding.js';
import { compressAroundGaps, fillGaps, type GzipAroundGaps } from './gzip-gaps.js';

interface CachedPage {
  version: number;
  minute: number;
  html: string;
  /** The page around its visitor's CSRF token, when it had one (as text, and gzipped once): each visitor gets their own in its place. */
  aroundToken: { text: string[]; gzip: GzipAroundGaps } | null;
  /** For a page around a token, a weak tag of the page whatever token fills it (see tagAroundToken). */
  etag: string | undefined;
  cacheControl: string;
  variants: Map<ContentEncoding, Buffer>;
}

/** Where a page being rendered may be kept, and what it was rendered against. */
interface CacheSlot {
  key: string;
  version: number;
  minute: number;
  /** The CSRF token of a visitor without a session the page gave out, cut out before the page is kept. */
  visitorTokens: Set<string>;
  /** Lets the requests waiting for this render go on (each then finds the page kept, or renders its own). */
  rendered: () => void;
}

export interface PageCacheOptions {
  /** Cookies whose presence means the page shows something once (a flash message, a kept form to fill in). */
  oneTimeCookies: string[];
  /** The cookie of a signed-in session and the CSRF secret's cookie: a signed-in person's pages are keyed by both. */
  sessionCookie: string;
  csrfCookie: string;
  /** Most memory the kept pages may take (their HTML and compressed copies). */
  maxBytes?: number;
}

const currentMinute = () => Math.floor(Date.now() / 60_000);

function sizeOf(page: CachedPage): number {
  let bytes = page.html.length * 2;
  for (const part of page.aroundToken?.text ?? []) bytes += part.length * 2;
  for (const part of page.aroundToken?.gzip.parts ?? []) bytes += part.length;
  for (const variant of page.variants.values()) bytes += variant.length;
  return Math.max(bytes, 1);
}

function keyOf(request: FastifyRequest, options: PageCacheOptions): string {
  const visitor = request.actor.kind === 'anonymous' ? '-' : `${request.sessionKey ?? ''}:${request.cookies[options.csrfCookie] ?? ''}`;
  // A browser's page carries the navigation's figures; the same page fetched by a script does not (core/http/pages).
  const reader = (request.headers.accept ?? '').includes('text/html') ? 'browser' : 'other';
  return `${visitor}\n${reader}\n${request.locale}\n${request.url}`;
}

function mayAnswer(request: FastifyRequest, options: PageCacheOptions): boolean {
  if (request.method !== 'GET' || request.is404 || request.routeOptions.config.notAPage || wantsJson(request)) return false;
  if (options.oneTimeCookies.some((name) => request.cookies[name] !== undefined)) return false;
  // A session cookie that no longer opens a session: the page may say so (and clear it).
  if (request.actor.kind === 'anonymous' && request.cookies[options.sessionCookie] !== undefined) return false;
  return request.actor.kind === 'anonymous' || request.sessionKey !== null;
}

/**
 * One weak tag for a page around a visitor's token, whichever token fills it: a browser's copy holds a token of its
 * own visitor's CSRF secret, which stays valid while their cookie holds that secret, so "unchanged" (304) is true for
 * every visitor who still has their cookie. Hashing each visitor's copy instead gave a tag that never matched, and
 * cost a hash per answer.
 */
function tagAroundToken(parts: string[]): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part).update('\0');
  return `W/"${hash.digest('base64')}"`;
}

/** The visitor's CSRF cookie is there and signed by this platform (the secret their copy's token was made from). */
function holdsValidCookie(request: FastifyRequest, csrfCookie: string): boolean {
  const cookie = request.cookies[csrfCookie];
  return cookie !== undefined && request.unsignCookie(cookie).valid;
}

function sendKept(request: FastifyRequest, reply: FastifyReply, page: CachedPage, csrfCookie: string): FastifyReply {
  reply
    .header('x-page-cache', 'hit')
    .header('cache-control', page.cacheControl)
    .header('vary', 'Cookie, Accept-Language, Accept-Encoding')
    .type('text/html; charset=utf-8');
  if (page.aroundToken) {
    reply.header('etag', page.etag);
    const revalidating = request.headers['if-none-match'] === page.etag;
    // Decided here, not by the ETag plugin, which cannot know that the copy's token must be of the visitor's secret.
    delete request.headers['if-none-match'];
    if (revalidating && holdsValidCookie(request, csrfCookie)) return reply.code(304).send();
    // The same page with this visitor's own token: put together from parts gzipped once when the client takes gzip
    // (even if it prefers brotli, which would have to compress the whole page again), else left to the plugins.
    const token = reply.generateCsrf({ userInfo: 'anonymous' });
    if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(page.aroundToken.text.join(token));
    return reply.header('content-encoding', 'gzip').send(fillGaps(page.aroundToken.gzip, token));
  }
  if (page.etag) {
    reply.header('etag', page.etag);
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
  }
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding === 'identity' || tooSmallToEncode(page.html)) return reply.send(page.html);
  let body = page.variants.get(encoding);
  if (!body) {
    body = encode(page.html, encoding);
    page.variants.set(encoding, body);
  }
  return reply.header('content-encoding', encoding).send(body);
}

declare module 'fastify' {
  interface FastifyRequest {
    pageCacheSlot: CacheSlot | null;
    /** The data version, when something this request already asked the database read it too (the session's lookup). */
    dataVersionSeen: number | null;
  }
}

/** Notes the CSRF token a page gave a visitor without a session, to be cut out of the page kept for others. */
export function gaveVisitorToken(request: FastifyRequest, token: string): void {
  if (request.pageCacheSlot && request.actor.kind === 'anonymous') request.pageCacheSlot.visitorTokens.add(token);
}

/** Set-Cookie holds nothing but the visitor's CSRF secret (set when the page gave their first token), or nothing. */
function setsOnlyCsrfSecret(setCookie: unknown, csrfCookie: string): boolean {
  if (setCookie === undefined) return true;
  const cookies = Array.isArray(setCookie) ? setCookie : [setCookie];
  return cookies.every((cookie) => String(cookie).startsWith(`${csrfCookie}=`));
}

export const pageCachePlugin = fp<PageCacheOptions>(
  async (app, options) => {
    const pages = new LRUCache<string, CachedPage>({ maxSize: options.maxBytes ?? 64 * 1024 * 1024, sizeCalculation: sizeOf });
    const version = new DataVersionReader(() => dataVersionOf(app.db));
    /** Renders under way, by data version, minute and page key: requests for the same page wait for the first. */
    const renders = new Map<string, Promise<void>>();
    app.decorateRequest('pageCacheSlot', null);

    // After the session and language are known (the plugins before this one), before any page query runs.
    app.addHook('onRequest', async (request, reply) => {
      if (!mayAnswer(request, options)) return;
      const key = keyOf(request, options);
      const minute = currentMinute();
      const current = request.dataVersionSeen ?? (await version.current());
      const keptNow = () => {
        const kept = pages.get(key);
        return kept && kept.version === current && kept.minute === minute ? kept : undefined;
      };
      let kept = keptNow();
      if (kept) return sendKept(request, reply, kept, options.csrfCookie);
      // The same page asked for again while it renders (a popular page at a new minute or after a write): wait for
      // that render rather than render it once more for each request.
      const renderKey = `${current}@${minute}\n${key}`;
      const rendering = renders.get(renderKey);
      if (rendering) {
        await rendering;
        kept = keptNow();
        if (kept) return sendKept(request, reply, kept, options.csrfCookie);
        request.pageCacheSlot = { key, version: current, minute, visitorTokens: new Set(), rendered: () => undefined };
        return;
      }
      let finish = () => {};
      const thisRender = new Promise<void>((resolve) => (finish = resolve));
      renders.set(renderKey, thisRender);
      const rendered = () => {
        if (renders.get(renderKey) === thisRender) renders.delete(renderKey);
        finish();
      };
      // Whatever becomes of the render (kept, not kept, failed, the connection lost), the waiting requests go on.
      reply.raw.once('close', rendered);
      request.pageCacheSlot = { key, version: current, minute, visitorTokens: new Set(), rendered };
    });

    // Before the compression plugin (a route's own onSend hook), which leaves an encoded body alone.
    app.addHook('onSend', async (request, reply, payload) => {
      const slot = request.pageCacheSlot;
      if (!slot || reply.statusCode !== 200 || typeof payload !== 'string' || request.flash || slot.visitorTokens.size > 1) return payload;
      if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      if (!setsOnlyCsrfSecret(reply.getHeader('set-cookie'), options.csrfCookie)) return payload;
      const [token] = slot.visitorTokens;
      if (token === undefined && reply.getHeader('set-cookie') !== undefined) return payload;
      if (token !== undefined) {
        // Kept with a gap for each visitor's own token; sent now as rendered, compression left to its plugin.
        const parts = payload.split(token);
        const etag = tagAroundToken(parts);
        pages.set(slot.key, {
          version: slot.version,
          minute: slot.minute,
          html: '',
          aroundToken: { text: parts, gzip: compressAroundGaps(parts) },
          etag,
          cacheControl: String(reply.getHeader('cache-control') ?? 'no-cache'),
          variants: new Map(),
        });
        slot.rendered();
        // The tag the plugin computed (run before this hook) is this visitor's copy's alone: the page's own replaces it.
        reply.header('etag', etag);
        return payload;
      }
      const page: CachedPage = {
        version: slot.version,
        minute: slot.minute,
        html: payload,
        aroundToken: null,
        etag: reply.getHeader('etag') as string | undefined,
        cacheControl: String(reply.getHeader('cache-control') ?? 'no-cache'),
        variants: new Map(),
      };
      const chosen = chooseEncoding(request.headers['accept-encoding']);
      const encoding = tooSmallToEncode(payload) ? 'identity' : chosen;
      if (encoding !== 'identity') page.variants.set(encoding, encode(payload, encoding));
      pages.set(slot.key, page);
      slot.rendered();
      reply.header('vary', 'Cookie, Accept-Language, Accept-Encoding');
      if (encoding === 'identity') return payload;
      reply.header('content-encoding', encoding);
      return page.variants.get(encoding);
    });
  },
  { name: 'better-page-cache', dependencies: ['@fastify/cookie', 'better-i18n', 'better-sessions'] },
);
