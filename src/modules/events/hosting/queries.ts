/** Every SQL statement about events themselves (registrations, attendance, feedback and statistics have their own). */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { Database } from '../../../core/db/schema.js';
import type { Locale } from '../../../core/i18n/locales.js';
import type { AgendaItem } from '../schema.js';
import type { EventFormat, EventType } from '../tables.js';

export const eventColumns = [
  'events.id',
  'events.programme_id',
  'events.host_partner_id',
  'events.type',
  'events.title',
  'events.description',
  'events.theme_code',
  'events.format',
  'events.venue',
  'events.online_url',
  'events.time_zone',
  'events.starts_at',
  'events.ends_at',
  'events.capacity',
  'events.registration_deadline',
  'events.feedback_invited_at',
  'events.reminder_days_before',
  'events.text_language',
  'events.created_at',
  'events.updated_at',
] as const;

export interface EventValues {
  programmeId: number;
  hostPartnerId: number;
  type: EventType;
  title: string;
  description: string;
  themeCode: string | null;
  format: EventFormat;
  venue: string;
  onlineUrl: string | null;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  registrationDeadline: Date | null;
  reminderDaysBefore: number | null;
  textLanguage: Locale;
}

function columnsOf(values: EventValues) {
  return {
    programme_id: values.programmeId,
    host_partner_id: values.hostPartnerId,
    type: values.type,
    title: values.title,
    description: values.description,
    theme_code: values.themeCode,
    format: values.format,
    venue: values.venue,
    online_url: values.onlineUrl,
    time_zone: values.timeZone,
    starts_at: values.startsAt,
    ends_at: values.endsAt,
    capacity: values.capacity,
    registration_deadline: values.registrationDeadline,
    reminder_days_before: values.reminderDaysBefore,
    text_language: values.textLanguage,
  };
}

/** An event with its registration counts (active places and the waiting list). */
function withCounts(db: Executor) {
  return db
    .selectFrom('events')
    .select(eventColumns)
    .select((eb) => [
      eb
        .selectFrom('registrations')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('registrations.event_id', '=', 'events.id')
        .where('registrations.status', '=', 'registered')
        .as('registered'),
      eb
        .selectFrom('registrations')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('registrations.event_id', '=', 'events.id')
        .where('registrations.status', '=', 'waiting')
        .as('waiting'),
    ]);
}

export function findEvent(db: Executor, eventId: number) {
  return withCounts(db).where('events.id', '=', eventId).executeTakeFirst();
}

/** The event row locked: registrations, cancellations and edits of one event take their turn. */
/** Events the partner hosts or visits (the condition of a partner's lists and calendar feed). */
function hostedOrVisitedBy(partnerId: number) {
  return (eb: ExpressionBuilder<Database, 'events'>) =>
    eb.or([
      eb('events.host_partner_id', '=', partnerId),
      eb.exists(
        eb
          .selectFrom('event_visiting_partners')
          .select('partner_id')
          .whereRef('event_visiting_partners.event_id', '=', 'events.id')
          .where('event_visiting_partners.partner_id', '=', partnerId),
      ),
    ]);
}

export function lockEvent(trx: Tx, eventId: number) {
  return trx.selectFrom('events').select(eventColumns).where('events.id', '=', eventId).forUpdate().executeTakeFirst();
}

export function listEvents(
  db: Executor,
  filter: { programmeId?: number; type?: EventType; partnerId?: number; when: 'upcoming' | 'past'; now: Date; limit: number; offset: number },
) {
  let query = withCounts(db);
  if (filter.programmeId !== undefined) query = query.where('events.programme_id', '=', filter.programmeId);
  if (filter.type) query = query.where('events.type', '=', filter.type);
  if (filter.partnerId !== undefined) query = query.where(hostedOrVisitedBy(filter.partnerId));
  // The upcoming events are the last few hundred of an installation's thousands by start. Walking the start index from
  // its beginning, the planner's pick for a LIMIT (it takes them to be spread evenly), passed every past event: 16,000
  // rows and 8 ms at programme scale (issue #13). Sorting by an expression that index cannot give makes it find them by
  // their end (events_by_end) and sort those few: under 1 ms. The order is the same.
  query =
    filter.when === 'upcoming'
      ? query
          .where('events.ends_at', '>=', filter.now)
          .orderBy(sql`events.starts_at + interval '0 seconds'`)
          .orderBy('events.id')
      : query.where('events.ends_at', '<', filter.now).orderBy('events.starts_at', 'desc').orderBy('events.id', 'desc');
  return query.limit(filter.limit).offset(filter.offset).execute();
}

export async function countEvents(db: Executor, filter: { type?: EventType; partnerId?: number; when: 'upcoming' | 'past'; now: Date }): Promise<number> {
  const row = await sql<{ count: number }>`
    select count(*)::int as count from events e
    where ${filter.when === 'upcoming' ? sql`e.ends_at >= ${filter.now}` : sql`e.ends_at < ${filter.now}`}
      and ${filter.type ? sql`e.type = ${filter.type}` : sql`true`}
      and ${filter.partnerId !== undefined ? sql`(e.host_partner_id = ${filter.partnerId} or exists (select 1 from event_visiting_partners v where v.event_id = e.id and v.partner_id = ${filter.partnerId}))` : sql`true`}
  `.execute(db);
  return row.rows[0]?.count ?? 0;
}

/**
 * How many of the events a listing's other filters (upcoming or past, type) keep each partner hosts or visits: what
 * ranks the partners its partner filter offers.
 */
export async function partnerMatches(db: Executor, filter: { type?: EventType; when: 'upcoming' | 'past'; now: Date }): Promise<Map<number, number>> {
  const kept = sql`${filter.when === 'upcoming' ? sql`e.ends_at >= ${filter.now}` : sql`e.ends_at < ${filter.now}`} and ${filter.type ? sql`e.type = ${filter.type}` : sql`true`}`;
  // An event counts once for a partner, as the partner filter finds it once: a visit by its own host is not counted
  // again (each partner visits an event at most once: the primary key), without deduplicating every row.
  const rows = await sql<{ partner_id: number; count: number }>`
    select partner_id, count(*)::int as count from (
      select e.host_partner_id as partner_id from events e where ${kept}
      union all
      select v.partner_id from events e join event_visiting_partners v on v.event_id = e.id where ${kept} and v.partner_id <> e.host_partner_id
    ) as matched
    group by partner_id
  `.execute(db);
  return new Map(rows.rows.map((row) => [row.partner_id, row.count]));
}

export function visitingPartnersOf(db: Executor, eventId: number) {
  return db.selectFrom('event_visiting_partners').select('partner_id').where('event_id', '=', eventId).orderBy('partner_id').execute();
}

export function agendaOf(db: Executor, eventId: number) {
  return db.selectFrom('event_agenda_items').select(['time_label', 'title']).where('event_id', '=', eventId).orderBy('position').execute();
}

export function practicesOf(db: Executor, eventId: number) {
  return db
    .selectFrom('event_practices')
    .innerJoin('practices', 'practices.id', 'event_practices.practice_id')
    .select(['practices.id', 'practices.title', 'practices.owner_partner_id', 'practices.status'])
    .where('event_practices.event_id', '=', eventId)
    .orderBy('practices.title')
    .execute();
}

export async function insertEvent(trx: Tx, values: EventValues): Promise<number> {
  const row = await trx.insertInto('events').values(columnsOf(values)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function updateEvent(trx: Tx, eventId: number, values: EventValues) {
  return trx
    .updateTable('events')
    .set({ ...columnsOf(values), updated_at: sql<Date>`now()` })
    .where('id', '=', eventId)
    .execute();
}

/** Replaces the event's visiting partners, agenda and linked practices with the given ones. */
export async function replaceEventDetails(
  trx: Tx,
  eventId: number,
  details: { visitingPartnerIds: number[]; agenda: AgendaItem[]; practiceIds: number[] },
): Promise<void> {
  await trx.deleteFrom('event_visiting_partners').where('event_id', '=', eventId).execute();
  await trx.deleteFrom('event_agenda_items').where('event_id', '=', eventId).execute();
  await trx.deleteFrom('event_practices').where('event_id', '=', eventId).execute();
  if (details.visitingPartnerIds.length)
    await trx
      .insertInto('event_visiting_partners')
      .values(details.visitingPartnerIds.map((partnerId) => ({ event_id: eventId, partner_id: partnerId })))
      .execute();
  if (details.agenda.length) {
    await trx
      .insertInto('event_agenda_items')
      .values(details.agenda.map((item, position) => ({ event_id: eventId, position, time_label: item.timeLabel, title: item.title })))
      .execute();
  }
  if (details.practiceIds.length)
    await trx
      .insertInto('event_practices')
      .values(details.practiceIds.map((practiceId) => ({ event_id: eventId, practice_id: practiceId })))
      .execute();
}

export async function hasRegistrations(trx: Tx, eventId: number): Promise<boolean> {
  return (await trx.selectFrom('registrations').select('id').where('event_id', '=', eventId).limit(1).executeTakeFirst()) !== undefined;
}

export function deleteEvent(trx: Tx, eventId: number) {
  return trx.deleteFrom('events').where('id', '=', eventId).execute();
}

/** Events for a calendar feed: a programme's, or those a partner hosts or visits; the last year and the future. */
export function calendarEvents(db: Executor, filter: { programmeId?: number; partnerId?: number; since: Date }) {
  let query = db
    .selectFrom('events')
    .select(['id', 'title', 'description', 'venue', 'online_url', 'time_zone', 'starts_at', 'ends_at', 'updated_at'])
    .where('ends_at', '>=', filter.since);
  if (filter.programmeId !== undefined) query = query.where('programme_id', '=', filter.programmeId);
  if (filter.partnerId !== undefined) query = query.where(hostedOrVisitedBy(filter.partnerId));
  return query.orderBy('starts_at').orderBy('id').limit(2000).execute();
}

/** Events either partner hosted or visited, most recent first (the occasions of a transfer's stages). */
export function eventsOfPartners(db: Executor, programmeId: number, partnerIds: number[]) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at'])
    .where('programme_id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb('host_partner_id', 'in', partnerIds),
        eb.exists(
          eb
            .selectFrom('event_visiting_partners')
            .select('partner_id')
            .whereRef('event_visiting_partners.event_id', '=', 'events.id')
            .where('event_visiting_partners.partner_id', 'in', partnerIds),
        ),
      ]),
    )
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}

export function eventsByIds(db: Executor, ids: number[]) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at'])
    .where('id', 'in', ids.length ? ids : [0])
    .execute();
}
