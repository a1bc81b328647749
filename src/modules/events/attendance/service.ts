/**
 * Attendance, recorded by the host: one person at a time on the check-in list (a phone at the door), or a whole
 * sign-in sheet as CSV matched to the registrations by email. A sheet with any line that does not match changes
 * nothing and is reported line by line.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { csvLines } from '../../../core/exchange/records.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import * as eventQueries from '../hosting/queries.js';
import * as queries from './queries.js';

export type AttendanceRefusal = 'not_found' | 'forbidden' | 'cancelled';

export async function setAttendance(
  db: Db,
  actor: Actor,
  eventId: number,
  registrationId: number,
  attended: boolean,
): Promise<Outcome<{ name: string | null }, AttendanceRefusal>> {
  return db.transaction().execute(async (trx) => {
    const event = await eventQueries.lockEvent(trx, eventId);
    if (!event) return refuse('not_found');
    if (!can(actor, 'event.attendance.record', { programmeId: event.programme_id, partnerIds: [event.host_partner_id] })) return refuse('forbidden');
    const registration = await queries.lockRegistrationOfEvent(trx, eventId, registrationId);
    if (!registration) return refuse('not_found');
    if (registration.status === 'cancelled') return refuse('cancelled');
    if ((registration.attended_at !== null) !== attended) {
      await queries.setAttended(trx, registrationId, attended);
      await recordAudit(trx, actor, {
        action: attended ? 'attendance.check_in' : 'attendance.undo',
        entityType: 'registration',
        entityId: registrationId,
        programmeId: event.programme_id,
        after: { eventId, attended },
      });
    }
    return done({ name: registration.name });
  });
}

export interface SheetProblem {
  line: number;
  key: string;
  values?: Record<string, string | number>;
}

export interface SheetReport {
  lines: number;
  matched: number;
  newlyAttended: number;
  problems: SheetProblem[];
}

const sheetLimitLines = 5000;

/** The upload form's limit: a sheet of a few thousand lines is far below it. */
export const signInSheetMaxMegabytes = 1;

/**
 * A sign-in sheet: a CSV whose first line names its columns, one of them `email`; every other line one person
 * who signed. All lines must match an active registration of the event, or nothing is recorded.
 */
export async function importSignInSheet(db: Db, actor: Actor, eventId: number, csv: string): Promise<Outcome<SheetReport, AttendanceRefusal>> {
  const event = await eventQueries.findEvent(db, eventId);
  if (!event) return refuse('not_found');
  if (!can(actor, 'event.attendance.record', { programmeId: event.programme_id, partnerIds: [event.host_partner_id] })) return refuse('forbidden');
  const report: SheetReport = { lines: 0, matched: 0, newlyAttended: 0, problems: [] };
  let records: { line: number; cells: string[] }[];
  try {
    records = csvLines(csv);
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number' ? error.lines : 1;
    report.problems.push({ line, key: 'events.sheet.problems.syntax' });
    return done(report);
  }
  const header = (records[0]?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const emailColumn = header.indexOf('email');
  if (emailColumn < 0) {
    report.problems.push({ line: 1, key: 'events.sheet.problems.noEmailColumn' });
    return done(report);
  }
  const rows = records.slice(1);
  report.lines = rows.length;
  if (rows.length === 0) report.problems.push({ line: 1, key: 'events.sheet.problems.empty' });
  if (rows.length > sheetLimitLines) {
    report.problems.push({ line: rows[sheetLimitLines]?.line ?? sheetLimitLines + 2, key: 'events.sheet.problems.tooMany', values: { max: sheetLimitLines } });
    return done(report);
  }
  const registrations = await queries.listMatchable(db, eventId);
  const byEmail = new Map(registrations.map((registration) => [(registration.email as string).toLowerCase(), registration]));
  const seen = new Map<string, number>();
  const toMark: number[] = [];
  for (const { line, cells } of rows) {
    const typed = (cells[emailColumn] ?? '').trim();
    const email = typed.toLowerCase();
    if (email === '') {
      report.problems.push({ line, key: 'events.sheet.problems.noEmail' });
      continue;
    }
    const earlier = seen.get(email);
    if (earlier !== undefined) {
      report.problems.push({ line, key: 'events.sheet.problems.duplicate', values: { line: earlier } });
      continue;
    }
    seen.set(email, line);
    const registration = byEmail.get(email);
    if (!registration) {
      report.problems.push({ line, key: 'events.sheet.problems.unknownEmail', values: { email: typed } });
      continue;
    }
    report.matched += 1;
    if (registration.attended_at === null) toMark.push(registration.id);
  }
  if (report.problems.length > 0) return done({ ...report, matched: 0 });
  await db.transaction().execute(async (trx) => {
    if (toMark.length) await queries.markAttended(trx, toMark);
    await recordAudit(trx, actor, {
      action: 'attendance.import_sheet',
      entityType: 'event',
      entityId: eventId,
      programmeId: event.programme_id,
      after: { lines: report.lines, newlyAttended: toMark.length },
    });
  });
  return done({ ...report, newlyAttended: toMark.length });
}

export interface ParticipationMix {
  registered: number;
  waiting: number;
  attended: number;
  byHelix: Record<string, { registered: number; attended: number }>;
  byRole: Record<string, { registered: number; attended: number }>;
  /** Keyed by partner id, '0' for participants from outside the partners' regions. */
  byPartner: Record<string, { registered: number; attended: number }>;
}

/** Who came to one event, in aggregate: what its host sees beside the list. */
export async function participationMixOf(db: Db, eventId: number): Promise<ParticipationMix> {
  const rows = await queries.mixOf(db, eventId);
  const mix: ParticipationMix = { registered: 0, waiting: 0, attended: 0, byHelix: {}, byRole: {}, byPartner: {} };
  for (const row of rows) {
    if (row.dimension === 'total') Object.assign(mix, { registered: row.registered, waiting: row.waiting, attended: row.attended });
    else {
      const target = row.dimension === 'helix' ? mix.byHelix : row.dimension === 'role' ? mix.byRole : mix.byPartner;
      target[row.value ?? ''] = { registered: row.registered, attended: row.attended };
    }
  }
  return mix;
}
