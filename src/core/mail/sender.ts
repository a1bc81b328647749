/**
 * Delivers queued emails through SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of app nodes
 * can run the sender without sending an email twice; failures are retried with growing delays.
 */
import type { Transporter } from 'nodemailer';
import type { DatabaseKind, Db } from '../db/database.js';
import { leaseDueEmails, lockNextDueEmail, makeQueuedEmailsDueNow, markEmailSent, recordFailedAttempt, type DueEmail } from './queries.js';
import type { EmailAttachment, EmailHeaders } from './tables.js';

export const maxAttempts = 6;

/** Minutes to wait before the next attempt after `attempts` failures: 1, 5, 25, 125, 625. */
function retryDelayMinutes(attempts: number): number {
  return 5 ** (attempts - 1);
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
  /** Extra header fields (List-Unsubscribe …), passed to nodemailer as they are. */
  headers: EmailHeaders;
  messageId: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/**
 * How long an SMTP conversation may wait for connecting, for the server's greeting and for any answer. On PostgreSQL
 * the email's row lock and one of the node's connections are held meanwhile, so nodemailer's defaults (2 and 10
 * minutes) are far too long; 30 s is the bound a statement has too.
 */
export const smtpWaitMs = 30_000;

export function smtpTransport(smtpUrl: string, waitMs = smtpWaitMs): MailTransport & { close(): void } {
  // nodemailer is loaded with the first email sent rather than with every start (docs/performance/start.md).
  let transporter: Promise<Transporter> | undefined;
  const opened = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({ url: smtpUrl, connectionTimeout: waitMs, greetingTimeout: waitMs, socketTimeout: waitMs }),
    ));
  return {
    async send(message) {
      await (await opened()).sendMail(message);
    },
    close: () => void transporter?.then((open) => open.close()),
  };
}

export interface SendReport {
  sent: number;
  failed: number;
}

/**
 * A Message-ID derived from the row, the same at every attempt: should a node die after the mail server accepted an
 * email but before recording it as sent, the copy sent again is recognisable as the same message.
 */
export function messageIdOf(email: { id: number; created_at: Date }, from: string): string {
  const domain = /@([^@>\s]+)>?\s*$/.exec(from)?.[1] ?? 'better.invalid';
  return `<email-${email.id}-${email.created_at.getTime()}@${domain}>`;
}

/** Sends one claimed email and records the outcome through `db` (the claiming transaction on PostgreSQL). */
async function deliver(db: Db, transport: MailTransport, from: string, email: DueEmail, report: SendReport): Promise<void> {
  const attempts = email.attempts + 1;
  try {
    await transport.send({
      from,
      to: email.to_address,
      subject: email.subject,
      text: email.body_text,
      attachments: email.attachments,
      headers: email.headers,
      messageId: messageIdOf(email, from),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordFailedAttempt(db, email.id, {
      attempts,
      lastError: message.slice(0, 1000),
      status: attempts >= maxAttempts ? 'failed' : 'queued',
      nextAttemptAt: new Date(Date.now() + retryDelayMinutes(attempts) * 60_000),
    });
    report.failed += 1;
    return;
  }
  await markEmailSent(db, email.id, attempts);
  report.sent += 1;
}

/**
 * PostgreSQL: each email is claimed, sent and marked sent inside one transaction holding its row lock. The lock is
 * the lease: other nodes skip the row while it is held, and it ends with the transaction or with the connection of
 * a node that dies, so the email is taken up again at another node's next poll rather than after a timeout.
 */
async function sendLocked(db: Db, transport: MailTransport, from: string, batchSize: number): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  for (let count = 0; count < batchSize; count += 1) {
    const found = await db.transaction().execute(async (trx) => {
      const email = await lockNextDueEmail(trx);
      if (email) await deliver(trx, transport, from, email, report);
      return email !== undefined;
    });
    if (!found) break;
  }
  return report;
}

/** How long a claimed email stays invisible to the next claim on the embedded database (see sendLeased). */
const leaseMinutes = 10;

/**
 * PGlite: one process owns the database, and a transaction held during an SMTP conversation would block every
 * request, so emails are claimed in one statement with a time lease and sent outside any transaction. A process
 * that dies mid-send leaves its lease behind, released when the next one starts (releaseEmailLeases).
 */
async function sendLeased(db: Db, transport: MailTransport, from: string, batchSize: number): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  const claimed = await leaseDueEmails(db, batchSize, leaseMinutes);
  for (const email of claimed.sort((a, b) => a.id - b.id)) await deliver(db, transport, from, email, report);
  return report;
}

/** Delivers the emails that are due, each at most once while every node lives (see docs/operations.md, Email). */
export function sendDueEmails(db: Db, kind: DatabaseKind, transport: MailTransport, from: string, batchSize = 20): Promise<SendReport> {
  return kind === 'postgres' ? sendLocked(db, transport, from, batchSize) : sendLeased(db, transport, from, batchSize);
}

/**
 * Run when an embedded node starts: no other process can be sending from its database, so every queued email is
 * due now. A lease cannot be told from a retry delay, so an email waiting to be retried is retried early, once.
 */
export async function releaseEmailLeases(db: Db): Promise<number> {
  return makeQueuedEmailsDueNow(db);
}
