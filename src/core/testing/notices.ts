/**
 * What a test asks of notifications: who among some people was told of a workflow step (by kind), and with which
 * title in their own language, as the notifications page and the email subject render it.
 */
import type { Db } from '../db/database.js';
import { getTranslator } from '../i18n/i18n.js';
import { follow, listNotifications, type FollowTargetType } from '../../modules/notifications/service.js';
import type { TestUser } from './factories.js';
import { valueOf } from './factories.js';

/** The person's notifications, newest first, with title and text in the person's own language. */
export async function noticesOf(db: Db, user: TestUser): Promise<{ id: number; kind: string; title: string; body: string; link: string }[]> {
  const listed = await listNotifications(db, user.actor, 1);
  if (!listed.ok) throw new Error(`The notifications of user ${user.id} cannot be listed: ${listed.reason}`);
  const { locale } = await db.selectFrom('users').select('locale').where('id', '=', user.id).executeTakeFirstOrThrow();
  const t = (await getTranslator()).translate(locale);
  return listed.value.entries.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    title: t(`${entry.messageKey}.title`, entry.values),
    body: t(`${entry.messageKey}.body`, entry.values),
    link: entry.link,
  }));
}

/**
 * Runs a step and answers who among the people got a new notification of the kind (their names, sorted) and the
 * title each one got.
 */
export async function whoIsTold(
  db: Db,
  people: Record<string, TestUser>,
  kind: string,
  step: () => Promise<unknown>,
): Promise<{ names: string[]; titles: Record<string, string>; links: Record<string, string> }> {
  const latest = new Map<string, number>();
  for (const [name, user] of Object.entries(people)) latest.set(name, (await noticesOf(db, user))[0]?.id ?? 0);
  await step();
  const titles: Record<string, string> = {};
  const links: Record<string, string> = {};
  for (const [name, user] of Object.entries(people)) {
    const fresh = (await noticesOf(db, user)).filter((notice) => notice.id > (latest.get(name) ?? 0) && notice.kind === kind);
    if (fresh[0]) {
      titles[name] = fresh[0].title;
      links[name] = fresh[0].link;
    }
  }
  return { names: Object.keys(titles).sort(), titles, links };
}

/** The person follows the record (which must be followable: a published practice, an endorsed plan …). */
export async function aFollower(db: Db, user: TestUser, type: FollowTargetType, id: number): Promise<void> {
  valueOf(await follow(db, user.actor, type, id));
}
