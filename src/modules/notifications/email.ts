/**
 * The words of notification emails, in the recipient's language: one step's email (title as subject, its paragraph,
 * the link, why the person gets it) and the digest (every waiting step grouped by kind); both end with the links to
 * the person's settings and to unsubscribe, which also go into the List-Unsubscribe headers (RFC 2369, RFC 8058).
 */
import type { Translate } from '../../core/i18n/i18n.js';
import type { EmailHeaders } from '../../core/mail/tables.js';
import type { NotificationKind } from './types.js';

export interface EmailedNotification {
  kind: string;
  messageKey: string;
  values: Record<string, string | number>;
  link: string;
}

/** Why the person is told: the step concerned them, or they follow a record (its title, when it still exists). */
export type Because = { reason: 'recipient' } | { reason: 'follower'; title: string | null };

/** The person's one-click unsubscribe address for these kinds (all kinds when none are named). */
export function unsubscribeUrl(publicUrl: string, token: string, kinds: readonly string[]): string {
  const query = kinds.length > 0 ? `?kinds=${encodeURIComponent([...new Set(kinds)].sort().join(','))}` : '';
  return `${publicUrl}/notifications/unsubscribe/${token}${query}`;
}

/** The header fields that let a mail client offer "unsubscribe" and do it in one POST without opening a page. */
export function unsubscribeHeaders(url: string): EmailHeaders {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function footer(t: Translate, publicUrl: string, unsubscribe: string, why: string): string {
  return [
    '-- ',
    why,
    t('notifications.email.settings', { url: `${publicUrl}/notifications/settings` }),
    t('notifications.email.unsubscribe', { url: unsubscribe }),
    '',
    t('common.email.signature'),
    '',
  ].join('\n');
}

function whyLine(t: Translate, because: Because): string {
  if (because.reason === 'recipient') return t('notifications.email.why.recipient');
  return because.title === null ? t('notifications.email.why.followerUnnamed') : t('notifications.email.why.follower', { title: because.title });
}

/** One notification's email: the subject is its title. */
export function notificationEmail(
  t: Translate,
  publicUrl: string,
  notification: EmailedNotification,
  because: Because,
  unsubscribe: string,
): { subject: string; bodyText: string } {
  const title = t(`${notification.messageKey}.title`, notification.values);
  const body = t(`${notification.messageKey}.body`, notification.values);
  return {
    subject: title,
    bodyText: [
      body,
      '',
      t('notifications.email.open', { url: `${publicUrl}${notification.link}` }),
      '',
      footer(t, publicUrl, unsubscribe, whyLine(t, because)),
    ].join('\n'),
  };
}

/** The digest: one section per kind (in the platform's order of kinds), each step's title and link. */
export function digestEmail(
  t: Translate,
  publicUrl: string,
  cadence: 'daily' | 'weekly',
  notifications: readonly EmailedNotification[],
  kinds: ReadonlyMap<string, NotificationKind>,
  unsubscribe: string,
): { subject: string; bodyText: string } {
  const order = [...kinds.keys()];
  const groups = new Map<string, EmailedNotification[]>();
  for (const notification of notifications) groups.set(notification.kind, [...(groups.get(notification.kind) ?? []), notification]);
  const sortedKinds = [...groups.keys()].sort(
    (a, b) => (order.indexOf(a) === -1 ? 1e9 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 1e9 : order.indexOf(b)),
  );
  const sections = sortedKinds.map((kind) => {
    const label = t(kinds.get(kind)?.labelKey ?? kind);
    const lines = (groups.get(kind) ?? []).map(
      (notification) => `- ${t(`${notification.messageKey}.title`, notification.values)}\n  ${publicUrl}${notification.link}`,
    );
    return [`${label} (${lines.length})`, ...lines].join('\n');
  });
  return {
    subject: t(`notifications.digest.subject.${cadence}`, { count: notifications.length }),
    bodyText: [
      t(`notifications.digest.intro.${cadence}`, { count: notifications.length }),
      '',
      sections.join('\n\n'),
      '',
      t('notifications.email.all', { url: `${publicUrl}/notifications` }),
      '',
      footer(t, publicUrl, unsubscribe, t(`notifications.email.why.${cadence}`)),
    ].join('\n'),
  };
}
