/**
 * Transfers: partner B importing partner A's practice, through the stages interest → study visit → transferability
 * assessment → import workshop → adopted in the action plan → implemented, each recorded with its date, notes and
 * who recorded it, and assessments (four criteria scored 1–5 with comments) by one or more visitors.
 */
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { camelCased } from '../../../core/db/rows.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { findPartner, findPartnerWithGroup } from '../../partners/service.js';
import * as practiceQueries from '../library/queries.js';
import { assessmentCriteria, type AssessmentCriterion, type AssessmentInput, type TransferStageInput } from '../schema.js';
import { transferStages, type TransferStage } from '../tables.js';
import { transferEvents, type TransferEvent } from './events.js';
import * as queries from './queries.js';
import { tellAboutTransferStage } from '../notifications.js';

/** A practice counts as transferred to a partner once the partner adopted it in its action plan (or went further). */
export const adoptedStages: readonly TransferStage[] = ['adopted', 'implemented'];

export function stageIndex(stage: TransferStage): number {
  return transferStages.indexOf(stage);
}

export interface StageRecord {
  stage: TransferStage;
  occurredOn: string;
  notes: string;
  /** The event where it took place, when one was chosen. */
  event: TransferEvent | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface Assessment {
  assessorUserId: number | null;
  assessor: string;
  scores: Record<AssessmentCriterion, number>;
  comments: Record<AssessmentCriterion, string>;
  updatedAt: Date;
}

export interface Transfer {
  id: number;
  practiceId: number;
  practiceTitle: string;
  programmeId: number;
  ownerPartnerId: number;
  importerPartnerId: number;
  stage: TransferStage;
  createdAt: Date;
  stages: StageRecord[];
  assessments: Assessment[];
  /** The mean score per criterion over every assessment, one decimal; null without assessments. */
  averages: Record<AssessmentCriterion, number> | null;
}

function averagesOf(assessments: Assessment[]): Transfer['averages'] {
  if (assessments.length === 0) return null;
  const mean = (criterion: AssessmentCriterion) =>
    Math.round((assessments.reduce((sum, assessment) => sum + assessment.scores[criterion], 0) / assessments.length) * 10) / 10;
  return { fit: mean('fit'), feasibility: mean('feasibility'), cost: mean('cost'), support: mean('support') };
}

export async function getTransfer(db: Db, actor: Actor, transferId: number): Promise<Transfer | undefined> {
  if (!can(actor, 'transfer.read')) return undefined;
  const row = await queries.findTransfer(db, transferId);
  if (!row) return undefined;
  const [stages, assessments] = await Promise.all([queries.listStages(db, transferId), queries.listAssessments(db, transferId)]);
  const eventIds = stages.map((stage) => stage.event_id).filter((id): id is number => id !== null);
  const events = eventIds.length ? await transferEvents().byIds(db, eventIds) : [];
  const mapped: Assessment[] = assessments.map((assessment) => ({
    assessorUserId: assessment.assessor_user_id,
    assessor: assessment.assessor_label,
    scores: { fit: assessment.fit_score, feasibility: assessment.feasibility_score, cost: assessment.cost_score, support: assessment.support_score },
    comments: { fit: assessment.fit_comment, feasibility: assessment.feasibility_comment, cost: assessment.cost_comment, support: assessment.support_comment },
    updatedAt: assessment.updated_at,
  }));
  return {
    id: row.id,
    practiceId: row.practice_id,
    practiceTitle: row.practice_title,
    programmeId: row.programme_id,
    ownerPartnerId: row.owner_partner_id,
    importerPartnerId: row.importer_partner_id,
    stage: row.stage,
    createdAt: row.created_at,
    stages: stages.map((stage) => ({
      stage: stage.stage,
      occurredOn: stage.occurred_on,
      notes: stage.notes,
      event: events.find((event) => event.id === stage.event_id) ?? null,
      recordedBy: stage.recorded_by_label,
      recordedAt: stage.recorded_at,
    })),
    assessments: mapped,
    averages: averagesOf(mapped),
  };
}

export interface TransferSummary {
  id: number;
  partnerId: number;
  stage: TransferStage;
}

export async function transfersOfPractice(db: Db, practiceId: number): Promise<TransferSummary[]> {
  return (await queries.listTransfersOfPractice(db, practiceId)).map((row) => ({ id: row.id, partnerId: row.importer_partner_id, stage: row.stage }));
}

export async function transfersOfImporter(db: Db, partnerId: number) {
  return (await queries.listTransfersOfImporter(db, partnerId)).map(camelCased);
}

export type TransferRefusal =
  'forbidden' | 'not_found' | 'not_published' | 'own_practice' | 'already_registered' | 'stage_not_after_current' | 'partner_not_found' | 'event_not_found';

/** An editor of partner B registers B's interest in importing a published practice of another partner. */
export async function registerInterest(
  db: Db,
  actor: Actor,
  practiceId: number,
  input: { importerPartnerId: number; notes: string },
  today: string,
): Promise<Outcome<{ id: number }, TransferRefusal>> {
  const importer = await findPartner(db, actor, input.importerPartnerId);
  if (!importer) return refuse('partner_not_found', 'importerPartnerId');
  if (!can(actor, 'transfer.create', { programmeId: importer.programmeId, partnerIds: [importer.id] })) return refuse('forbidden');
  try {
    return await db.transaction().execute(async (trx) => {
      const practice = await practiceQueries.lockPractice(trx, practiceId);
      if (!practice) return refuse('not_found');
      if (practice.status !== 'published') return refuse('not_published');
      if (practice.owner_partner_id === importer.id) return refuse('own_practice', 'importerPartnerId');
      if (practice.programme_id !== importer.programmeId) return refuse('partner_not_found', 'importerPartnerId');
      if (await queries.findTransferFor(trx, practiceId, importer.id)) return refuse('already_registered', 'importerPartnerId');
      const id = await queries.insertTransfer(trx, practiceId, importer.id);
      await queries.insertStage(trx, {
        transferId: id,
        stage: 'interest',
        occurredOn: today,
        notes: input.notes,
        userId: actor.kind === 'user' ? actor.userId : null,
        label: actorLabel(actor),
      });
      await recordAudit(trx, actor, {
        action: 'transfer.create',
        entityType: 'transfer',
        entityId: id,
        programmeId: importer.programmeId,
        after: { practiceId, importerPartnerId: importer.id, stage: 'interest', occurredOn: today, notes: input.notes },
      });
      const transfer = { id, practiceId, practiceTitle: practice.title, programmeId: importer.programmeId, ownerPartnerId: practice.owner_partner_id };
      await tellAboutTransferStage(trx, actor, { ...transfer, importerPartnerId: importer.id }, 'interest');
      return done({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('already_registered', 'importerPartnerId');
    throw error;
  }
}

/**
 * Records the next stage of a transfer. Stages only move forward (one may be skipped, e.g. a study visit that could
 * not take place), each is recorded once, by the importing or the owning partner, or the coordinator.
 */
export async function recordStage(db: Db, actor: Actor, transferId: number, input: TransferStageInput): Promise<Outcome<{ id: number }, TransferRefusal>> {
  if (input.eventId !== null) {
    // The event is checked before the transaction: the embedded database has one connection, which it holds.
    const current = await getTransfer(db, actor, transferId);
    if (!current) return refuse('not_found');
    if (!(await transferEvents().candidates(db, current)).some((event) => event.id === input.eventId)) return refuse('event_not_found', 'eventId');
  }
  try {
    return await db.transaction().execute(async (trx) => {
      const transfer = await queries.lockTransfer(trx, transferId);
      if (!transfer) return refuse('not_found');
      if (!can(actor, 'transfer.record_stage', { programmeId: transfer.programme_id, partnerIds: [transfer.importer_partner_id, transfer.owner_partner_id] }))
        return refuse('forbidden');
      if (stageIndex(input.stage) <= stageIndex(transfer.stage)) return refuse('stage_not_after_current', 'stage');
      await queries.insertStage(trx, {
        transferId,
        stage: input.stage,
        occurredOn: input.occurredOn,
        notes: input.notes,
        eventId: input.eventId,
        userId: actor.kind === 'user' ? actor.userId : null,
        label: actorLabel(actor),
      });
      await queries.setTransferStage(trx, transferId, input.stage);
      await recordAudit(trx, actor, {
        action: 'transfer.record_stage',
        entityType: 'transfer',
        entityId: transferId,
        programmeId: transfer.programme_id,
        before: { stage: transfer.stage },
        after: { ...input },
      });
      await tellAboutTransferStage(trx, actor, camelCased(transfer), input.stage);
      return done({ id: transferId });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('stage_not_after_current', 'stage');
    throw error;
  }
}

/** Whether the actor may assess: staff of the importing partner, or a stakeholder of its group (who took part in the visit). */
async function assessmentScope(db: Db, actor: Actor, transfer: { importerPartnerId: number; programmeId: number }) {
  let organisationId: number | undefined;
  if (actor.kind === 'user' && actor.memberships.some((membership) => membership.role === 'stakeholder')) {
    const mine = new Set(actor.memberships.map((membership) => membership.organisationId));
    organisationId = (await findPartnerWithGroup(db, actor, transfer.importerPartnerId))?.organisations.find((organisation) => mine.has(organisation.id))?.id;
  }
  return { programmeId: transfer.programmeId, partnerIds: [transfer.importerPartnerId], ...(organisationId !== undefined ? { organisationId } : {}) };
}

export async function mayAssess(db: Db, actor: Actor, transfer: Transfer): Promise<boolean> {
  return actor.kind === 'user' && can(actor, 'transfer.assess', await assessmentScope(db, actor, transfer));
}

/** A visitor's transferability assessment; each person has one per transfer, which they may revise. */
export async function assessTransfer(db: Db, actor: Actor, transferId: number, input: AssessmentInput): Promise<Outcome<{ id: number }, TransferRefusal>> {
  const current = await queries.findTransfer(db, transferId);
  if (!current) return refuse('not_found');
  if (actor.kind !== 'user') return refuse('forbidden');
  const scope = await assessmentScope(db, actor, { importerPartnerId: current.importer_partner_id, programmeId: current.programme_id });
  if (!can(actor, 'transfer.assess', scope)) return refuse('forbidden');
  return db.transaction().execute(async (trx) => {
    await queries.upsertAssessment(trx, transferId, { userId: actor.userId, label: actorLabel(actor) }, input);
    await recordAudit(trx, actor, {
      action: 'transfer.assess',
      entityType: 'transfer',
      entityId: transferId,
      programmeId: current.programme_id,
      after: { ...input },
    });
    return done({ id: transferId });
  });
}

export { assessmentCriteria };

export interface PartnerLibraryCounts {
  /** Published practices the partner owns. */
  identified: number;
  /** Practices the partner imports whose transfer reached the action plan (adopted) or implementation. */
  adopted: number;
  /** Practices the partner imports whose transfer is at an earlier stage. */
  inProgress: number;
}

/** The library's figures for each partner of a programme (the programme overview's columns). */
export async function libraryCountsPerPartner(db: Db, programmeId: number): Promise<Map<number, PartnerLibraryCounts>> {
  const { rows } = await queries.libraryCountsPerPartner(db, programmeId, adoptedStages);
  return new Map(rows.map((row) => [row.partner_id, { identified: row.identified, adopted: row.adopted, inProgress: row.in_progress }]));
}
