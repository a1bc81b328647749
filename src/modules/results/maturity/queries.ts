/** Every SQL statement of the maturity self-assessment: frameworks, rounds, respondents and their answers. */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { RoundStatus } from '../tables.js';

const roundColumns = [
  'maturity_rounds.id',
  'maturity_rounds.programme_id',
  'maturity_rounds.partner_id',
  'maturity_rounds.framework_id',
  'maturity_rounds.label',
  'maturity_rounds.assessed_on',
  'maturity_rounds.status',
  'maturity_rounds.submitted_at',
  'maturity_rounds.illustrative',
] as const;

/** The programme's current framework: the one stored last. */
export function findCurrentFramework(db: Executor, programmeId: number) {
  return db
    .selectFrom('maturity_frameworks')
    .select(['id', 'programme_id', 'name', 'definition', 'builtin', 'created_at'])
    .where('programme_id', '=', programmeId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listFrameworks(db: Executor, frameworkIds: readonly number[]) {
  if (frameworkIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('maturity_frameworks').select(['id', 'definition']).where('id', 'in', frameworkIds).execute();
}

export async function insertFramework(trx: Tx, values: { programmeId: number; name: string; definition: unknown; builtin: boolean }): Promise<number> {
  const row = await trx
    .insertInto('maturity_frameworks')
    .values({ programme_id: values.programmeId, name: values.name, definition: JSON.stringify(values.definition), builtin: values.builtin })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Serialises the framework changes of a programme (two first rounds opened at once store one built-in framework). */
export async function lockProgrammeFrameworks(trx: Tx, programmeId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${7_100_000 + programmeId})`.execute(trx);
}

export async function countRoundsOfFramework(db: Executor, frameworkId: number): Promise<number> {
  const row = await db
    .selectFrom('maturity_rounds')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('framework_id', '=', frameworkId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export function insertRound(
  trx: Tx,
  values: { programmeId: number; partnerId: number; frameworkId: number; label: string; assessedOn: string; illustrative?: boolean },
) {
  return trx
    .insertInto('maturity_rounds')
    .values({
      programme_id: values.programmeId,
      partner_id: values.partnerId,
      framework_id: values.frameworkId,
      label: values.label,
      assessed_on: values.assessedOn,
      status: 'draft',
      illustrative: values.illustrative ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findRound(db: Executor, roundId: number) {
  return db.selectFrom('maturity_rounds').select(roundColumns).where('id', '=', roundId).executeTakeFirst();
}

export function lockRound(trx: Tx, roundId: number) {
  return trx.selectFrom('maturity_rounds').select(roundColumns).where('id', '=', roundId).forUpdate().executeTakeFirst();
}

export type RoundRow = NonNullable<Awaited<ReturnType<typeof findRound>>>;

/** A programme's rounds (one partner's when given), oldest assessment first; only submitted ones unless drafts are asked for. */
export function listRounds(db: Executor, scope: { programmeId: number; partnerId?: number; statuses: readonly RoundStatus[] }) {
  let query = db.selectFrom('maturity_rounds').select(roundColumns).where('programme_id', '=', scope.programmeId).where('status', 'in', scope.statuses);
  if (scope.partnerId !== undefined) query = query.where('partner_id', '=', scope.partnerId);
  return query.orderBy('assessed_on').orderBy('id').execute();
}

export async function markSubmitted(trx: Tx, roundId: number, userId: number | null, at: Date): Promise<void> {
  await trx
    .updateTable('maturity_rounds')
    .set({ status: 'submitted', submitted_at: at, submitted_by_user_id: userId, updated_at: at })
    .where('id', '=', roundId)
    .execute();
}

export async function touchRound(trx: Tx, roundId: number): Promise<void> {
  await trx.updateTable('maturity_rounds').set({ updated_at: new Date() }).where('id', '=', roundId).execute();
}

const respondentColumns = [
  'maturity_respondents.id',
  'maturity_respondents.round_id',
  'maturity_respondents.user_id',
  'maturity_respondents.invited_name',
  'maturity_respondents.invited_email',
  'maturity_respondents.submitted_at',
  'maturity_respondents.created_at',
] as const;

export function listRespondents(db: Executor, roundId: number) {
  return db.selectFrom('maturity_respondents').select(respondentColumns).where('round_id', '=', roundId).orderBy('id').execute();
}

export function findUserRespondent(db: Executor, roundId: number, userId: number) {
  return db.selectFrom('maturity_respondents').select(respondentColumns).where('round_id', '=', roundId).where('user_id', '=', userId).executeTakeFirst();
}

/** The editor's respondent row of the round, made on their first save (a second save at once finds the first's row). */
export async function userRespondent(trx: Tx, roundId: number, userId: number): Promise<number> {
  await trx
    .insertInto('maturity_respondents')
    .values({ round_id: roundId, user_id: userId })
    .onConflict((conflict) => conflict.columns(['round_id', 'user_id']).where('user_id', 'is not', null).doNothing())
    .execute();
  const row = await findUserRespondent(trx, roundId, userId);
  if (!row) throw new Error('The respondent just written is missing');
  return row.id;
}

export async function insertInvitation(trx: Tx, values: { roundId: number; name: string; email: string; tokenHash: string }): Promise<number> {
  const row = await trx
    .insertInto('maturity_respondents')
    .values({ round_id: values.roundId, invited_name: values.name, invited_email: values.email, token_hash: values.tokenHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The invitation a private link opens, with its round; only while the round is a draft, so the link dies at submission. */
export function findInvitationByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('maturity_respondents')
    .innerJoin('maturity_rounds', 'maturity_rounds.id', 'maturity_respondents.round_id')
    .select([...respondentColumns, 'maturity_rounds.status as round_status'])
    .where('maturity_respondents.token_hash', '=', tokenHash)
    .where('maturity_respondents.invited_email', 'is not', null)
    .executeTakeFirst();
}

export async function markRespondentSubmitted(trx: Tx, respondentId: number, at: Date): Promise<void> {
  await trx.updateTable('maturity_respondents').set({ submitted_at: at }).where('id', '=', respondentId).execute();
}

/**
 * At submission the invitations' links die and their emails go (no longer needed); the names stay for the partner's
 * staff, who see whose answers they read. The token becomes a mark that no link can match.
 */
export async function closeInvitations(trx: Tx, roundId: number): Promise<void> {
  await trx
    .updateTable('maturity_respondents')
    .set({ invited_email: null, token_hash: sql<string>`'closed-' || id` })
    .where('round_id', '=', roundId)
    .where('user_id', 'is', null)
    .execute();
}

export async function replaceAnswers(
  trx: Tx,
  respondentId: number,
  answers: readonly { questionKey: string; level: number; comment: string }[],
): Promise<void> {
  await trx.deleteFrom('maturity_answers').where('respondent_id', '=', respondentId).execute();
  if (answers.length)
    await trx
      .insertInto('maturity_answers')
      .values(answers.map((answer) => ({ respondent_id: respondentId, question_key: answer.questionKey, level: answer.level, comment: answer.comment })))
      .execute();
}

/** Every answer of the rounds, with who gave it (an editor's user id, or an invitation). */
export function listAnswers(db: Executor, roundIds: readonly number[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('maturity_answers')
    .innerJoin('maturity_respondents', 'maturity_respondents.id', 'maturity_answers.respondent_id')
    .select([
      'maturity_respondents.round_id',
      'maturity_answers.respondent_id',
      'maturity_respondents.user_id',
      'maturity_answers.question_key',
      'maturity_answers.level',
      'maturity_answers.comment',
    ])
    .where('maturity_respondents.round_id', 'in', roundIds)
    .orderBy('maturity_answers.respondent_id')
    .execute();
}

/** A person's own answers (as an editor), for their data download. */
export function listAnswersByUser(db: Executor, userId: number) {
  return db
    .selectFrom('maturity_answers')
    .innerJoin('maturity_respondents', 'maturity_respondents.id', 'maturity_answers.respondent_id')
    .innerJoin('maturity_rounds', 'maturity_rounds.id', 'maturity_respondents.round_id')
    .select(['maturity_rounds.id as round_id', 'maturity_rounds.label', 'maturity_answers.question_key', 'maturity_answers.level', 'maturity_answers.comment'])
    .where('maturity_respondents.user_id', '=', userId)
    .orderBy('maturity_rounds.id')
    .orderBy('maturity_answers.question_key')
    .execute();
}

/** Erasure keeps a person's answers (the round's scores stand) without saying whose they were. */
export async function detachAnswersOf(trx: Tx, userId: number): Promise<void> {
  await trx
    .updateTable('maturity_respondents')
    .set({ user_id: null, token_hash: sql<string>`'erased-' || id` })
    .where('user_id', '=', userId)
    .execute();
}

/** An invited person's own erasure: their name and email go, their answers stay without them; the link dies. */
export async function eraseInvitation(trx: Tx, respondentId: number): Promise<void> {
  await trx
    .updateTable('maturity_respondents')
    .set({ invited_name: null, invited_email: null, token_hash: sql<string>`'erased-' || id` })
    .where('id', '=', respondentId)
    .execute();
}

/** The demo's respondents: a demo editor's account, or a fictitious partner team or stakeholder with no working link. */
export async function insertDemoRespondent(
  trx: Tx,
  values: { roundId: number; userId: number | null; name: string | null; marker: string; answeredAt: Date },
): Promise<number> {
  const row = await trx
    .insertInto('maturity_respondents')
    .values({
      round_id: values.roundId,
      user_id: values.userId,
      invited_name: values.userId === null ? values.name : null,
      token_hash: values.userId === null ? values.marker : null,
      submitted_at: values.answeredAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
