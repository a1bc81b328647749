/** Row type of the email outbox, which is also the queue the mail worker drains. */
import type { ColumnType } from 'kysely';
import type { CreatedAt, Id, Timestamp } from '../db/column-types.js';

export type EmailStatus = 'queued' | 'sent' | 'failed';

/** A file sent with an email (e.g. the calendar entry of an event), stored as text. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface EmailsTable {
  id: Id;
  kind: string;
  to_address: string;
  subject: string;
  body_text: string;
  status: ColumnType<EmailStatus, EmailStatus | undefined, EmailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: CreatedAt;
  last_error: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  attachments: ColumnType<EmailAttachment[], string | undefined, string>;
  /** Extra header fields, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers: ColumnType<EmailHeaders, string | undefined, string>;
}

/** Header fields an email carries besides those the sender writes (From, To, Subject, Message-ID, …). */
export type EmailHeaders = Record<string, string>;

export interface MailTables {
  emails: EmailsTable;
}
