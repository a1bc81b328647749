/**
 * Events: thematic events, study visits, import workshops, regional stakeholder events and meetings, hosted by a
 * partner with visiting partners, an agenda and the good practices presented: listing, reading and writing them.
 * Other modules reach these through the module's public entry (../service.ts).
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { findPartner, listPartners } from '../../partners/service.js';
import { listPublishedPractices } from '../../practices/service.js';
import { listThemes } from '../../themes/service.js';
import { calendarEventOf, type CalendarEvent } from './ics.js';
import * as queries from './queries.js';
import { tellAboutEvent } from './notifications.js';
import type { ParticipantMail } from '../registration/links.js';
import { promoteFromWaitingList } from '../registration/service.js';
import type { AgendaItem, EventInput, EventListQuery } from '../schema.js';
import type { EventFormat, EventType } from '../tables.js';
import type { Locale } from '../../../core/i18n/locales.js';

export interface EventSummary {
  id: number;
  programmeId: number;
  hostPartnerId: number;
  type: EventType;
  title: string;
  format: EventFormat;
  venue: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
  registrationDeadline: Date | null;
  /** The language the event's texts are written in, for `lang` where it differs from the page's. */
  textLanguage: Locale;
  registered: number;
  waiting: number;
}

export interface Event extends EventSummary {
  description: string;
  themeCode: string | null;
  /** Given to registered participants (in their confirmation), not shown on the public page. */
  onlineUrl: string | null;
  feedbackInvitedAt: Date | null;
  /** Confirmed participants are reminded this many days before; null: no reminder. */
  reminderDaysBefore: number | null;
  visitingPartnerIds: number[];
  agenda: AgendaItem[];
  practices: { id: number; title: string; ownerPartnerId: number }[];
  updatedAt: Date;
}

type EventRow = NonNullable<Awaited<ReturnType<typeof queries.findEvent>>>;

function toSummary(row: EventRow): EventSummary {
  return {
    id: row.id,
    programmeId: row.programme_id,
    hostPartnerId: row.host_partner_id,
    type: row.type,
    title: row.title,
    format: row.format,
    venue: row.venue,
    timeZone: row.time_zone,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    registrationDeadline: row.registration_deadline,
    textLanguage: row.text_language,
    registered: Number(row.registered ?? 0),
    waiting: Number(row.waiting ?? 0),
  };
}

export const eventsPerPage = 20;

export async function listEvents(db: Db, query: EventListQuery, page: number, now = new Date()): Promise<{ events: EventSummary[]; total: number }> {
  const filter = { when: query.when, now, ...(query.type ? { type: query.type } : {}), ...(query.partner !== undefined ? { partnerId: query.partner } : {}) };
  const [rows, total] = await Promise.all([
    queries.listEvents(db, { ...filter, limit: eventsPerPage, offset: (page - 1) * eventsPerPage }),
    queries.countEvents(db, filter),
  ]);
  return { events: rows.map(toSummary), total };
}

/** How many events each partner hosts or visits under the listing's other filters, to rank its partner filter. */
export async function partnerMatches(db: Db, query: EventListQuery, now = new Date()): Promise<Map<number, number>> {
  return queries.partnerMatches(db, { when: query.when, now, ...(query.type ? { type: query.type } : {}) });
}

/** Events are public; only the people registered for them are not. */
export async function getEvent(db: Db, eventId: number): Promise<Event | undefined> {
  const row = await queries.findEvent(db, eventId);
  if (!row) return undefined;
  const [visiting, agenda, practices] = await Promise.all([
    queries.visitingPartnersOf(db, eventId),
    queries.agendaOf(db, eventId),
    queries.practicesOf(db, eventId),
  ]);
  return {
    ...toSummary(row),
    description: row.description,
    themeCode: row.theme_code,
    onlineUrl: row.online_url,
    feedbackInvitedAt: row.feedback_invited_at,
    reminderDaysBefore: row.reminder_days_before,
    visitingPartnerIds: visiting.map((entry) => entry.partner_id),
    agenda: agenda.map((item) => ({ timeLabel: item.time_label, title: item.title })),
    // A practice withdrawn from the library after the event is no longer linked from it.
    practices: practices
      .filter((practice) => practice.status === 'published')
      .map((practice) => ({ id: practice.id, title: practice.title, ownerPartnerId: practice.owner_partner_id })),
    updatedAt: row.updated_at,
  };
}

export type EventRefusal =
  'forbidden' | 'not_found' | 'partner_not_found' | 'unknown_theme' | 'unknown_practice' | 'has_registrations' | 'capacity_below_registered';

/** Host, visiting partners, theme and practices must all belong to the host's programme. */
async function resolveReferences(db: Db, actor: Actor, input: EventInput): Promise<Outcome<{ programmeId: number }, EventRefusal>> {
  const host = await findPartner(db, actor, input.hostPartnerId);
  if (!host) return refuse('partner_not_found', 'hostPartnerId');
  const partnerIds = new Set((await listPartners(db, actor, host.programmeId)).map((partner) => partner.id));
  if (input.visitingPartnerIds.some((id) => !partnerIds.has(id) || id === host.id)) return refuse('partner_not_found', 'visitingPartnerIds');
  if (input.themeCode !== null && !(await listThemes(db)).some((theme) => theme.code === input.themeCode)) return refuse('unknown_theme', 'themeCode');
  const practiceIds = new Set((await listPublishedPractices(db, host.programmeId)).map((practice) => practice.id));
  if (input.practiceIds.some((id) => !practiceIds.has(id))) return refuse('unknown_practice', 'practiceIds');
  return done({ programmeId: host.programmeId });
}

function valuesOf(input: EventInput, programmeId: number): queries.EventValues {
  return {
    programmeId,
    hostPartnerId: input.hostPartnerId,
    type: input.type,
    title: input.title,
    description: input.description,
    themeCode: input.themeCode,
    format: input.format,
    venue: input.format === 'online' ? '' : input.venue,
    onlineUrl: input.format === 'on_site' ? null : input.onlineUrl,
    timeZone: input.timeZone,
    startsAt: input.starts,
    endsAt: input.ends,
    capacity: input.capacity,
    registrationDeadline: input.deadline,
    reminderDaysBefore: input.reminderDaysBefore,
    textLanguage: input.textLanguage,
  };
}

function auditValues(input: EventInput, programmeId: number) {
  const values = valuesOf(input, programmeId);
  return {
    ...values,
    startsAt: values.startsAt.toISOString(),
    endsAt: values.endsAt.toISOString(),
    registrationDeadline: values.registrationDeadline?.toISOString() ?? null,
    visitingPartnerIds: input.visitingPartnerIds,
    agenda: input.agenda,
    practiceIds: input.practiceIds,
  };
}

export async function createEvent(db: Db, actor: Actor, input: EventInput): Promise<Outcome<{ id: number }, EventRefusal>> {
  const references = await resolveReferences(db, actor, input);
  if (!references.ok) return references;
  const { programmeId } = references.value;
  if (!can(actor, 'event.manage', { programmeId, partnerIds: [input.hostPartnerId] })) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const id = await queries.insertEvent(trx, valuesOf(input, programmeId));
    await queries.replaceEventDetails(trx, id, input);
    await recordAudit(trx, actor, { action: 'event.create', entityType: 'event', entityId: id, programmeId, after: auditValues(input, programmeId) });
    return done({ id });
  });
}

/** Edits an event; places it adds go to the waiting list, first come first served. */
export async function updateEvent(
  db: Db,
  actor: Actor,
  eventId: number,
  input: EventInput,
  mail: ParticipantMail,
): Promise<Outcome<{ id: number }, EventRefusal>> {
  const references = await resolveReferences(db, actor, input);
  if (!references.ok) return references;
  const { programmeId } = references.value;
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockEvent(trx, eventId);
    if (!before) return refuse('not_found');
    if (!can(actor, 'event.manage', { programmeId: before.programme_id, partnerIds: [before.host_partner_id] })) return refuse('forbidden');
    if (!can(actor, 'event.manage', { programmeId, partnerIds: [input.hostPartnerId] }) || programmeId !== before.programme_id) return refuse('forbidden');
    const current = await queries.findEvent(trx, eventId);
    if (input.capacity !== null && Number(current?.registered ?? 0) > input.capacity) return refuse('capacity_below_registered', 'capacity');
    await queries.updateEvent(trx, eventId, valuesOf(input, programmeId));
    await queries.replaceEventDetails(trx, eventId, input);
    await promoteFromWaitingList(trx, eventId, mail);
    await recordAudit(trx, actor, {
      action: 'event.update',
      entityType: 'event',
      entityId: eventId,
      programmeId,
      before: {
        title: before.title,
        type: before.type,
        hostPartnerId: before.host_partner_id,
        startsAt: before.starts_at.toISOString(),
        endsAt: before.ends_at.toISOString(),
        capacity: before.capacity,
      },
      after: auditValues(input, programmeId),
    });
    await tellAboutEvent(trx, actor, { id: eventId, title: input.title, programmeId, hostPartnerId: input.hostPartnerId }, 'updated');
    return done({ id: eventId });
  });
}

/** An event nobody registered for can be deleted; one with registrations is part of the programme's record. */
export async function deleteEvent(db: Db, actor: Actor, eventId: number): Promise<Outcome<{ title: string }, EventRefusal>> {
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockEvent(trx, eventId);
    if (!before) return refuse('not_found');
    if (!can(actor, 'event.manage', { programmeId: before.programme_id, partnerIds: [before.host_partner_id] })) return refuse('forbidden');
    if (await queries.hasRegistrations(trx, eventId)) return refuse('has_registrations');
    await queries.deleteEvent(trx, eventId);
    await recordAudit(trx, actor, {
      action: 'event.delete',
      entityType: 'event',
      entityId: eventId,
      programmeId: before.programme_id,
      before: { title: before.title, type: before.type },
    });
    await tellAboutEvent(
      trx,
      actor,
      { id: eventId, title: before.title, programmeId: before.programme_id, hostPartnerId: before.host_partner_id },
      'cancelled',
    );
    return done({ title: before.title });
  });
}

/** The events of a calendar feed (the programme's, or one partner's), from a year back on. */
export async function calendarEvents(db: Db, filter: { programmeId?: number; partnerId?: number }, now = new Date()): Promise<CalendarEvent[]> {
  const since = new Date(now.getTime() - 365 * 24 * 3_600_000);
  return (await queries.calendarEvents(db, { ...filter, since })).map(calendarEventOf);
}

/** The events a partner hosted or visited, most recent first: what other modules link to (transfers, plans). */
export async function listEventsOfPartner(db: Db, programmeId: number, partnerId: number): Promise<{ id: number; title: string; startsAt: Date }[]> {
  return (await queries.eventsOfPartners(db, programmeId, [partnerId])).map((row) => ({ id: row.id, title: row.title, startsAt: row.starts_at }));
}

/** Whether the actor may see who registered (the host partner's editors, the coordinator). */
export function maySeeParticipants(actor: Actor, event: Pick<EventSummary, 'programmeId' | 'hostPartnerId'>): boolean {
  return can(actor, 'event.participants.read', { programmeId: event.programmeId, partnerIds: [event.hostPartnerId] });
}

export function mayManage(actor: Actor, event: Pick<EventSummary, 'programmeId' | 'hostPartnerId'>): boolean {
  return can(actor, 'event.manage', { programmeId: event.programmeId, partnerIds: [event.hostPartnerId] });
}
