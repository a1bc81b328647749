/**
 * The governance maturity self-assessment's use cases: the programme's framework (built in, or replaced by the
 * coordinator while no round uses it), rounds opened and answered by a partner's editors and the stakeholders they
 * invite by a private link, submission (irreversible: it locks the answers and ends the links), and the scores.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db, Executor, Tx } from '../../../core/db/database.js';
import type { Locale } from '../../../core/i18n/locales.js';
import { composeEmail, queueEmail, type EmailContext } from '../../../core/mail/outbox.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import { anonymous, type Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { hashToken, newToken } from '../../../core/tokens.js';
import type { FieldError } from '../../../core/validation/forms.js';
import { findPartner } from '../../partners/service.js';
import { createLearningNeed, listPublishedPracticesOnThemes } from '../../practices/service.js';
import type { RoundStatus } from '../tables.js';
import { defaultFramework } from './default-framework.js';
import {
  checkFramework,
  maxLevel,
  parseFrameworkJson,
  questionsOf,
  scoreRound,
  textIn,
  type Framework,
  type FrameworkProblem,
  type RoundScores,
} from './framework.js';
import * as queries from './queries.js';

export interface MaturityRound {
  id: number;
  programmeId: number;
  partnerId: number;
  frameworkId: number;
  label: string;
  assessedOn: string;
  status: RoundStatus;
  submittedAt: Date | null;
  illustrative: boolean;
}

function toRound(row: queries.RoundRow): MaturityRound {
  return {
    id: row.id,
    programmeId: row.programme_id,
    partnerId: row.partner_id,
    frameworkId: row.framework_id,
    label: row.label,
    assessedOn: row.assessed_on,
    status: row.status,
    submittedAt: row.submitted_at,
    illustrative: row.illustrative,
  };
}

const scopeOf = (round: Pick<MaturityRound, 'programmeId' | 'partnerId'>) => ({ programmeId: round.programmeId, partnerIds: [round.partnerId] });

/** Submitted rounds' scores are public; a draft and every round's answers are for the partner's staff. */
export function mayReadAnswers(actor: Actor, round: Pick<MaturityRound, 'programmeId' | 'partnerId'>): boolean {
  return can(actor, 'maturity.read_answers', scopeOf(round));
}

export function mayAnswer(actor: Actor, round: Pick<MaturityRound, 'programmeId' | 'partnerId'>): boolean {
  return can(actor, 'maturity.answer', scopeOf(round));
}

// ---------------------------------------------------------------------------------------------------------------
// Frameworks

export interface CurrentFramework {
  /** Null while the programme has stored none: the built-in framework is stored with its first round. */
  id: number | null;
  framework: Framework;
  builtin: boolean;
  /** A round uses it, so it can no longer be replaced. */
  inUse: boolean;
}

function storedFramework(definition: unknown): Framework {
  const checked = checkFramework(definition);
  // Every stored definition passed the schema; one that no longer does is a bug, not a visitor's mistake.
  if (!checked.ok) throw new Error(`A stored maturity framework fails its schema: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  return checked.framework;
}

export async function currentFramework(db: Executor, programmeId: number): Promise<CurrentFramework> {
  const row = await queries.findCurrentFramework(db, programmeId);
  if (!row) return { id: null, framework: defaultFramework, builtin: true, inUse: false };
  return { id: row.id, framework: storedFramework(row.definition), builtin: row.builtin, inUse: (await queries.countRoundsOfFramework(db, row.id)) > 0 };
}

/** The frameworks the rounds were answered with, by id. */
async function frameworksOf(db: Executor, rounds: readonly Pick<MaturityRound, 'frameworkId'>[]): Promise<Map<number, Framework>> {
  const ids = [...new Set(rounds.map((round) => round.frameworkId))];
  return new Map((await queries.listFrameworks(db, ids)).map((row) => [row.id, storedFramework(row.definition)]));
}

async function frameworkForNewRound(trx: Tx, programmeId: number): Promise<number> {
  await queries.lockProgrammeFrameworks(trx, programmeId);
  const row = await queries.findCurrentFramework(trx, programmeId);
  if (row) return row.id;
  return queries.insertFramework(trx, { programmeId, name: defaultFramework.name.en, definition: defaultFramework, builtin: true });
}

export type FrameworkRefusal = 'forbidden' | 'in_use' | 'invalid';

/**
 * Replaces the programme's framework with one read from JSON text, checked whole: the refusal lists every problem.
 * Refused once a round uses the current one, since its scores are read through it.
 */
export async function replaceFramework(
  db: Db,
  actor: Actor,
  programmeId: number,
  text: string,
): Promise<Outcome<{ id: number }, FrameworkRefusal> & { problems?: FrameworkProblem[] }> {
  if (!can(actor, 'maturity.define', { programmeId })) return refuse('forbidden');
  const parsed = parseFrameworkJson(text);
  if (!parsed.ok) return { ...refuse('invalid'), problems: parsed.problems };
  return db.transaction().execute(async (trx) => {
    await queries.lockProgrammeFrameworks(trx, programmeId);
    const current = await queries.findCurrentFramework(trx, programmeId);
    if (current && (await queries.countRoundsOfFramework(trx, current.id)) > 0) return refuse('in_use');
    const id = await queries.insertFramework(trx, { programmeId, name: parsed.framework.name.en, definition: parsed.framework, builtin: false });
    await recordAudit(trx, actor, {
      action: 'maturity.framework.replace',
      entityType: 'maturity_framework',
      entityId: id,
      programmeId,
      before: current ? { id: current.id, name: current.name } : undefined,
      after: { id, name: parsed.framework.name.en, dimensions: parsed.framework.dimensions.map((dimension) => dimension.key) },
    });
    return done({ id });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rounds

export type RoundRefusal = 'forbidden' | 'not_found' | 'submitted' | 'incomplete' | 'invalid_answers' | 'already_invited';

export async function openRound(
  db: Db,
  actor: Actor,
  input: { partnerId: number; label: string; assessedOn: string },
  options: { illustrative?: boolean } = {},
): Promise<Outcome<{ id: number }, RoundRefusal>> {
  const partner = await findPartner(db, anonymous, input.partnerId);
  if (!partner) return refuse('not_found', 'partnerId');
  if (!mayAnswer(actor, { programmeId: partner.programmeId, partnerId: partner.id })) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    const frameworkId = await frameworkForNewRound(trx, partner.programmeId);
    const { id } = await queries.insertRound(trx, {
      programmeId: partner.programmeId,
      partnerId: partner.id,
      frameworkId,
      label: input.label,
      assessedOn: input.assessedOn,
      illustrative: options.illustrative ?? false,
    });
    await recordAudit(trx, actor, {
      action: 'maturity.round.open',
      entityType: 'maturity_round',
      entityId: id,
      programmeId: partner.programmeId,
      after: { partnerId: partner.id, label: input.label, assessedOn: input.assessedOn, frameworkId },
    });
    return done({ id });
  });
}

export interface RoundView {
  round: MaturityRound;
  framework: Framework;
}

/** The round with its framework, if the actor may see it: submitted rounds are public, drafts for the partner's staff. */
export async function getRound(db: Db, actor: Actor, roundId: number): Promise<RoundView | undefined> {
  const row = await queries.findRound(db, roundId);
  if (!row) return undefined;
  const round = toRound(row);
  if (round.status !== 'submitted' && !mayReadAnswers(actor, round)) return undefined;
  const framework = (await frameworksOf(db, [round])).get(round.frameworkId);
  if (!framework) return undefined;
  return { round, framework };
}

/** The round and its framework, if it exists and the actor may answer it (the partner's editors). */
async function answerableRound(db: Db, actor: Actor, roundId: number): Promise<Outcome<RoundView, 'not_found' | 'forbidden'>> {
  const row = await queries.findRound(db, roundId);
  if (!row) return refuse('not_found');
  const round = toRound(row);
  if (!mayAnswer(actor, round)) return refuse('forbidden');
  const framework = (await frameworksOf(db, [round])).get(round.frameworkId);
  if (!framework) return refuse('not_found');
  return done({ round, framework });
}

/** A programme's rounds as the actor may list them: submitted ones, and drafts of partners whose answers they read. */
export async function listRounds(db: Db, actor: Actor, programmeId: number, partnerId?: number): Promise<MaturityRound[]> {
  const rows = await queries.listRounds(db, { programmeId, ...(partnerId === undefined ? {} : { partnerId }), statuses: ['draft', 'submitted'] });
  return rows.map(toRound).filter((round) => round.status === 'submitted' || mayReadAnswers(actor, round));
}

export interface AnswerInput {
  questionKey: string;
  level: number;
  comment: string;
}

const commentMax = 2000;
export const levelField = (questionKey: string) => `level.${questionKey}`;
export const commentField = (questionKey: string) => `comment.${questionKey}`;

/**
 * Reads the posted questionnaire: `level.<question>` (a level of the scale) and `comment.<question>` for each question
 * answered. A level outside the scale is a problem at its question; a question the framework does not have is a
 * problem of the form. An unanswered question is simply left out (a draft may be partial).
 */
export function parseAnswers(framework: Framework, body: unknown): { answers: AnswerInput[]; errors: FieldError[] } {
  const fields = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const known = new Set(questionsOf(framework).map(({ question }) => question.key));
  const top = maxLevel(framework);
  const errors: FieldError[] = [];
  for (const name of Object.keys(fields)) {
    const match = /^(level|comment)\.(.*)$/.exec(name);
    if (match?.[2] !== undefined && !known.has(match[2]))
      errors.push({ field: 'form', key: 'maturity.answers.unknownQuestion', values: { question: match[2].slice(0, 60) } });
  }
  const answers: AnswerInput[] = [];
  for (const { question } of questionsOf(framework)) {
    const rawLevel = fields[levelField(question.key)];
    const rawComment = fields[commentField(question.key)];
    const comment = typeof rawComment === 'string' ? rawComment.replace(/\r\n?/g, '\n').trim() : '';
    if (comment.length > commentMax) errors.push({ field: commentField(question.key), key: 'validation.tooLong', values: { max: commentMax } });
    if (rawLevel === undefined || rawLevel === '') continue;
    const level = typeof rawLevel === 'string' && /^\d{1,2}$/.test(rawLevel) ? Number(rawLevel) : NaN;
    if (!Number.isInteger(level) || level < 0 || level > top) {
      errors.push({ field: levelField(question.key), key: 'maturity.answers.outOfScale', values: { max: top } });
      continue;
    }
    answers.push({ questionKey: question.key, level, comment });
  }
  return { answers, errors };
}

type AnswerOutcome = Outcome<{ answered: number }, RoundRefusal> & { errors?: FieldError[] };

/** Saves the signed-in editor's answers to a draft round (all their answers replaced by what was posted). */
export async function saveAnswers(db: Db, actor: Actor, roundId: number, body: unknown): Promise<AnswerOutcome> {
  const answerable = await answerableRound(db, actor, roundId);
  if (!answerable.ok) return answerable;
  if (actor.kind !== 'user') return refuse('forbidden');
  const view = answerable.value;
  const { answers, errors } = parseAnswers(view.framework, body);
  if (errors.length) return { ...refuse('invalid_answers'), errors };
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockRound(trx, roundId);
    if (!locked) return refuse('not_found');
    if (locked.status === 'submitted') return refuse('submitted');
    const respondentId = await queries.userRespondent(trx, roundId, actor.userId);
    await queries.replaceAnswers(trx, respondentId, answers);
    await queries.touchRound(trx, roundId);
    await recordAudit(trx, actor, {
      action: 'maturity.answers.save',
      entityType: 'maturity_round',
      entityId: roundId,
      programmeId: locked.programme_id,
      after: { respondentId, answered: answers.length },
    });
    return done({ answered: answers.length });
  });
}

export interface Respondent {
  id: number;
  userId: number | null;
  /** An invited stakeholder's name (null for an editor, or once the person erased it). */
  invitedName: string | null;
  invitedEmail: string | null;
  invited: boolean;
  answeredAt: Date | null;
}

export interface RoundAnswer {
  respondentId: number;
  userId: number | null;
  questionKey: string;
  level: number;
  comment: string;
}

/** The round's respondents and every answer they gave; only for those who read the partner's answers. */
export async function roundAnswers(db: Db, actor: Actor, round: MaturityRound): Promise<{ respondents: Respondent[]; answers: RoundAnswer[] } | undefined> {
  if (!mayReadAnswers(actor, round)) return undefined;
  const [respondents, answers] = await Promise.all([queries.listRespondents(db, round.id), queries.listAnswers(db, [round.id])]);
  return {
    respondents: respondents.map((row) => ({
      id: row.id,
      userId: row.user_id,
      invitedName: row.invited_name,
      invitedEmail: row.invited_email,
      invited: row.user_id === null,
      answeredAt: row.submitted_at,
    })),
    answers: answers.map((row) => ({
      respondentId: row.respondent_id,
      userId: row.user_id,
      questionKey: row.question_key,
      level: row.level,
      comment: row.comment,
    })),
  };
}

/** The questions no editor of the partner has answered yet, in the framework's order. */
export function unansweredByEditors(framework: Framework, answers: readonly Pick<RoundAnswer, 'userId' | 'questionKey'>[]): string[] {
  const answered = new Set(answers.filter((answer) => answer.userId !== null).map((answer) => answer.questionKey));
  return questionsOf(framework)
    .map(({ question }) => question.key)
    .filter((key) => !answered.has(key));
}

/**
 * Submits a draft round: refused while a question has no editor's answer (the refusal lists them). Submission locks
 * every answer and ends the invitations' links (their emails go, no longer needed).
 */
export async function submitRound(
  db: Db,
  actor: Actor,
  roundId: number,
  now = new Date(),
): Promise<Outcome<MaturityRound, RoundRefusal> & { unanswered?: string[] }> {
  const answerable = await answerableRound(db, actor, roundId);
  if (!answerable.ok) return answerable;
  const view = answerable.value;
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockRound(trx, roundId);
    if (!locked) return refuse('not_found');
    if (locked.status === 'submitted') return refuse('submitted');
    const answers = await queries.listAnswers(trx, [roundId]);
    const unanswered = unansweredByEditors(
      view.framework,
      answers.map((row) => ({ userId: row.user_id, questionKey: row.question_key })),
    );
    if (unanswered.length) return { ...refuse('incomplete'), unanswered };
    await queries.markSubmitted(trx, roundId, actor.kind === 'user' ? actor.userId : null, now);
    await queries.closeInvitations(trx, roundId);
    await recordAudit(trx, actor, {
      action: 'maturity.round.submit',
      entityType: 'maturity_round',
      entityId: roundId,
      programmeId: locked.programme_id,
      before: { status: 'draft' },
      after: { status: 'submitted' },
    });
    return done({ ...toRound(locked), status: 'submitted' as const, submittedAt: now });
  });
}

/** Invites a stakeholder to answer a draft round: a private link by email (only its hash is kept). */
export async function inviteStakeholder(
  db: Db,
  actor: Actor,
  roundId: number,
  input: { name: string; email: string },
  locale: Locale,
  mail: EmailContext,
): Promise<Outcome<{ respondentId: number }, RoundRefusal>> {
  const answerable = await answerableRound(db, actor, roundId);
  if (!answerable.ok) return answerable;
  const view = answerable.value;
  const partner = await findPartner(db, anonymous, view.round.partnerId);
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockRound(trx, roundId);
    if (!locked) return refuse('not_found');
    if (locked.status === 'submitted') return refuse('submitted');
    const email = input.email.toLowerCase();
    if ((await queries.listRespondents(trx, roundId)).some((row) => row.invited_email?.toLowerCase() === email)) return refuse('already_invited', 'email');
    const token = newToken();
    const respondentId = await queries.insertInvitation(trx, { roundId, name: input.name, email: input.email, tokenHash: hashToken(token) });
    const t = mail.translator.translate(locale);
    const message = composeEmail(t, 'maturity.email.invitation', {
      name: input.name,
      partner: partner?.name ?? '',
      round: locked.label,
      link: `${mail.publicUrl}/results/maturity/invitations/${token}`,
    });
    await queueEmail(trx, { kind: 'maturity_invitation', to: input.email, ...message });
    // The log says an invitation was sent, not to whom: the person's data stays in one place.
    await recordAudit(trx, actor, {
      action: 'maturity.invitation.create',
      entityType: 'maturity_round',
      entityId: roundId,
      programmeId: locked.programme_id,
      after: { respondentId },
    });
    return done({ respondentId });
  });
}

export interface Invitation {
  respondentId: number;
  name: string;
  round: MaturityRound;
  framework: Framework;
  answers: AnswerInput[];
}

/** What a private link opens while its round is open; undefined for an unknown, ended or erased link. */
export async function invitationOfToken(db: Db, token: string): Promise<Invitation | undefined> {
  const row = await queries.findInvitationByTokenHash(db, hashToken(token));
  if (!row || row.round_status !== 'draft' || row.invited_name === null) return undefined;
  const roundRow = await queries.findRound(db, row.round_id);
  if (!roundRow) return undefined;
  const round = toRound(roundRow);
  const framework = (await frameworksOf(db, [round])).get(round.frameworkId);
  if (!framework) return undefined;
  const answers = (await queries.listAnswers(db, [round.id]))
    .filter((answer) => answer.respondent_id === row.id)
    .map((answer) => ({ questionKey: answer.question_key, level: answer.level, comment: answer.comment }));
  return { respondentId: row.id, name: row.invited_name, round, framework, answers };
}

/** Saves an invited stakeholder's answers through their link, while the round is open. */
export async function saveInvitedAnswers(db: Db, token: string, body: unknown, now = new Date()): Promise<AnswerOutcome> {
  const invitation = await invitationOfToken(db, token);
  if (!invitation) return refuse('not_found');
  const { answers, errors } = parseAnswers(invitation.framework, body);
  if (errors.length) return { ...refuse('invalid_answers'), errors };
  return db.transaction().execute(async (trx) => {
    const locked = await queries.lockRound(trx, invitation.round.id);
    if (!locked) return refuse('not_found');
    if (locked.status === 'submitted') return refuse('submitted');
    await queries.replaceAnswers(trx, invitation.respondentId, answers);
    await queries.markRespondentSubmitted(trx, invitation.respondentId, now);
    await recordAudit(trx, anonymous, {
      action: 'maturity.answers.save',
      entityType: 'maturity_round',
      entityId: locked.id,
      programmeId: locked.programme_id,
      after: { respondentId: invitation.respondentId, answered: answers.length },
    });
    return done({ answered: answers.length });
  });
}

/** An invited person erases their name and email through their link; their answers stay, anonymous, and the link ends. */
export async function eraseInvitation(db: Db, token: string): Promise<Outcome<void, 'not_found'>> {
  const invitation = await invitationOfToken(db, token);
  if (!invitation) return refuse('not_found');
  return db.transaction().execute(async (trx) => {
    await queries.eraseInvitation(trx, invitation.respondentId);
    await recordAudit(trx, anonymous, {
      action: 'maturity.invitation.erase',
      entityType: 'maturity_round',
      entityId: invitation.round.id,
      programmeId: invitation.round.programmeId,
      after: { respondentId: invitation.respondentId },
    });
    return done(undefined);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Scores

export interface ScoredRound {
  round: MaturityRound;
  framework: Framework;
  scores: RoundScores;
}

/** Scores each round from every answer its respondents gave (the method: framework.ts, docs/results-maturity.md). */
export async function scoreRounds(db: Executor, rounds: readonly MaturityRound[]): Promise<ScoredRound[]> {
  const frameworks = await frameworksOf(db, rounds);
  const levels = new Map<number, Map<string, number[]>>();
  for (const answer of await queries.listAnswers(
    db,
    rounds.map((round) => round.id),
  )) {
    const byQuestion = levels.get(answer.round_id) ?? new Map<string, number[]>();
    byQuestion.set(answer.question_key, [...(byQuestion.get(answer.question_key) ?? []), answer.level]);
    levels.set(answer.round_id, byQuestion);
  }
  return rounds.flatMap((round) => {
    const framework = frameworks.get(round.frameworkId);
    if (!framework) return [];
    return [{ round, framework, scores: scoreRound(framework, { levels: levels.get(round.id) ?? new Map() }) }];
  });
}

/** The programme's submitted rounds with their scores, oldest assessment first (ties by id). */
export async function submittedScores(db: Executor, programmeId: number, partnerId?: number): Promise<ScoredRound[]> {
  const rows = await queries.listRounds(db, { programmeId, ...(partnerId === undefined ? {} : { partnerId }), statuses: ['submitted'] });
  return scoreRounds(db, rows.map(toRound));
}

export interface PartnerProgress {
  partnerId: number;
  /** The earliest submitted round. */
  baseline: ScoredRound;
  /** The most recent submitted round (the baseline itself when there is one round). */
  latest: ScoredRound;
  rounds: number;
  /** latest − baseline overall, when the partner has at least two rounds. */
  change: number | null;
}

/** Baseline and latest per partner, from submitted rounds in assessment order (assessed on or before `asOf`, if given). */
export function progressOf(scored: readonly ScoredRound[], asOf?: string): PartnerProgress[] {
  const byPartner = new Map<number, ScoredRound[]>();
  for (const entry of scored) {
    if (asOf !== undefined && entry.round.assessedOn > asOf) continue;
    byPartner.set(entry.round.partnerId, [...(byPartner.get(entry.round.partnerId) ?? []), entry]);
  }
  return [...byPartner].map(([partnerId, rounds]) => {
    const baseline = rounds[0] as ScoredRound;
    const latest = rounds[rounds.length - 1] as ScoredRound;
    const change = rounds.length > 1 ? (latest.scores.overall ?? 0) - (baseline.scores.overall ?? 0) : null;
    return { partnerId, baseline, latest, rounds: rounds.length, change };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Weak dimensions, practices that may help, and a learning need in one step

export interface Suggestion {
  dimensionKey: string;
  dimensionName: string;
  score: number;
  themes: string[];
  practices: { id: number; title: string; ownerPartnerId: number }[];
}

/** How many of a partner's lowest-scoring dimensions are suggested practices. */
export const weakDimensionCount = 2;

/**
 * The latest round's weakest dimensions (lowest scores first, at most two) with the programme's published practices
 * of other partners on the themes each dimension maps to.
 */
export async function suggestionsFor(db: Db, latest: ScoredRound, locale: Locale): Promise<Suggestion[]> {
  const scored = latest.scores.dimensions.filter((dimension): dimension is { key: string; score: number } => dimension.score !== null && dimension.score < 100);
  const weakest = [...scored].sort((a, b) => a.score - b.score || a.key.localeCompare(b.key)).slice(0, weakDimensionCount);
  const suggestions: Suggestion[] = [];
  for (const weak of weakest) {
    const dimension = latest.framework.dimensions.find((candidate) => candidate.key === weak.key);
    if (!dimension) continue;
    const practices = (await listPublishedPracticesOnThemes(db, latest.round.programmeId, dimension.themes, 12))
      .filter((practice) => practice.ownerPartnerId !== latest.round.partnerId)
      .slice(0, 5)
      .map(({ id, title, ownerPartnerId }) => ({ id, title, ownerPartnerId }));
    suggestions.push({ dimensionKey: dimension.key, dimensionName: textIn(dimension.name, locale), score: weak.score, themes: dimension.themes, practices });
  }
  return suggestions;
}

export type NeedFromDimensionRefusal = 'not_found' | 'forbidden' | 'no_theme' | 'unknown_theme';

/**
 * Turns a weak dimension of the partner's latest round into a learning need on the dimension's first theme, through
 * the practices module's own use case (its policy, audit and recommendations).
 */
export async function learningNeedFromDimension(
  db: Db,
  actor: Actor,
  partnerId: number,
  dimensionKey: string,
  describe: (dimensionName: string, score: number) => string,
  locale: Locale,
): Promise<Outcome<{ needId: number }, NeedFromDimensionRefusal>> {
  const partner = await findPartner(db, anonymous, partnerId);
  if (!partner) return refuse('not_found');
  const [progress] = progressOf(await submittedScores(db, partner.programmeId, partnerId));
  if (!progress) return refuse('not_found');
  const dimension = progress.latest.framework.dimensions.find((candidate) => candidate.key === dimensionKey);
  const score = progress.latest.scores.dimensions.find((candidate) => candidate.key === dimensionKey)?.score;
  if (!dimension || score === undefined || score === null) return refuse('not_found');
  const themeCode = dimension.themes[0];
  if (themeCode === undefined) return refuse('no_theme');
  const outcome = await createLearningNeed(db, actor, partnerId, {
    themeCode,
    description: describe(textIn(dimension.name, locale), Math.round(score)),
  });
  if (!outcome.ok) return refuse(outcome.reason);
  return done({ needId: outcome.value.id });
}
