/** How notifications are emailed: at once in each person's language, or gathered into one daily or weekly digest. */
import { describe, expect, it } from 'vitest';
import { getTranslator } from '../../core/i18n/i18n.js';
import { locales } from '../../core/i18n/locales.js';
import { aUser, valueOf, type TestUser } from '../../core/testing/factories.js';
import { useDatabaseWorld } from '../../core/testing/world.js';
import { dailyPeriodStart, weeklyPeriodStart } from './delivery.js';
import { follow, notify, updateNotificationSettings, type Cadence } from './service.js';
import { deliverNotificationEmailsNow, sendDigestsAt, useTestContributions } from './test-support.js';

const fixture = useDatabaseWorld();
useTestContributions({
  kinds: [
    { key: 'testing.stepped', labelKey: 'notifications.test.kind', defaultCadence: 'immediate' },
    { key: 'testing.other', labelKey: 'notifications.test.otherKind', defaultCadence: 'daily' },
  ],
  targets: [{ type: 'plan', describe: async (_db, ids) => new Map(ids.map((id) => [id, { title: `Plan ${id}`, href: `/plans/${id}` }])) }],
});

async function tell(kind: string, recipients: number[], title: string, extra: { followed?: { type: 'plan'; id: number }[] } = {}) {
  await fixture.db.transaction().execute((trx) =>
    notify(trx, {
      kind,
      actorUserId: null,
      recipients,
      programmeId: fixture.world.programme.id,
      messageKey: 'notifications.test.stepped',
      values: { title },
      link: '/plans/9',
      ...extra,
    }),
  );
}

function emailsTo(person: TestUser) {
  return fixture.db.selectFrom('emails').select(['kind', 'subject', 'body_text', 'headers']).where('to_address', '=', person.email).orderBy('id').execute();
}

async function choosing(person: TestUser, choices: [string, Cadence][]) {
  valueOf(await updateNotificationSettings(fixture.db, person.actor, new Map(choices)));
}

/** The first digest hour after the notifications just made, and the first Monday one. */
function nextDigestHour(): Date {
  const start = dailyPeriodStart(new Date());
  start.setUTCDate(start.getUTCDate() + 1);
  return start;
}
function nextMondayDigestHour(): Date {
  const start = weeklyPeriodStart(new Date());
  start.setUTCDate(start.getUTCDate() + 7);
  return start;
}
const minutes = (date: Date, count: number) => new Date(date.getTime() + count * 60_000);

describe('immediate emails', () => {
  it('writes each person’s email in their own language, in all five, with why it was sent', async () => {
    const people = await Promise.all(locales.map((locale) => aUser(fixture.db, { role: 'none', locale })));
    await tell(
      'testing.stepped',
      people.map((person) => person.id),
      'Lagoon',
    );
    await deliverNotificationEmailsNow(fixture.db);
    const translator = await getTranslator();
    for (const [index, locale] of locales.entries()) {
      const t = translator.translate(locale);
      const [email] = await emailsTo(people[index] as TestUser);
      expect(email?.subject).toBe(t('notifications.test.stepped.title', { title: 'Lagoon' }));
      expect(email?.body_text).toContain(t('notifications.test.stepped.body', { title: 'Lagoon' }));
      expect(email?.body_text).toContain(t('notifications.email.why.recipient'));
      expect(email?.body_text).toContain(t('notifications.email.settings', { url: 'http://better.test/notifications/settings' }));
    }
  });

  it('tells a follower which record they follow', async () => {
    const follower = await aUser(fixture.db, { role: 'none' });
    valueOf(await follow(fixture.db, follower.actor, 'plan', 9));
    await tell('testing.stepped', [], 'Followed', { followed: [{ type: 'plan', id: 9 }] });
    await deliverNotificationEmailsNow(fixture.db);
    const [email] = await emailsTo(follower);
    expect(email?.body_text).toContain('You get this email because you follow “Plan 9”.');
  });
});

describe('digests', () => {
  it('gathers a day’s notifications into one email per person, grouped by kind, sent once', async () => {
    const person = await aUser(fixture.db, { role: 'none', locale: 'en' });
    await choosing(person, [['testing.stepped', 'daily']]);
    await tell('testing.other', [person.id], 'Alpha');
    await tell('testing.stepped', [person.id], 'Beta');
    await tell('testing.other', [person.id], 'Gamma');
    await deliverNotificationEmailsNow(fixture.db);
    expect(await emailsTo(person)).toEqual([]);

    // Before the next digest hour, nothing is due.
    await sendDigestsAt(fixture.db, minutes(nextDigestHour(), -1));
    expect(await emailsTo(person)).toEqual([]);
    await sendDigestsAt(fixture.db, minutes(nextDigestHour(), 5));
    await sendDigestsAt(fixture.db, minutes(nextDigestHour(), 10));
    const emails = await emailsTo(person);
    expect(emails).toHaveLength(1);
    const [digest] = emails;
    expect(digest?.kind).toBe('notification_digest_daily');
    expect(digest?.subject).toBe('Your daily digest: 3 notification(s)');
    const body = digest?.body_text ?? '';
    // The platform's order of kinds: testing.stepped was declared first.
    expect(body.indexOf('A test step happens (1)')).toBeGreaterThan(-1);
    expect(body.indexOf('Another test step happens (2)')).toBeGreaterThan(body.indexOf('A test step happens (1)'));
    expect(body.indexOf('Test step on “Alpha”')).toBeLessThan(body.indexOf('Test step on “Gamma”'));
    expect(body).toContain('You get this digest because you chose a daily digest');
    expect(digest?.headers['List-Unsubscribe']).toMatch(/\?kinds=testing\.other%2Ctesting\.stepped>$/);
  });

  it('keeps weekly notifications for Monday’s digest, in the person’s language', async () => {
    const person = await aUser(fixture.db, { role: 'none', locale: 'hu' });
    await choosing(person, [['testing.other', 'weekly']]);
    await tell('testing.other', [person.id], 'Delta');
    await sendDigestsAt(fixture.db, minutes(nextMondayDigestHour(), -1));
    expect(await emailsTo(person)).toEqual([]);
    await sendDigestsAt(fixture.db, minutes(nextMondayDigestHour(), 1));
    const [digest] = await emailsTo(person);
    expect(digest?.subject).toBe('Heti összefoglalód: 1 értesítés');
    expect(digest?.body_text).toContain('Egy másik próbalépés történik (1)');
  });

  it('sends nothing for a kind turned off, even what was waiting for the digest', async () => {
    const person = await aUser(fixture.db, { role: 'none' });
    await tell('testing.other', [person.id], 'Epsilon');
    await choosing(person, [['testing.other', 'off']]);
    await sendDigestsAt(fixture.db, minutes(nextMondayDigestHour(), 1));
    expect(await emailsTo(person)).toEqual([]);
    const rows = await fixture.db.selectFrom('notifications').select('delivery').where('user_id', '=', person.id).execute();
    expect(rows).toEqual([{ delivery: 'not_emailed' }]);
  });
});
