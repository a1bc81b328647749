/** Use cases of the programmes module: read programmes with their phases and semesters, create and edit them. */
import { recordAudit } from '../../core/audit/audit.js';
import type { Db } from '../../core/db/database.js';
import { isUniqueViolation } from '../../core/db/errors.js';
import { camelCased } from '../../core/db/rows.js';
import { contributionsTo } from '../../core/module.js';
import { done, refuse, type Outcome } from '../../core/outcome.js';
import type { Locale } from '../../core/i18n/locales.js';
import type { Actor } from '../../core/policy/actor.js';
import { can } from '../../core/policy/policy.js';
import * as queries from './queries.js';
import { programmeCreated } from './created.js';
import type { PhaseInput, ProgrammeInput } from './schema.js';
export type { ProgrammeInput } from './schema.js';
export { programmeCreated, type ProgrammeCreated } from './created.js';

export interface Programme {
  id: number;
  slug: string;
  acronym: string;
  title: string;
  summary: string;
  /** The language the title, summary and the phases' names and descriptions are written in. */
  textLanguage: Locale;
  startsOn: string;
  endsOn: string;
}

export interface Phase {
  id: number;
  programmeId: number;
  number: number;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
}

export interface Semester {
  number: number;
  startsOn: string;
  endsOn: string;
}

type ProgrammeRow = Awaited<ReturnType<typeof queries.findProgramme>> & object;
type PhaseRow = Awaited<ReturnType<typeof queries.findPhase>> & object;

const toProgramme = (row: ProgrammeRow): Programme => camelCased(row);
const toPhase = (row: PhaseRow): Phase => camelCased(row);

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return date.toISOString().slice(0, 10);
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The programme's six-month reporting periods: semester 1 starts on the start date; the last ends with the programme. */
export function semestersOf(programme: Pick<Programme, 'startsOn' | 'endsOn'>): Semester[] {
  const semesters: Semester[] = [];
  for (let number = 1; number <= 40; number += 1) {
    const startsOn = addMonths(programme.startsOn, (number - 1) * 6);
    if (startsOn > programme.endsOn) break;
    const nextStart = addMonths(programme.startsOn, number * 6);
    const endsOn = dayBefore(nextStart) < programme.endsOn ? dayBefore(nextStart) : programme.endsOn;
    semesters.push({ number, startsOn, endsOn });
  }
  return semesters;
}

export async function listProgrammes(db: Db): Promise<Programme[]> {
  return (await queries.listProgrammes(db)).map(toProgramme);
}

export async function findProgramme(db: Db, programmeId: number): Promise<Programme | undefined> {
  const row = await queries.findProgramme(db, programmeId);
  return row && toProgramme(row);
}

export async function findProgrammeBySlug(db: Db, slug: string): Promise<Programme | undefined> {
  const row = await queries.findProgrammeBySlug(db, slug);
  return row && toProgramme(row);
}

export async function listPhases(db: Db, programmeId: number): Promise<Phase[]> {
  return (await queries.listPhases(db, programmeId)).map(toPhase);
}

export async function findPhase(db: Db, phaseId: number): Promise<Phase | undefined> {
  const row = await queries.findPhase(db, phaseId);
  return row && toPhase(row);
}

export type ProgrammeRefusal = 'forbidden' | 'not_found' | 'slug_taken';

export async function createProgramme(db: Db, actor: Actor, input: ProgrammeInput): Promise<Outcome<Programme, ProgrammeRefusal>> {
  if (!can(actor, 'programme.create')) return refuse('forbidden');
  try {
    return await db.transaction().execute(async (trx) => {
      if (await queries.slugTaken(trx, input.slug, null)) return refuse('slug_taken', 'slug');
      const programme = toProgramme(await queries.insertProgramme(trx, input));
      for (const added of contributionsTo(programmeCreated)) await added(trx, programme);
      await recordAudit(trx, actor, {
        action: 'programme.create',
        entityType: 'programme',
        entityId: programme.id,
        programmeId: programme.id,
        after: programme,
      });
      return done(programme);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('slug_taken', 'slug');
    throw error;
  }
}

export async function updateProgramme(db: Db, actor: Actor, programmeId: number, input: ProgrammeInput): Promise<Outcome<Programme, ProgrammeRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await queries.lockProgramme(trx, programmeId);
      if (!before) return refuse('not_found');
      if (!can(actor, 'programme.update', { programmeId })) return refuse('forbidden');
      if (await queries.slugTaken(trx, input.slug, programmeId)) return refuse('slug_taken', 'slug');
      const after = toProgramme(await queries.updateProgramme(trx, programmeId, input));
      await recordAudit(trx, actor, {
        action: 'programme.update',
        entityType: 'programme',
        entityId: programmeId,
        programmeId,
        before: toProgramme(before),
        after,
      });
      return done(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('slug_taken', 'slug');
    throw error;
  }
}

export type PhaseRefusal = 'forbidden' | 'not_found' | 'number_taken' | 'outside_programme';

function phaseOutsideProgramme(programme: { starts_on: string; ends_on: string }, input: PhaseInput): boolean {
  return input.startsOn < programme.starts_on || input.endsOn > programme.ends_on;
}

export async function addPhase(db: Db, actor: Actor, programmeId: number, input: PhaseInput): Promise<Outcome<Phase, PhaseRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const programme = await queries.lockProgramme(trx, programmeId);
      if (!programme) return refuse('not_found');
      if (!can(actor, 'programme.update', { programmeId })) return refuse('forbidden');
      if (await queries.phaseNumberTaken(trx, programmeId, input.number, null)) return refuse('number_taken', 'number');
      if (phaseOutsideProgramme(programme, input)) return refuse('outside_programme', 'startsOn');
      const phase = toPhase(await queries.insertPhase(trx, programmeId, input));
      await recordAudit(trx, actor, { action: 'programme.phase.create', entityType: 'programme_phase', entityId: phase.id, programmeId, after: phase });
      return done(phase);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('number_taken', 'number');
    throw error;
  }
}

export async function updatePhase(db: Db, actor: Actor, phaseId: number, input: PhaseInput): Promise<Outcome<Phase, PhaseRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await queries.lockPhase(trx, phaseId);
      if (!before) return refuse('not_found');
      const programme = await queries.lockProgramme(trx, before.programme_id);
      if (!programme) return refuse('not_found');
      if (!can(actor, 'programme.update', { programmeId: before.programme_id })) return refuse('forbidden');
      if (await queries.phaseNumberTaken(trx, before.programme_id, input.number, phaseId)) return refuse('number_taken', 'number');
      if (phaseOutsideProgramme(programme, input)) return refuse('outside_programme', 'startsOn');
      const after = toPhase(await queries.updatePhase(trx, phaseId, input));
      await recordAudit(trx, actor, {
        action: 'programme.phase.update',
        entityType: 'programme_phase',
        entityId: phaseId,
        programmeId: before.programme_id,
        before: toPhase(before),
        after,
      });
      return done(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('number_taken', 'number');
    throw error;
  }
}

export async function removePhase(db: Db, actor: Actor, phaseId: number): Promise<Outcome<Phase, 'forbidden' | 'not_found'>> {
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockPhase(trx, phaseId);
    if (!before) return refuse('not_found');
    if (!can(actor, 'programme.update', { programmeId: before.programme_id })) return refuse('forbidden');
    await queries.deletePhase(trx, phaseId);
    await recordAudit(trx, actor, {
      action: 'programme.phase.delete',
      entityType: 'programme_phase',
      entityId: phaseId,
      programmeId: before.programme_id,
      before: toPhase(before),
    });
    return done(toPhase(before));
  });
}
