/**
 * Two nodes sending from one PostgreSQL database: an email being sent by one is left alone by the other, and when
 * the sending node dies the other sends it at its next poll, not after a lease of minutes.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { queueEmail } from './outbox.js';
import { sendDueEmails, type MailMessage } from './sender.js';
import { useTestDatabase } from '../testing/world.js';

const url = process.env.TEST_DATABASE_URL as string;
const database = useTestDatabase();

describe('sending from several nodes', () => {
  it('sends an email once: another node skips it while it is being sent, and sends it as soon as the sending node dies', async () => {
    await database.db.transaction().execute((trx) => queueEmail(trx, { kind: 'test', to: 'h@example.org', subject: 'Taken over', bodyText: 'Body' }));
    // Node A: one connection, so its process id is the one holding the email's row.
    const nodeA = await openDatabase({ url, schema: database.schema, poolSize: 1 });
    const pidA = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(nodeA.db)).rows[0]?.pid;
    let talking!: () => void;
    let answer!: () => void;
    const mailServerTalking = new Promise<void>((resolve) => (talking = resolve));
    const hanging = { send: () => (talking(), new Promise<void>((resolve) => (answer = resolve))) };
    const sendingA = sendDueEmails(nodeA.db, nodeA.kind, hanging, 'no-reply@better.test').catch((error: unknown) => error);
    await mailServerTalking;

    const sentByB: MailMessage[] = [];
    const nodeB = { send: async (message: MailMessage) => void sentByB.push(message) };
    expect(await sendDueEmails(database.db, database.kind, nodeB, 'no-reply@better.test')).toEqual({ sent: 0, failed: 0 });

    // Node A dies: its connection goes with it.
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pidA]);
    await admin.end();
    let report = { sent: 0, failed: 0 };
    for (let poll = 0; poll < 50 && report.sent === 0; poll += 1) {
      report = await sendDueEmails(database.db, database.kind, nodeB, 'no-reply@better.test');
      if (report.sent === 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sentByB.map((message) => message.to)).toEqual(['h@example.org']);
    const row = await database.db.selectFrom('emails').select(['status', 'attempts']).where('subject', '=', 'Taken over').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', attempts: 1 });
    // The mail server finally answers node A, too late: its connection is gone and it records nothing.
    answer();
    expect(await sendingA).toBeInstanceOf(Error);
    await nodeA.close();
  });
});
