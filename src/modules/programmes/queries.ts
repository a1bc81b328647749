/** Every SQL statement of the programmes module. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../core/db/database.js';
import type { PhaseInput, ProgrammeInput } from './schema.js';

const programmeColumns = ['id', 'slug', 'acronym', 'title', 'summary', 'text_language', 'starts_on', 'ends_on'] as const;
const phaseColumns = ['id', 'programme_id', 'number', 'name', 'description', 'starts_on', 'ends_on'] as const;

export function listProgrammes(db: Executor) {
  return db.selectFrom('programmes').select(programmeColumns).orderBy('starts_on', 'desc').orderBy('id').execute();
}

export function findProgramme(db: Executor, programmeId: number) {
  return db.selectFrom('programmes').select(programmeColumns).where('id', '=', programmeId).executeTakeFirst();
}

export function findProgrammeBySlug(db: Executor, slug: string) {
  return db.selectFrom('programmes').select(programmeColumns).where('slug', '=', slug).executeTakeFirst();
}

export function lockProgramme(trx: Tx, programmeId: number) {
  return trx.selectFrom('programmes').select(programmeColumns).where('id', '=', programmeId).forUpdate().executeTakeFirst();
}

export function listPhases(db: Executor, programmeId: number) {
  return db.selectFrom('programme_phases').select(phaseColumns).where('programme_id', '=', programmeId).orderBy('number').execute();
}

export function insertProgramme(trx: Tx, input: ProgrammeInput) {
  return trx
    .insertInto('programmes')
    .values({
      slug: input.slug,
      acronym: input.acronym,
      title: input.title,
      summary: input.summary,
      text_language: input.textLanguage,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    })
    .returning(programmeColumns)
    .executeTakeFirstOrThrow();
}

export function updateProgramme(trx: Tx, programmeId: number, input: ProgrammeInput) {
  return trx
    .updateTable('programmes')
    .set({
      slug: input.slug,
      acronym: input.acronym,
      title: input.title,
      summary: input.summary,
      text_language: input.textLanguage,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', programmeId)
    .returning(programmeColumns)
    .executeTakeFirstOrThrow();
}

export function findPhase(db: Executor, phaseId: number) {
  return db.selectFrom('programme_phases').select(phaseColumns).where('id', '=', phaseId).executeTakeFirst();
}

export function lockPhase(trx: Tx, phaseId: number) {
  return trx.selectFrom('programme_phases').select(phaseColumns).where('id', '=', phaseId).forUpdate().executeTakeFirst();
}

export function insertPhase(trx: Tx, programmeId: number, input: PhaseInput) {
  return trx
    .insertInto('programme_phases')
    .values({
      programme_id: programmeId,
      number: input.number,
      name: input.name,
      description: input.description,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    })
    .returning(phaseColumns)
    .executeTakeFirstOrThrow();
}

export function updatePhase(trx: Tx, phaseId: number, input: PhaseInput) {
  return trx
    .updateTable('programme_phases')
    .set({ number: input.number, name: input.name, description: input.description, starts_on: input.startsOn, ends_on: input.endsOn })
    .where('id', '=', phaseId)
    .returning(phaseColumns)
    .executeTakeFirstOrThrow();
}

export function deletePhase(trx: Tx, phaseId: number) {
  return trx.deleteFrom('programme_phases').where('id', '=', phaseId).execute();
}

export function phaseNumberTaken(db: Executor, programmeId: number, number: number, exceptPhaseId: number | null) {
  let query = db.selectFrom('programme_phases').select('id').where('programme_id', '=', programmeId).where('number', '=', number);
  if (exceptPhaseId !== null) query = query.where('id', '!=', exceptPhaseId);
  return query.executeTakeFirst();
}

export function slugTaken(db: Executor, slug: string, exceptProgrammeId: number | null) {
  let query = db.selectFrom('programmes').select('id').where('slug', '=', slug);
  if (exceptProgrammeId !== null) query = query.where('id', '!=', exceptProgrammeId);
  return query.executeTakeFirst();
}
