/**
 * The outbox's statements: queueing and erasing emails for the use cases, reading them for the admin outbox and a
 * person's download, and claiming and recording deliveries for the mail sender.
 */
import { sql, type Insertable } from 'kysely';
import type { Db, Tx } from '../db/database.js';
import type { EmailAttachment, EmailHeaders, EmailsTable } from './tables.js';

export async function insertEmail(trx: Tx, email: Insertable<EmailsTable>): Promise<number> {
  const row = await trx.insertInto('emails').values(email).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Addresses are matched without regard to case, as a mail server delivers them. */
export async function deleteEmailsAddressedTo(trx: Tx, address: string): Promise<void> {
  await trx
    .deleteFrom('emails')
    .where(sql<string>`lower(to_address)`, '=', address.toLowerCase())
    .execute();
}

/** The emails to an address whose kind starts with `kindPrefix` (matched literally), oldest first. */
export function listEmailsAddressedTo(db: Db, address: string, kindPrefix: string) {
  return db
    .selectFrom('emails')
    .select(['kind', 'subject', 'body_text', 'status', 'created_at', 'sent_at', 'attachments'])
    .where(sql<string>`lower(to_address)`, '=', address.toLowerCase())
    .where('kind', 'like', `${kindPrefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One page of the outbox, newest first. */
export function listOutboxPage(db: Db, limit: number, offset: number) {
  return db
    .selectFrom('emails')
    .select(['id', 'kind', 'to_address', 'subject', 'body_text', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countOutbox(db: Db): Promise<number> {
  const count = await db
    .selectFrom('emails')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count.count);
}

/** Deletes the emails sent more than 30 days ago; answers how many. */
export async function deleteEmailsSentOver30DaysAgo(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('emails')
    .where('status', '=', 'sent')
    .where('sent_at', '<', sql<Date>`now() - interval '30 days'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** An email due for delivery, as the sender reads it. */
export interface DueEmail {
  id: number;
  to_address: string;
  subject: string;
  body_text: string;
  attachments: EmailAttachment[];
  headers: EmailHeaders;
  attempts: number;
  created_at: Date;
}

const dueColumns = ['id', 'to_address', 'subject', 'body_text', 'attachments', 'headers', 'attempts', 'created_at'] as const;

/** The first email due, locked until the end of `trx`; one another transaction holds is skipped, not waited for. */
export function lockNextDueEmail(trx: Tx): Promise<DueEmail | undefined> {
  return trx
    .selectFrom('emails')
    .select(dueColumns)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
}

/** Up to `batchSize` emails due, claimed in one statement by moving their next attempt `leaseMinutes` ahead. */
export function leaseDueEmails(db: Db, batchSize: number, leaseMinutes: number): Promise<DueEmail[]> {
  return db
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
    .returning(dueColumns)
    .execute();
}

/** A failed attempt: counted, its error kept, and the email queued again for `nextAttemptAt` or given up. */
export async function recordFailedAttempt(
  db: Db,
  emailId: number,
  failure: { attempts: number; lastError: string; status: 'queued' | 'failed'; nextAttemptAt: Date },
): Promise<void> {
  await db
    .updateTable('emails')
    .set({ attempts: failure.attempts, last_error: failure.lastError, status: failure.status, next_attempt_at: failure.nextAttemptAt })
    .where('id', '=', emailId)
    .execute();
}

export async function markEmailSent(db: Db, emailId: number, attempts: number): Promise<void> {
  await db.updateTable('emails').set({ status: 'sent', sent_at: new Date(), attempts, last_error: null }).where('id', '=', emailId).execute();
}

/** Every queued email waiting for a later attempt becomes due now; answers how many. */
export async function makeQueuedEmailsDueNow(db: Db): Promise<number> {
  const result = await db
    .updateTable('emails')
    .set({ next_attempt_at: sql<Date>`now()` })
    .where('status', '=', 'queued')
    .where('next_attempt_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
