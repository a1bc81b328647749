/** Every SQL statement about plans, their versions and comments (reports and files have their own file). */
import { sql } from 'kysely';
import type { Executor, Tx } from '../../../core/db/database.js';
import type { PlanContent } from '../content.js';
import type { VersionStatus } from '../tables.js';

/** The plans of the partners given, with the number of the latest endorsed version and the open version's status. */
export function listPlans(db: Executor, partnerIds: readonly number[]) {
  return db
    .selectFrom('plans')
    .select((eb) => [
      'plans.id',
      'plans.programme_id',
      'plans.partner_id',
      eb
        .selectFrom('plan_versions')
        .select((inner) => inner.fn.max('plan_versions.number').as('n'))
        .whereRef('plan_versions.plan_id', '=', 'plans.id')
        .where('status', '=', 'endorsed')
        .as('endorsed_number'),
      eb.selectFrom('plan_versions').select('status').whereRef('plan_versions.plan_id', '=', 'plans.id').where('status', '!=', 'endorsed').as('open_status'),
    ])
    .where(sql<boolean>`plans.partner_id = any(${[...partnerIds]}::int[])`)
    .orderBy('plans.id')
    .execute();
}

export function findPlan(db: Executor, planId: number) {
  return db.selectFrom('plans').select(['id', 'programme_id', 'partner_id', 'created_at']).where('id', '=', planId).executeTakeFirst();
}

export function findPlanOfPartner(db: Executor, partnerId: number) {
  return db.selectFrom('plans').select(['id']).where('partner_id', '=', partnerId).executeTakeFirst();
}

export const versionColumns = [
  'id',
  'plan_id',
  'number',
  'status',
  'content',
  'review_comment',
  'submitted_at',
  'approved_at',
  'endorsed_on',
  'endorsed_by',
  'endorsing_body',
  'updated_at',
] as const;

export function listVersions(db: Executor, planId: number) {
  return db.selectFrom('plan_versions').select(versionColumns).where('plan_id', '=', planId).orderBy('number').execute();
}

/** The version being worked on, locked: edits, submissions and decisions on one plan take their turn. */
export function lockOpenVersion(trx: Tx, planId: number) {
  return trx.selectFrom('plan_versions').select(versionColumns).where('plan_id', '=', planId).where('status', '!=', 'endorsed').forUpdate().executeTakeFirst();
}

export function latestEndorsed(db: Executor, planId: number) {
  return db
    .selectFrom('plan_versions')
    .select(versionColumns)
    .where('plan_id', '=', planId)
    .where('status', '=', 'endorsed')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertPlan(trx: Tx, programmeId: number, partnerId: number): Promise<number> {
  return (await trx.insertInto('plans').values({ programme_id: programmeId, partner_id: partnerId }).returning('id').executeTakeFirstOrThrow()).id;
}

export function insertVersion(trx: Tx, planId: number, number: number, content: PlanContent) {
  return trx
    .insertInto('plan_versions')
    .values({ plan_id: planId, number, status: 'draft', content: JSON.stringify(content) })
    .execute();
}

export function saveContent(trx: Tx, versionId: number, content: PlanContent) {
  return trx
    .updateTable('plan_versions')
    .set({ content: JSON.stringify(content), updated_at: sql<Date>`now()` })
    .where('id', '=', versionId)
    .execute();
}

export function setVersionStatus(
  trx: Tx,
  versionId: number,
  status: VersionStatus,
  extra: { reviewComment?: string; endorsement?: { on: string; by: string; body: string } } = {},
) {
  return trx
    .updateTable('plan_versions')
    .set({
      status,
      updated_at: sql<Date>`now()`,
      ...(status === 'submitted' ? { submitted_at: sql<Date>`now()` } : {}),
      ...(status === 'approved' ? { approved_at: sql<Date>`now()` } : {}),
      ...(extra.reviewComment !== undefined ? { review_comment: extra.reviewComment } : {}),
      ...(extra.endorsement ? { endorsed_on: extra.endorsement.on, endorsed_by: extra.endorsement.by, endorsing_body: extra.endorsement.body } : {}),
    })
    .where('id', '=', versionId)
    .execute();
}

export function touchPlan(trx: Tx, planId: number) {
  return trx
    .updateTable('plans')
    .set({ updated_at: sql<Date>`now()` })
    .where('id', '=', planId)
    .execute();
}

export function insertComment(trx: Tx, comment: { planId: number; versionNumber: number; target: string; body: string; userId: number | null; label: string }) {
  return trx
    .insertInto('plan_comments')
    .values({
      plan_id: comment.planId,
      version_number: comment.versionNumber,
      target: comment.target,
      body: comment.body,
      author_user_id: comment.userId,
      author_label: comment.label,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function listComments(db: Executor, planId: number, versionNumber: number) {
  return db
    .selectFrom('plan_comments')
    .select(['id', 'target', 'body', 'author_label', 'created_at'])
    .where('plan_id', '=', planId)
    .where('version_number', '=', versionNumber)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A person's comments, for their personal-data download. */
export function listCommentsOfAuthor(db: Executor, userId: number) {
  return db
    .selectFrom('plan_comments')
    .select(['plan_id as planId', 'version_number as version', 'target', 'body', 'created_at as createdAt'])
    .where('author_user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/** Erasure keeps a person's comments, the plan's review history, under the label that replaces their name. */
export function renameCommentAuthor(trx: Tx, userId: number, label: string) {
  return trx.updateTable('plan_comments').set({ author_label: label }).where('author_user_id', '=', userId).execute();
}

/** The plans among the ids with their partner's name (a plan is named after its partner), for lists of what a person follows. */
export function listPlanNames(db: Executor, ids: readonly number[]) {
  return db
    .selectFrom('plans')
    .innerJoin('partners', 'partners.id', 'plans.partner_id')
    .select(['plans.id', 'partners.name as partner_name'])
    .where('plans.id', 'in', ids.length ? ids : [0])
    .execute();
}
