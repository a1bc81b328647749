/**
 * Chooses each request's interface language (the visitor's choice in a cookie, else the browser's
 * Accept-Language, else English) and serves the language switcher's links.
 */
import fp from 'fastify-plugin';
import { HttpError } from '../http/errors.js';
import { safeLocalPath } from '../http/redirects.js';
import { defaultLocale, isLocale, type Locale } from './locales.js';

export const languageCookie = 'better_lang';
const oneYear = 365 * 24 * 60 * 60;

/** The best supported language in an Accept-Language header, by quality then order. */
export function negotiateLocale(header: string | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { language: tag.toLowerCase().split('-')[0] ?? '', quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}

export const i18nPlugin = fp(
  async (app) => {
    app.decorateRequest('locale', defaultLocale);
    app.decorateRequest('t');
    app.addHook('onRequest', async (request) => {
      const chosen = request.cookies[languageCookie];
      request.locale = isLocale(chosen) ? chosen : (negotiateLocale(request.headers['accept-language']) ?? defaultLocale);
      request.t = app.translator.translate(request.locale);
    });

    app.get<{ Params: { locale: string }; Querystring: { next?: unknown } }>(
      '/language/:locale(^[a-z]{2}$)',
      { config: { public: true } },
      async (request, reply) => {
        const { locale } = request.params;
        if (!isLocale(locale)) throw new HttpError('not_found');
        const { next } = request.query;
        reply.setCookie(languageCookie, locale, { path: '/', maxAge: oneYear, sameSite: 'lax', secure: 'auto', httpOnly: true });
        return reply.redirect(safeLocalPath(next), 303);
      },
    );
  },
  { name: 'better-i18n', dependencies: ['@fastify/cookie'] },
);
