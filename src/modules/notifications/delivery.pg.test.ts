/**
 * Two nodes running the worker on one PostgreSQL database at the same time: the notification emails, the digests and
 * the mail sender all claim their rows, so each person gets exactly one digest and no email is delivered twice.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/db/database.js';
import { sendDueEmails, smtpTransport } from '../../core/mail/sender.js';
import { aUser, valueOf, type TestUser } from '../../core/testing/factories.js';
import { startSmtpSink } from '../../core/testing/smtp-sink.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { dailyPeriodStart } from './delivery.js';
import { notify, updateNotificationSettings } from './service.js';
import { deliverNotificationEmailsNow, sendDigestsAt, useTestContributions } from './test-support.js';

const url = process.env.TEST_DATABASE_URL as string;
const fixture = useDatabaseWorld();
useTestContributions({
  kinds: [
    { key: 'testing.stepped', labelKey: 'notifications.test.kind', defaultCadence: 'immediate' },
    { key: 'testing.other', labelKey: 'notifications.test.otherKind', defaultCadence: 'daily' },
  ],
});

describe('two nodes running the notification worker', () => {
  it('gives each person one digest and delivers no email twice', async () => {
    const people: TestUser[] = [];
    for (let index = 0; index < 12; index += 1) people.push(await aUser(fixture.db, { role: 'none' }));
    // Half the people choose a daily digest for the kind that is otherwise emailed at once.
    for (const person of people.slice(0, 6))
      valueOf(await updateNotificationSettings(fixture.db, person.actor, new Map([['testing.stepped', 'daily' as const]])));
    for (let round = 0; round < 5; round += 1) {
      for (const kind of ['testing.stepped', 'testing.other']) {
        await fixture.db.transaction().execute((trx) =>
          notify(trx, {
            kind,
            actorUserId: null,
            recipients: people.map((person) => person.id),
            programmeId: fixture.world.programme.id,
            messageKey: 'notifications.test.stepped',
            values: { title: `Round ${round}` },
            link: '/plans/1',
          }),
        );
      }
    }
    const sink = await startSmtpSink();
    const nodes = await Promise.all(['a', 'b'].map(() => openDatabase({ url, schema: fixture.database.schema, poolSize: 4 })));
    const transports = ['node-a', 'node-b'].map((name) => smtpTransport(sink.urlFor(name)));
    const digestTime = new Date(dailyPeriodStart(new Date()).getTime() + 24 * 3600_000 + 60_000);
    try {
      const worker = async (index: number) => {
        const node = nodes[index];
        const transport = transports[index];
        if (!node || !transport) throw new Error('missing node');
        for (let poll = 0; poll < 4; poll += 1) {
          await Promise.all([deliverNotificationEmailsNow(node.db), sendDigestsAt(node.db, digestTime)]);
          await sendDueEmails(node.db, node.kind, transport, 'BETTER <no-reply@better.test>', 200);
        }
      };
      await Promise.all([worker(0), worker(1)]);
      for (const node of nodes) await sendDueEmails(node.db, node.kind, transports[0] as ReturnType<typeof smtpTransport>, 'no-reply@better.test', 200);
    } finally {
      for (const transport of transports) transport.close();
      await Promise.all(nodes.map((node) => node.close()));
      await sink.close();
    }

    const messageIds = sink.deliveries.map((delivery) => delivery.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    for (const [index, person] of people.entries()) {
      const received = sink.deliveries.filter((delivery) => delivery.to.includes(person.email)).length;
      const emails = await fixture.db.selectFrom('emails').select('kind').where('to_address', '=', person.email).execute();
      const digests = emails.filter((email) => email.kind === 'notification_digest_daily').length;
      const immediate = emails.filter((email) => email.kind === 'notification').length;
      expect(digests).toBe(1);
      // Those on the default: five emails at once; those who chose the digest: none, everything in the digest.
      expect(immediate).toBe(index < 6 ? 0 : 5);
      expect(received).toBe(emails.length);
    }
    const pending = await fixture.db.selectFrom('notifications').select('id').where('delivery', 'in', ['pending_email', 'pending_digest']).execute();
    expect(pending).toEqual([]);
  });
});
