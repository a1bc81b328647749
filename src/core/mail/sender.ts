/**
 * Delivers queued emails through SMTP. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of app nodes
 * can run the sender without sending an email twice; failures are retried with growing delays.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { EmailAttachment } from './tables.js';

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
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export function smtpTransport(smtpUrl: string): MailTransport & { close(): void } {
  const transporter: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

export interface SendReport {
  sent: number;
  failed: number;
}

/** How long a claimed email stays invisible to other senders; a node that dies mid-send releases it this way. */
const leaseMinutes = 10;

export async function sendDueEmails(db: Db, transport: MailTransport, from: string, batchSize = 20): Promise<SendReport> {
  const report: SendReport = { sent: 0, failed: 0 };
  // Claim in one statement and send outside any transaction: a slow mail server must not hold a connection.
  const claimed = await db
    .updateTable('emails')
    .set({ next_attempt_at: sql<Date>`now() + make_interval(mins => ${leaseMinutes})` })
    .where('id', 'in', (query) =>
      query
        .selectFrom('emails')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked(),
    )
    .returning(['id', 'to_address', 'subject', 'body_text', 'attachments', 'attempts'])
    .execute();
  for (const email of claimed.sort((a, b) => a.id - b.id)) {
    const attempts = email.attempts + 1;
    try {
      await transport.send({ from, to: email.to_address, subject: email.subject, text: email.body_text, attachments: email.attachments });
      await db.updateTable('emails').set({ status: 'sent', sent_at: new Date(), attempts, last_error: null }).where('id', '=', email.id).execute();
      report.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable('emails')
        .set({
          attempts,
          last_error: message.slice(0, 1000),
          status: attempts >= maxAttempts ? 'failed' : 'queued',
          next_attempt_at: new Date(Date.now() + retryDelayMinutes(attempts) * 60_000),
        })
        .where('id', '=', email.id)
        .execute();
      report.failed += 1;
    }
  }
  return report;
}
