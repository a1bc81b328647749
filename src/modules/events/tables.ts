/** Row types of events, their registrations, attendance and feedback, and the participation summary. */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp } from '../../core/db/column-types.js';
import type { Locale } from '../../core/i18n/locales.js';

/**
 * The quadruple helix a participant's organisation belongs to: the same four values as the partners module's
 * organisations. Declared here, not imported, because the database type (core/db/schema.ts) reads every tables.ts,
 * so a tables.ts that imported a module's service would tie the database to that module in an import circle.
 */
export type Helix = 'public_authority' | 'business' | 'research_education' | 'civil_society';

export const eventTypes = ['thematic_event', 'study_visit', 'import_workshop', 'regional_event', 'steering_meeting', 'other'] as const;
export type EventType = (typeof eventTypes)[number];
export const eventFormats = ['on_site', 'online', 'hybrid'] as const;
export type EventFormat = (typeof eventFormats)[number];
export const participantRoles = ['decision_maker', 'civil_servant', 'managing_authority', 'business', 'researcher', 'citizen', 'other'] as const;
export type ParticipantRole = (typeof participantRoles)[number];
export const registrationStatuses = ['registered', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export interface EventsTable {
  id: Id;
  programme_id: number;
  host_partner_id: number;
  type: EventType;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  theme_code: string | null;
  format: EventFormat;
  venue: ColumnType<string, string | undefined, string>;
  online_url: string | null;
  /** IANA zone the event's times are given in (e.g. Europe/Tallinn). */
  time_zone: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  capacity: number | null;
  registration_deadline: ColumnType<Date | null, Date | string | null, Date | string | null>;
  feedback_invited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Confirmed participants are reminded this many days before the start; null: no reminder. */
  reminder_days_before: ColumnType<number | null, number | null | undefined, number | null>;
  /** The language the event's texts (title, description, venue, agenda) are written in. */
  text_language: ColumnType<Locale, Locale | undefined, Locale>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface EventVisitingPartnersTable {
  event_id: number;
  partner_id: number;
}

export interface EventAgendaItemsTable {
  event_id: number;
  position: number;
  time_label: string | null;
  title: string;
}

export interface EventPracticesTable {
  event_id: number;
  practice_id: number;
}

export interface RegistrationsTable {
  id: Id;
  event_id: number;
  status: RegistrationStatus;
  /** Null once anonymised. */
  name: string | null;
  email: string | null;
  organisation_id: number | null;
  /** An organisation the person named that is not in the programme's stakeholder groups. */
  organisation_name: string | null;
  helix: Helix;
  role: ParticipantRole;
  /** The partner region the person comes from; null when none of them. */
  partner_id: number | null;
  /** The language the person registered in: their emails use it. */
  locale: Locale;
  consent_at: Timestamp;
  token_hash: string;
  attended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  anonymised_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the reminder was claimed for sending (once, by one worker). */
  reminded_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** "I lost my link": when the current 24-hour window of resends began, and how many were sent in it. */
  link_resent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  link_resends: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface FeedbackTable {
  registration_id: number;
  satisfaction: number;
  usefulness: number;
  capacity_increased: boolean;
  capacity_details: ColumnType<string, string | undefined, string>;
  created_at: CreatedAt;
}

export interface FeedbackPracticesTable {
  registration_id: number;
  practice_id: number;
}

/** Kept by database triggers from registrations and feedback; read by the statistics. */
export interface ParticipationTotalsTable {
  programme_id: number;
  host_partner_id: number;
  event_type: EventType;
  helix: Helix;
  role: ParticipantRole;
  /** The participants' partner region, 0 for none. */
  partner_key: number;
  registered: Generated<number>;
  waiting: Generated<number>;
  attended: Generated<number>;
  feedback: Generated<number>;
  capacity_increased: Generated<number>;
  satisfaction_sum: Generated<number>;
}

/** Kept by database triggers from registrations and feedback: each event's figures for the results formulas. */
export interface EventParticipationTable {
  event_id: number;
  attended: Generated<number>;
  /** Attendances of decision makers and managing authority staff. */
  decision_makers: Generated<number>;
  capacity_increased: Generated<number>;
}

/** Kept by database triggers from registrations: the organisations that attended each event, by their partner region. */
export interface EventOrganisationsTable {
  event_id: number;
  /** 'o' and the stakeholder organisation's id, or 'n' and the name typed, normalised. */
  organisation_key: string;
  partner_id: number;
  attended: Generated<number>;
}

export interface EventTables {
  events: EventsTable;
  event_visiting_partners: EventVisitingPartnersTable;
  event_agenda_items: EventAgendaItemsTable;
  event_practices: EventPracticesTable;
  registrations: RegistrationsTable;
  feedback: FeedbackTable;
  feedback_practices: FeedbackPracticesTable;
  participation_totals: ParticipationTotalsTable;
  event_participation: EventParticipationTable;
  event_organisations: EventOrganisationsTable;
}
