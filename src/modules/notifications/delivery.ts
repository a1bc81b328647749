/**
 * The worker's part: notifications waiting for an email alone are written into the outbox at the next poll, and
 * once a day (and on Mondays for the week) each person with waiting digest notifications gets one digest. Claims
 * happen inside the transaction that queues the email, so a notification is emailed once whatever the number of
 * nodes: rows are claimed with FOR UPDATE SKIP LOCKED, and a digest is keyed by person and period
 * (notification_digests), so a second node finds the key taken and sends nothing.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { EmailContext } from '../../core/mail/outbox.js';
import { queueEmail } from '../../core/mail/outbox.js';
import { newToken } from '../../core/tokens.js';
import { declaredKinds, describeTargets, targetKey } from './kinds.js';
import { digestEmail, notificationEmail, unsubscribeHeaders, unsubscribeUrl, type EmailedNotification } from './email.js';
import { addresseesOf } from '../accounts/service.js';
import * as queries from './queries.js';

/** Digests go out from 06:00 UTC (07:00 or 08:00 in the partners' countries), weekly ones on Mondays. */
export const digestHourUtc = 6;

/** The start of the current daily period: today at the digest hour, or yesterday's before it. */
export function dailyPeriodStart(now: Date): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
  if (start > now) start.setUTCDate(start.getUTCDate() - 1);
  return start;
}

/** The start of the current weekly period: the latest Monday at the digest hour. */
export function weeklyPeriodStart(now: Date): Date {
  const start = dailyPeriodStart(now);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  return start;
}

type Claimed = Awaited<ReturnType<typeof queries.claimPendingEmails>>[number];

function emailed(row: Claimed): EmailedNotification {
  return { kind: row.kind, messageKey: row.message_key, values: row.message_values, link: row.link };
}

async function recipientsOf(trx: Tx, userIds: readonly number[]) {
  return new Map((await addresseesOf(trx, userIds)).map((person) => [person.id, person]));
}

/**
 * Writes the emails of notifications whose person asked to be told at once, up to `batchSize`; answers how many.
 * A person no longer active by then is not emailed.
 */
export async function deliverNotificationEmails(db: Db, mail: EmailContext, batchSize = 50): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const claimed = await queries.claimPendingEmails(trx, batchSize);
    if (claimed.length === 0) return 0;
    const people = await recipientsOf(
      trx,
      claimed.map((row) => row.user_id),
    );
    const targets = await describeTargets(
      trx,
      claimed.flatMap((row) => (row.followed_type && row.followed_id !== null ? [{ type: row.followed_type, id: row.followed_id }] : [])),
    );
    const skipped: number[] = [];
    let queued = 0;
    for (const row of claimed.sort((a, b) => a.id - b.id)) {
      const person = people.get(row.user_id);
      if (!person || !person.active) {
        skipped.push(row.id);
        continue;
      }
      const t = mail.translator.translate(person.locale);
      const unsubscribe = unsubscribeUrl(mail.publicUrl, await queries.tokenOf(trx, person.id, newToken()), [row.kind]);
      const because =
        row.reason === 'follower' && row.followed_type && row.followed_id !== null
          ? { reason: 'follower' as const, title: targets.get(targetKey(row.followed_type, row.followed_id))?.title ?? null }
          : { reason: 'recipient' as const };
      const { subject, bodyText } = notificationEmail(t, mail.publicUrl, emailed(row), because, unsubscribe);
      await queueEmail(trx, { kind: 'notification', to: person.email, subject, bodyText, headers: unsubscribeHeaders(unsubscribe) });
      queued += 1;
    }
    await queries.markNotEmailed(trx, skipped);
    return queued;
  });
}

/** One person's digest of the period, unless it was made already; answers whether an email was queued. */
async function sendDigestTo(db: Db, mail: EmailContext, userId: number, cadence: 'daily' | 'weekly', periodStart: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await queries.insertDigest(trx, userId, cadence, periodStart))) return false;
    const rows = await queries.claimDigestRows(trx, userId, cadence, periodStart);
    if (rows.length === 0) return false;
    const person = (await recipientsOf(trx, [userId])).get(userId);
    if (!person || !person.active) {
      await queries.markNotEmailed(
        trx,
        rows.map((row) => row.id),
      );
      return false;
    }
    const t = mail.translator.translate(person.locale);
    const ordered = rows.sort((a, b) => a.id - b.id).map(emailed);
    const unsubscribe = unsubscribeUrl(
      mail.publicUrl,
      await queries.tokenOf(trx, userId, newToken()),
      ordered.map((row) => row.kind),
    );
    const { subject, bodyText } = digestEmail(t, mail.publicUrl, cadence, ordered, declaredKinds(), unsubscribe);
    await queueEmail(trx, { kind: `notification_digest_${cadence}`, to: person.email, subject, bodyText, headers: unsubscribeHeaders(unsubscribe) });
    return true;
  });
}

/**
 * Sends the digests that are due: for each cadence, everyone with digest notifications made before the current
 * period began and no digest for that period yet. Runs at every poll; between digest hours it finds nothing.
 */
export async function sendDigests(db: Db, mail: EmailContext, now = new Date(), batchSize = 100): Promise<{ daily: number; weekly: number }> {
  const sent = { daily: 0, weekly: 0 };
  for (const [cadence, periodStart] of [
    ['daily', dailyPeriodStart(now)],
    ['weekly', weeklyPeriodStart(now)],
  ] as const) {
    for (const userId of await queries.listDigestRecipients(db, cadence, periodStart, batchSize)) {
      if (await sendDigestTo(db, mail, userId, cadence, periodStart)) sent[cadence] += 1;
    }
  }
  return sent;
}

/** Housekeeping: the record of digests sent is kept 60 days. */
export async function pruneDigestRecords(db: Db): Promise<number> {
  return queries.deleteOldDigests(db);
}
