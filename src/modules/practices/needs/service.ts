/** Partners' learning needs (a theme and what they want to learn) and the other partners' practices that match each. */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { findPartner } from '../../partners/service.js';
import { listThemes } from '../../themes/service.js';
import type { LearningNeedInput } from '../schema.js';
import * as queries from './queries.js';

export interface LearningNeed {
  id: number;
  partnerId: number;
  themeCode: string;
  description: string;
}

function toNeed(row: { id: number; partner_id: number; theme_code: string; description: string }): LearningNeed {
  return { id: row.id, partnerId: row.partner_id, themeCode: row.theme_code, description: row.description };
}

export async function listLearningNeeds(db: Db, partnerId: number): Promise<LearningNeed[]> {
  return (await queries.listNeeds(db, partnerId)).map(toNeed);
}

export type NeedRefusal = 'forbidden' | 'not_found' | 'unknown_theme';

async function themeOffered(db: Db, code: string): Promise<boolean> {
  return (await listThemes(db)).some((theme) => theme.code === code && !theme.retired);
}

export async function createLearningNeed(db: Db, actor: Actor, partnerId: number, input: LearningNeedInput): Promise<Outcome<LearningNeed, NeedRefusal>> {
  const partner = await findPartner(db, actor, partnerId);
  if (!partner) return refuse('not_found');
  if (!can(actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] })) return refuse('forbidden');
  if (!(await themeOffered(db, input.themeCode))) return refuse('unknown_theme', 'themeCode');
  return db.transaction().execute(async (trx) => {
    const need = toNeed(await queries.insertNeed(trx, { partnerId, themeCode: input.themeCode, description: input.description }));
    await queries.refreshRecommendations(trx, { needIds: [need.id] });
    await recordAudit(trx, actor, {
      action: 'learning_need.create',
      entityType: 'learning_need',
      entityId: need.id,
      programmeId: partner.programmeId,
      after: need,
    });
    return done(need);
  });
}

/** The need as it is, with its partner's programme, if the actor may manage it. */
async function manageableNeed(db: Db, actor: Actor, needId: number): Promise<Outcome<{ need: LearningNeed; programmeId: number }, NeedRefusal>> {
  const need = await queries.findNeed(db, needId);
  if (!need) return refuse('not_found');
  const partner = await findPartner(db, actor, need.partner_id);
  if (!partner) return refuse('not_found');
  if (!can(actor, 'learning_need.manage', { programmeId: partner.programmeId, partnerIds: [partner.id] })) return refuse('forbidden');
  return done({ need: toNeed(need), programmeId: partner.programmeId });
}

export async function findLearningNeed(db: Db, actor: Actor, needId: number): Promise<LearningNeed | undefined> {
  const outcome = await manageableNeed(db, actor, needId);
  return outcome.ok ? outcome.value.need : undefined;
}

export async function updateLearningNeed(db: Db, actor: Actor, needId: number, input: LearningNeedInput): Promise<Outcome<LearningNeed, NeedRefusal>> {
  const manageable = await manageableNeed(db, actor, needId);
  if (!manageable.ok) return manageable;
  if (!(await themeOffered(db, input.themeCode)) && input.themeCode !== manageable.value.need.themeCode) return refuse('unknown_theme', 'themeCode');
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockNeed(trx, needId);
    if (!before) return refuse('not_found');
    const after = toNeed(await queries.updateNeed(trx, needId, input));
    await queries.refreshRecommendations(trx, { needIds: [needId] });
    await recordAudit(trx, actor, {
      action: 'learning_need.update',
      entityType: 'learning_need',
      entityId: needId,
      programmeId: manageable.value.programmeId,
      before: toNeed(before),
      after,
    });
    return done(after);
  });
}

export async function deleteLearningNeed(db: Db, actor: Actor, needId: number): Promise<Outcome<LearningNeed, NeedRefusal>> {
  const manageable = await manageableNeed(db, actor, needId);
  if (!manageable.ok) return manageable;
  return db.transaction().execute(async (trx) => {
    const before = await queries.lockNeed(trx, needId);
    if (!before) return refuse('not_found');
    await queries.deleteNeed(trx, needId);
    await recordAudit(trx, actor, {
      action: 'learning_need.delete',
      entityType: 'learning_need',
      entityId: needId,
      programmeId: manageable.value.programmeId,
      before: toNeed(before),
    });
    return done(toNeed(before));
  });
}
