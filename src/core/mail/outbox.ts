/**
 * Emails are never sent while a page waits: a use case queues them in the outbox inside its transaction (so a
 * rolled-back change sends nothing) and the mail worker delivers them later.
 */
import type { Db, Tx } from '../db/database.js';
import type { Translate, Translator } from '../i18n/i18n.js';
import { countOutbox, deleteEmailsAddressedTo, deleteEmailsSentOver30DaysAgo, insertEmail, listEmailsAddressedTo, listOutboxPage } from './queries.js';
import type { EmailAttachment, EmailHeaders } from './tables.js';

export interface OutgoingEmail {
  /** What the email is for, e.g. 'password_reset'; shown in the admin outbox. */
  kind: string;
  to: string;
  subject: string;
  bodyText: string;
  attachments?: EmailAttachment[];
  /** Header fields for mail clients, e.g. List-Unsubscribe and List-Unsubscribe-Post on notification emails. */
  headers?: EmailHeaders;
}

/** A header field's name (RFC 5322 ftext) and a value on one line: nothing can be smuggled into the message. */
function checkedHeaders(headers: EmailHeaders): EmailHeaders {
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!-9;-~]+$/.test(name) || /[\r\n]/.test(value)) throw new Error(`The email header ${JSON.stringify(name)} is not a single header line`);
  }
  return headers;
}

export async function queueEmail(trx: Tx, email: OutgoingEmail): Promise<number> {
  return insertEmail(trx, {
    kind: email.kind,
    to_address: email.to,
    subject: email.subject,
    body_text: email.bodyText,
    attachments: JSON.stringify(email.attachments ?? []),
    headers: JSON.stringify(checkedHeaders(email.headers ?? {})),
  });
}

/** Erasure of a person removes the emails addressed to them from the outbox. */
export async function deleteEmailsTo(trx: Tx, address: string): Promise<void> {
  await deleteEmailsAddressedTo(trx, address);
}

/** An email as its recipient's data download shows it: what was written to them (private links masked), when, and whether it went out. */
export interface EmailToPerson {
  kind: string;
  subject: string;
  body: string;
  status: 'queued' | 'sent' | 'failed';
  queuedAt: string;
  sentAt: string | null;
  attachments: string[];
}

/**
 * A link's secret (a token from newToken, 43 characters) replaced by a mark: a data download is saved and passed on,
 * and must not carry working links to cancel a registration or set a password.
 */
export function withoutPrivateLinks(text: string): string {
  return text.replace(/(https?:\/\/\S*?\/)[A-Za-z0-9_-]{43}(?=[/?#\s]|$)/g, '$1[private]');
}

/**
 * The emails the outbox holds for an address (queued, sent in the last 30 days, or failed), oldest first, for the
 * person's download (GDPR Art. 15); `kindPrefix` keeps those of one capability (`event_` for a participant's link).
 */
export async function emailsTo(db: Db, address: string, kindPrefix = ''): Promise<EmailToPerson[]> {
  const rows = await listEmailsAddressedTo(db, address, kindPrefix);
  return rows.map((row) => ({
    kind: row.kind,
    subject: row.subject,
    body: withoutPrivateLinks(row.body_text),
    status: row.status,
    queuedAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    attachments: row.attachments.map((attachment) => attachment.filename),
  }));
}

/**
 * Builds an email from the catalogue: `<key>.subject` and `<key>.body`, in the recipient's language, with a
 * signature appended.
 */
export function composeEmail(t: Translate, key: string, values: Record<string, string | number>): { subject: string; bodyText: string } {
  return {
    subject: t(`${key}.subject`, values),
    bodyText: `${t(`${key}.body`, values)}\n\n-- \n${t('common.email.signature')}\n`,
  };
}

/** What a use case needs to write an email: the translations and the site's public address for links. */
export interface EmailContext {
  translator: Translator;
  publicUrl: string;
}

export interface OutboxEmail {
  id: number;
  kind: string;
  to: string;
  subject: string;
  bodyText: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export const outboxPageSize = 50;

/** The admin outbox: newest first, paged by offset (the outbox is pruned, so it stays small). */
export async function listOutbox(db: Db, page: number): Promise<{ emails: OutboxEmail[]; total: number }> {
  const [rows, total] = await Promise.all([listOutboxPage(db, outboxPageSize, (page - 1) * outboxPageSize), countOutbox(db)]);
  return {
    total,
    emails: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      to: row.to_address,
      subject: row.subject,
      bodyText: row.body_text,
      status: row.status,
      attempts: row.attempts,
      lastError: row.last_error,
      createdAt: row.created_at,
      sentAt: row.sent_at,
    })),
  };
}

/** Sent emails are kept 30 days for support questions, then deleted (they contain addresses and links). */
export async function pruneSentEmails(db: Db): Promise<number> {
  return deleteEmailsSentOver30DaysAgo(db);
}
