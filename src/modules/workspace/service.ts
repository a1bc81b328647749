/**
 * My work (/me): what waits for a signed-in person and their drafts. The workspace offers two extension points and the
 * modules that own the records fill them, so the workspace never reads another module's tables. Each contribution
 * runs one query for the person, scoped by the memberships the central policy decides on, so /me stays fast.
 */
import type { Db } from '../../core/db/database.js';
import type { Translate } from '../../core/i18n/i18n.js';
import { extensionPoint } from '../../core/extensions.js';
import type { Locale } from '../../core/i18n/locales.js';
import { contributionsTo } from '../../core/module.js';
import type { MembershipRole, UserActor } from '../../core/policy/actor.js';
import { followedBy, recentActivity, unreadCount, type FollowTargetType } from '../notifications/service.js';
import { listProgrammes, type Programme } from '../programmes/service.js';

/** One thing on the person's list: a record to act on, named by its own title, with the kind of work in words. */
export interface WorkItem {
  /** Catalogue key naming the kind of work ("Practice to review"), in the reader's language. */
  kindKey: string;
  /** The record's own title (not translated). */
  text: string;
  /** The language the title is written in, when the module knows it (a practice's language). */
  lang?: string | null;
  href: string;
  /** The deadline (an ISO date) or the moment it takes place; null when there is none. */
  due?: string | Date | null;
  /** Extra words on the item, e.g. "12 registered" (catalogue key and values). */
  detail?: { key: string; values: Record<string, string | number> } | null;
}

/** What a module is told about the person asking. */
export interface WorkContext {
  db: Db;
  actor: UserActor;
  locale: Locale;
  /** The moment /me is asked for: "today" and "due" are measured from it. */
  now: Date;
  /** The programmes the person is a member of, by id (semesters, deadlines). */
  programmes: ReadonlyMap<number, Programme>;
}

/** One module's share of a section of /me: one query for the person, or none when their roles have no such work. */
export type WorkSource = (context: WorkContext) => Promise<WorkItem[]>;

/** What waits for the person: reviews, proposals, comments, reports due, check-ins, values to validate. */
export const waitingWork = extensionPoint<WorkSource>('workspace.waiting');
/** The person's (their partner's) records not yet submitted or published. */
export const draftWork = extensionPoint<WorkSource>('workspace.drafts');

/** The programmes in which the person holds `role`. */
export function programmesAs(actor: UserActor, role: MembershipRole): number[] {
  return [...new Set(actor.memberships.filter((membership) => membership.role === role).map((membership) => membership.programmeId))];
}

/** The partners whose records the person edits. */
export function editedPartners(actor: UserActor): number[] {
  return [...new Set(actor.memberships.flatMap((membership) => (membership.role === 'editor' && membership.partnerId !== null ? [membership.partnerId] : [])))];
}

export interface MyWork {
  waiting: WorkItem[];
  drafts: WorkItem[];
  following: { type: FollowTargetType; id: number; title: string; href: string }[];
  /** Null for people who hold no staff role: the programme's activity names records not yet public. */
  activity: { title: string; link: string; at: Date }[] | null;
  unread: number;
}

/** How many steps of the programme's recent activity /me shows. */
const activityShown = 10;

/** Items with a date first, soonest first; then the others in the modules' order. */
function byDue(items: WorkItem[]): WorkItem[] {
  const time = (item: WorkItem) => (item.due ? new Date(item.due).getTime() : Number.POSITIVE_INFINITY);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => time(a.item) - time(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

async function collect(point: typeof waitingWork, context: WorkContext): Promise<WorkItem[]> {
  const parts = await Promise.all(contributionsTo(point).map((source) => source(context)));
  return parts.flat();
}

/**
 * Everything /me shows for one person, gathered from every module that fills the workspace's points, with what they
 * follow and the recent activity of the programmes they work in (notifications module).
 */
export async function myWork(db: Db, actor: UserActor, locale: Locale, t: Translate, now = new Date()): Promise<MyWork> {
  const memberOf = new Set(actor.memberships.map((membership) => membership.programmeId));
  const programmes = memberOf.size === 0 ? [] : (await listProgrammes(db)).filter((programme) => memberOf.has(programme.id));
  const context: WorkContext = { db, actor, locale, now, programmes: new Map(programmes.map((programme) => [programme.id, programme])) };
  const staffProgrammes = [...new Set([...programmesAs(actor, 'coordinator'), ...programmesAs(actor, 'editor')])];
  const [waiting, drafts, following, activity, unread] = await Promise.all([
    collect(waitingWork, context),
    collect(draftWork, context),
    followedBy(db, actor.userId),
    staffProgrammes.length > 0 ? recentActivity(db, staffProgrammes, activityShown, t) : null,
    unreadCount(db, actor.userId),
  ]);
  return { waiting: byDue(waiting), drafts, following, activity, unread };
}

export { feedLinks, publicFeeds, type FeedEntry, type FeedReader, type FeedScope, type FeedSource } from './feeds.js';
