/** Delivery of queued emails through a real SMTP conversation, with retries when the server refuses. */
import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { listOutbox, queueEmail } from './outbox.js';
import { maxAttempts, releaseEmailLeases, sendDueEmails, smtpTransport, type MailMessage } from './sender.js';
import { useTestDatabase } from '../testing/world.js';

interface Received {
  to: string[];
  raw: string;
}

const database = useTestDatabase();
let server: SMTPServer;
let port = 0;
const received: Received[] = [];
let refuseNext = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuseNext > 0) {
          refuseNext -= 1;
          const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 450 });
          callback(error);
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function queue(to: string, subject: string, attachments: { filename: string; contentType: string; content: string }[] = []) {
  await database.db.transaction().execute((trx) => queueEmail(trx, { kind: 'test', to, subject, bodyText: `Body of ${subject}`, attachments }));
}

describe('sending queued emails', () => {
  it('delivers each queued email once over SMTP and marks it sent', async () => {
    await queue('a@example.org', 'First');
    await queue('b@example.org', 'Second');
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await sendDueEmails(database.db, database.kind, transport, 'BETTER <no-reply@better.test>')).toEqual({ sent: 2, failed: 0 });
    expect(await sendDueEmails(database.db, database.kind, transport, 'BETTER <no-reply@better.test>')).toEqual({ sent: 0, failed: 0 });
    transport.close();
    expect(received.map((message) => message.to)).toEqual([['a@example.org'], ['b@example.org']]);
    expect(received[0]?.raw).toContain('Subject: First');
    const { emails } = await listOutbox(database.db, 1);
    expect(emails.filter((email) => email.kind === 'test').map((email) => email.status)).toEqual(['sent', 'sent']);
  });

  it('sends an email’s attachment, e.g. a calendar file', async () => {
    await queue('e@example.org', 'With a calendar', [
      { filename: 'event.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    ]);
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 1, failed: 0 });
    transport.close();
    const message = received.find((candidate) => candidate.to.includes('e@example.org'));
    expect(message?.raw).toContain('Content-Type: text/calendar');
    expect(message?.raw).toContain('filename=event.ics');
  });

  it('sends an email’s extra header fields, e.g. the one-click unsubscribe of notification emails (RFC 8058)', async () => {
    await database.db.transaction().execute((trx) =>
      queueEmail(trx, {
        kind: 'test',
        to: 'u@example.org',
        subject: 'With headers',
        bodyText: 'Body',
        headers: { 'List-Unsubscribe': '<https://better.test/notifications/unsubscribe/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      }),
    );
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 1, failed: 0 });
    transport.close();
    const message = received.find((candidate) => candidate.to.includes('u@example.org'));
    expect(message?.raw).toContain('List-Unsubscribe: <https://better.test/notifications/unsubscribe/abc>');
    expect(message?.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('refuses a header field that would break out of its line', async () => {
    await expect(
      database.db
        .transaction()
        .execute((trx) =>
          queueEmail(trx, { kind: 'test', to: 'v@example.org', subject: 'Bad', bodyText: 'Body', headers: { 'X-Note': 'a\r\nBcc: w@example.org' } }),
        ),
    ).rejects.toThrow(/single header line/);
  });

  it('keeps an email queued with the error when the server refuses, and retries it later', async () => {
    await queue('c@example.org', 'Third');
    refuseNext = 1;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 0, failed: 1 });
    const { emails } = await listOutbox(database.db, 1);
    const third = emails.find((email) => email.subject === 'Third');
    expect(third).toMatchObject({ status: 'queued', attempts: 1 });
    expect(third?.lastError).toContain('Mailbox unavailable');
    // Not due yet: the retry waits a minute.
    expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 0, failed: 0 });
    await database.db
      .updateTable('emails')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('subject', '=', 'Third')
      .execute();
    expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 1, failed: 0 });
    transport.close();
  });

  it('gives up on a mail server that stops answering mid-conversation, keeping the email for a retry', async () => {
    await queue('h@example.org', 'Unanswered');
    const sockets: Socket[] = [];
    // Greets, then never answers EHLO: nodemailer's own default would wait ten minutes, holding the email's lock.
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.write('220 silent.test ESMTP\r\n');
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const transport = smtpTransport(`smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`, 500);
    try {
      expect(await sendDueEmails(database.db, database.kind, transport, 'no-reply@better.test')).toEqual({ sent: 0, failed: 1 });
      const { emails } = await listOutbox(database.db, 1);
      expect(emails.find((email) => email.subject === 'Unanswered')).toMatchObject({ status: 'queued', attempts: 1 });
    } finally {
      transport.close();
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it('gives up after six attempts and marks the email failed', async () => {
    await queue('d@example.org', 'Fourth');
    const failing = { send: () => Promise.reject(new Error('connection refused')) };
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      await database.db
        .updateTable('emails')
        .set({ next_attempt_at: new Date(Date.now() - 1000) })
        .where('subject', '=', 'Fourth')
        .execute();
      await sendDueEmails(database.db, database.kind, failing, 'no-reply@better.test');
    }
    const { emails } = await listOutbox(database.db, 1);
    expect(emails.find((email) => email.subject === 'Fourth')).toMatchObject({ status: 'failed', attempts: maxAttempts });
  });

  it('gives every attempt of an email the same Message-ID, so a copy sent twice is recognisable', async () => {
    await queue('f@example.org', 'Fifth');
    refuseNext = 1;
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`);
    const attempts: string[] = [];
    const recording = { send: async (message: MailMessage) => (attempts.push(message.messageId), transport.send(message)) };
    expect(await sendDueEmails(database.db, database.kind, recording, 'BETTER <no-reply@better.test>')).toEqual({ sent: 0, failed: 1 });
    await database.db
      .updateTable('emails')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('subject', '=', 'Fifth')
      .execute();
    expect(await sendDueEmails(database.db, database.kind, recording, 'BETTER <no-reply@better.test>')).toEqual({ sent: 1, failed: 0 });
    transport.close();
    expect(attempts).toHaveLength(2);
    expect(attempts[1]).toBe(attempts[0]);
    expect(attempts[0]).toMatch(/^<email-\d+-\d+@better\.test>$/);
    expect(received.find((message) => message.to.includes('f@example.org'))?.raw).toContain(`Message-ID: ${attempts[0]}`);
  });
});

describe('sending on the embedded database', () => {
  it('sends an email whose sending was cut off by the process dying once the platform starts again', async () => {
    const embedded = await openDatabase({});
    await migrateToLatest(embedded.db);
    await embedded.db.transaction().execute((trx) => queueEmail(trx, { kind: 'test', to: 'g@example.org', subject: 'Cut off', bodyText: 'Body' }));
    // The process dies while the mail server is still answering: the email stays claimed.
    const dying = { send: () => new Promise<void>(() => {}) };
    void sendDueEmails(embedded.db, embedded.kind, dying, 'no-reply@better.test');
    const claimed = async () =>
      (await embedded.db.selectFrom('emails').select('next_attempt_at').where('subject', '=', 'Cut off').executeTakeFirstOrThrow()).next_attempt_at >
      new Date();
    while (!(await claimed())) await new Promise((resolve) => setTimeout(resolve, 10));

    const sent: string[] = [];
    const working = { send: async (message: MailMessage) => void sent.push(message.to) };
    expect(await sendDueEmails(embedded.db, embedded.kind, working, 'no-reply@better.test')).toEqual({ sent: 0, failed: 0 });
    await releaseEmailLeases(embedded.db);
    expect(await sendDueEmails(embedded.db, embedded.kind, working, 'no-reply@better.test')).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual(['g@example.org']);
    await embedded.close();
  });
});
