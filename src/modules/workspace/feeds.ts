/**
 * Public RSS 2.0 and Atom feeds of a programme's or a partner's new records (published practices, events, endorsed
 * plans). The modules owning the records fill `publicFeeds` with a source that lists the newest entries in one query;
 * the workspace gives every source the same stable URLs and writes the XML with the `feed` library:
 *
 *   /programmes/:programmeId/feeds/<name>.atom   /programmes/:programmeId/feeds/<name>.rss
 *   /partners/:partnerId/feeds/<name>.atom       /partners/:partnerId/feeds/<name>.rss
 */
import type { FastifyPluginAsync } from 'fastify';
import { Feed } from 'feed';
import type { Db } from '../../core/db/database.js';
import { extensionPoint } from '../../core/extensions.js';
import { HttpError } from '../../core/http/errors.js';
import { idParam, idPattern } from '../../core/http/params.js';
import type { Translate } from '../../core/i18n/i18n.js';
import type { Locale } from '../../core/i18n/locales.js';
import { contributionsTo } from '../../core/module.js';
import { anonymous } from '../../core/policy/actor.js';
import type { PolicyAction } from '../../core/policy/policy.js';
import { findPartner } from '../partners/service.js';
import { findProgramme } from '../programmes/service.js';

/** Whose records a feed lists: a whole programme's, or one partner's. */
export type FeedScope = { programmeId: number; partnerId?: undefined } | { partnerId: number; programmeId?: undefined };

/** One record in a feed, in its own language. */
export interface FeedEntry {
  title: string;
  /** The record's page on the site (e.g. /practices/12); with the public URL it is also the entry's stable id. */
  path: string;
  updated: Date;
  published: Date | null;
  /** Plain text; escaped here for the feed's HTML fields. */
  summary: string;
  /** The partner the record belongs to. */
  author: string;
  /** The language the title and summary are written in, when known. */
  language: Locale | null;
}

/** The language of the request, for the words a feed adds to the records' own (dates, "version 2"). */
export interface FeedReader {
  locale: Locale;
  t: Translate;
  formatDate: (value: string | Date) => string;
}

export interface FeedSource {
  /** The feed's file name, lowercase (practices → practices.atom). */
  name: string;
  /** Catalogue key of the feed's title, with {{name}} the programme's or partner's name. */
  titleKey: string;
  /** Catalogue key of the link inviting to subscribe. */
  labelKey: string;
  /** The public read action of the records: the feed is public exactly when they are. */
  action: PolicyAction;
  /** The newest entries of the scope (at most 50), newest first, only records everyone may read. */
  entries(db: Db, scope: FeedScope, reader: FeedReader): Promise<FeedEntry[]>;
}

export const publicFeeds = extensionPoint<FeedSource>('workspace.feeds');

export const feedFormats = { atom: 'application/atom+xml', rss: 'application/rss+xml' } as const;
export type FeedFormat = keyof typeof feedFormats;

/** The site paths of a scope's feeds, for links on pages and `<link rel="alternate">`. */
export function feedLinks(scope: FeedScope): { name: string; labelKey: string; atom: string; rss: string }[] {
  const base = scope.programmeId !== undefined ? `/programmes/${scope.programmeId}` : `/partners/${scope.partnerId}`;
  return contributionsTo(publicFeeds).map((source) => ({
    name: source.name,
    labelKey: source.labelKey,
    atom: `${base}/feeds/${source.name}.atom`,
    rss: `${base}/feeds/${source.name}.rss`,
  }));
}

/** Text made safe for the feeds' HTML fields (Atom type="html", RSS description): a title "<b>" stays text. */
function asHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface FeedDocument {
  id: string;
  title: string;
  /** The page the feed is about (absolute). */
  link: string;
  self: { atom: string; rss: string };
  entries: FeedEntry[];
}

/**
 * The feed as XML. Atom marks each entry with the language it is written in (xml:lang); RSS has one language per
 * channel, given only when every entry shares it.
 */
export function writeFeed(document: FeedDocument, format: FeedFormat, publicUrl: string): string {
  const languages = new Set(document.entries.map((entry) => entry.language));
  const [only] = languages;
  const feed = new Feed({
    id: document.id,
    title: document.title,
    link: document.link,
    feedLinks: document.self,
    // An empty feed has nothing newer than the moment it is read.
    updated:
      document.entries.reduce<Date | undefined>((newest, entry) => (!newest || entry.updated > newest ? entry.updated : newest), undefined) ?? new Date(),
    generator: 'BETTER',
    copyright: '',
    ...(languages.size === 1 && only ? { language: only } : {}),
  });
  for (const entry of document.entries) {
    const url = `${publicUrl}${entry.path}`;
    feed.addItem({
      title: format === 'atom' ? asHtml(entry.title) : entry.title,
      id: url,
      guid: url,
      link: url,
      date: entry.updated,
      ...(entry.published ? { published: entry.published } : {}),
      description: asHtml(entry.summary),
      author: [{ name: entry.author }],
    });
  }
  if (format === 'rss') return feed.rss2();
  // The library writes no per-entry language; entries come out in order and every text in them is escaped, so the
  // n-th "<entry>" is the n-th entry's opening tag.
  let index = 0;
  return feed.atom1().replace(/<entry>/g, () => {
    const language = document.entries[index++]?.language;
    return language ? `<entry xml:lang="${language}">` : '<entry>';
  });
}

/** The feed routes of every source, for programmes and partners; an unknown programme or partner is a 404. */
export const feedRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app;
  const publicUrl = app.config.publicUrl.replace(/\/$/, '');
  for (const source of contributionsTo(publicFeeds)) {
    for (const format of Object.keys(feedFormats) as FeedFormat[]) {
      const answer = async (scope: FeedScope, name: string, page: string, locale: Locale, t: Translate) => {
        const base = `${publicUrl}${page}/feeds/${source.name}`;
        return writeFeed(
          {
            id: `${base}.atom`,
            title: t(source.titleKey, { name }),
            link: `${publicUrl}${page}`,
            self: { atom: `${base}.atom`, rss: `${base}.rss` },
            entries: await source.entries(db, scope, { locale, t, formatDate: (value) => app.translator.formatDate(locale, value) }),
          },
          format,
          publicUrl,
        );
      };
      app.get(`/programmes/:programmeId${idPattern}/feeds/${source.name}.${format}`, { config: { action: source.action } }, async (request, reply) => {
        const programme = await findProgramme(db, idParam(request.params, 'programmeId'));
        if (!programme) throw new HttpError('not_found');
        const xml = await answer({ programmeId: programme.id }, programme.title, `/programmes/${programme.id}`, request.locale, request.t);
        return reply.type(`${feedFormats[format]}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(xml);
      });
      app.get(`/partners/:partnerId${idPattern}/feeds/${source.name}.${format}`, { config: { action: source.action } }, async (request, reply) => {
        const partner = await findPartner(db, anonymous, idParam(request.params, 'partnerId'));
        if (!partner) throw new HttpError('not_found');
        const xml = await answer({ partnerId: partner.id }, partner.name, `/partners/${partner.id}`, request.locale, request.t);
        return reply.type(`${feedFormats[format]}; charset=utf-8`).header('cache-control', 'public, max-age=300').send(xml);
      });
    }
  }
};
