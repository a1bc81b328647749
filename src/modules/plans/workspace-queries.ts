/** SQL for My work (/me): the plans waiting for one person and their partners' drafts, one statement each. */
import { sql } from 'kysely';
import type { Executor } from '../../core/db/database.js';

/** `column in (ids)`, or false for no ids (an empty `in ()` is not SQL). */
function among(column: string, ids: readonly number[]) {
  return ids.length === 0 ? sql`false` : sql`${sql.ref(column)} in (${sql.join(ids)})`;
}

export interface PlanWaitingRow {
  kind: 'review' | 'comments';
  plan_id: number;
  programme_id: number;
  partner_id: number;
  partner_name: string;
  number: number;
  comments: number;
}

/**
 * Submitted versions of the coordinator's programmes, and open drafts of the editor's partners with comments by
 * someone else written since the draft was last saved (saving it is how the comments are answered).
 */
export async function plansWaiting(db: Executor, userId: number, reviewProgrammes: readonly number[], editedPartners: readonly number[]) {
  const result = await sql<PlanWaitingRow>`
    select 'review' as kind, p.id as plan_id, p.programme_id, p.partner_id, pa.name as partner_name, v.number, 0 as comments
    from plans p join plan_versions v on v.plan_id = p.id and v.status = 'submitted' join partners pa on pa.id = p.partner_id
    where ${among('p.programme_id', reviewProgrammes)}
    union all
    select 'comments', p.id, p.programme_id, p.partner_id, pa.name, v.number, count(*)::int
    from plans p join plan_versions v on v.plan_id = p.id and v.status = 'draft' join partners pa on pa.id = p.partner_id
      join plan_comments c on c.plan_id = p.id and c.version_number = v.number and c.created_at > v.updated_at
        and c.author_user_id is distinct from ${userId}
    where ${among('p.partner_id', editedPartners)}
    group by p.id, p.programme_id, p.partner_id, pa.name, v.number
    order by 1, 5, 2
    limit 100
  `.execute(db);
  return result.rows;
}

/** The editor's partners' endorsed plans: their latest endorsed content and what has been reported, per action and semester. */
export async function plansReporting(db: Executor, editedPartners: readonly number[]) {
  const result = await sql<{
    plan_id: number;
    programme_id: number;
    partner_id: number;
    partner_name: string;
    content: unknown;
    reported: { action_key: string; semester: number }[] | null;
  }>`
    select p.id as plan_id, p.programme_id, p.partner_id, pa.name as partner_name,
      (select v.content from plan_versions v where v.plan_id = p.id and v.status = 'endorsed' order by v.number desc limit 1) as content,
      (select json_agg(json_build_object('action_key', r.action_key, 'semester', r.semester)) from progress_reports r where r.plan_id = p.id and r.current) as reported
    from plans p join partners pa on pa.id = p.partner_id
    where ${among('p.partner_id', editedPartners)} and exists (select 1 from plan_versions v where v.plan_id = p.id and v.status = 'endorsed')
    order by p.id
  `.execute(db);
  return result.rows;
}

/** The editor's partners' plans whose open version is a draft. */
export function planDrafts(db: Executor, editedPartners: readonly number[]) {
  return db
    .selectFrom('plans')
    .innerJoin('plan_versions', (join) => join.onRef('plan_versions.plan_id', '=', 'plans.id').on('plan_versions.status', '=', 'draft'))
    .innerJoin('partners', 'partners.id', 'plans.partner_id')
    .select(['plans.id', 'plans.programme_id', 'plans.partner_id', 'partners.name as partner_name', 'plan_versions.number'])
    .where('plans.partner_id', 'in', editedPartners)
    .orderBy('plans.id')
    .execute();
}
