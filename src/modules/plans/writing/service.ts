/**
 * Regional Action Plans: each partner's plan, written by its editors as a draft, peer-reviewed in comments,
 * submitted, approved by the coordinator and endorsed by the partner's responsible body. An endorsed version is
 * frozen; a revision starts the next version from it. Progress reports and the overview are sibling folders; what
 * other modules use is re-exported by the module's service.ts.
 */
import { actorLabel, recordAudit } from '../../../core/audit/audit.js';
import type { Db, Tx } from '../../../core/db/database.js';
import { isUniqueViolation } from '../../../core/db/errors.js';
import { done, refuse, type Outcome } from '../../../core/outcome.js';
import type { Actor } from '../../../core/policy/actor.js';
import { can } from '../../../core/policy/policy.js';
import { listEventsOfPartner } from '../../events/service.js';
import { findPartner, listOrganisations, listPartners } from '../../partners/service.js';
import { listPublishedPractices, transfersOfImporter } from '../../practices/service.js';
import { emptyContent, newKey, planContentSchema, type PlanAction, type PlanContent } from '../content.js';
import { compareVersions, type VersionDiff } from './diff.js';
import * as queries from './queries.js';
import { tellAboutPlan } from '../notifications.js';
import type { ActionInput, ContextInput, EndorsementInput } from './schema.js';
import type { VersionStatus } from '../tables.js';

export interface PlanVersion {
  id: number;
  number: number;
  status: VersionStatus;
  content: PlanContent;
  reviewComment: string;
  submittedAt: Date | null;
  approvedAt: Date | null;
  endorsedOn: string | null;
  endorsedBy: string | null;
  endorsingBody: string | null;
  updatedAt: Date;
}

export interface Plan {
  id: number;
  programmeId: number;
  partnerId: number;
  /** The versions the actor may see, oldest first. */
  versions: PlanVersion[];
}

type VersionRow = Awaited<ReturnType<typeof queries.listVersions>>[number];

function toVersion(row: VersionRow, showContact: boolean): PlanVersion {
  const content = planContentSchema.parse(row.content);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    content: showContact ? content : { ...content, contact: { name: '', email: null } },
    reviewComment: row.review_comment,
    submittedAt: row.submitted_at,
    approvedAt: row.approved_at,
    endorsedOn: row.endorsed_on,
    endorsedBy: row.endorsed_by,
    endorsingBody: row.endorsing_body,
    updatedAt: row.updated_at,
  };
}

function scopeOf(plan: { programme_id: number; partner_id: number } | { programmeId: number; partnerId: number }) {
  return 'programme_id' in plan
    ? { programmeId: plan.programme_id, partnerIds: [plan.partner_id] }
    : { programmeId: plan.programmeId, partnerIds: [plan.partnerId] };
}

/** A plan as the actor may see it: drafts for the programme's staff, endorsed versions for everyone; undefined if none. */
export async function getPlan(db: Db, actor: Actor, planId: number): Promise<Plan | undefined> {
  const row = await queries.findPlan(db, planId);
  if (!row) return undefined;
  const seesDrafts = can(actor, 'plan.read_draft', scopeOf(row));
  // The contact person is personal data, like partners' contacts: for signed-in users.
  const showContact = actor.kind !== 'anonymous';
  const versions = (await queries.listVersions(db, planId))
    .filter((version) => seesDrafts || version.status === 'endorsed')
    .map((version) => toVersion(version, showContact));
  if (versions.length === 0) return undefined;
  return { id: row.id, programmeId: row.programme_id, partnerId: row.partner_id, versions };
}

export function mayWrite(actor: Actor, plan: Pick<Plan, 'programmeId' | 'partnerId'>): boolean {
  return can(actor, 'plan.write', scopeOf(plan));
}

export interface PlanSummary {
  id: number;
  programmeId: number;
  partnerId: number;
  endorsedNumber: number | null;
  openStatus: VersionStatus | null;
}

/** The plans of the partners given (a page of the listing). */
export async function listPlans(db: Db, partnerIds: readonly number[]): Promise<PlanSummary[]> {
  return (await queries.listPlans(db, partnerIds)).map((row) => ({
    id: row.id,
    programmeId: row.programme_id,
    partnerId: row.partner_id,
    endorsedNumber: row.endorsed_number === null ? null : Number(row.endorsed_number),
    openStatus: row.open_status ?? null,
  }));
}

export type PlanRefusal =
  | 'forbidden'
  | 'not_found'
  | 'exists'
  | 'not_editable'
  | 'wrong_status'
  | 'incomplete'
  | 'unknown_link'
  | 'unknown_organisation'
  | 'revision_open'
  | 'endorsement_before_approval';

export async function createPlan(db: Db, actor: Actor, partnerId: number): Promise<Outcome<{ id: number }, PlanRefusal>> {
  const partner = await findPartner(db, actor, partnerId);
  if (!partner) return refuse('not_found');
  if (!can(actor, 'plan.write', { programmeId: partner.programmeId, partnerIds: [partner.id] })) return refuse('forbidden');
  try {
    return await db.transaction().execute(async (trx) => {
      if (await queries.findPlanOfPartner(trx, partnerId)) return refuse('exists');
      const id = await queries.insertPlan(trx, partner.programmeId, partner.id);
      await queries.insertVersion(trx, id, 1, emptyContent);
      await recordAudit(trx, actor, { action: 'plan.create', entityType: 'plan', entityId: id, programmeId: partner.programmeId, after: { partnerId } });
      return done({ id });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return refuse('exists');
    throw error;
  }
}

/** Runs an edit of the draft: the plan exists, the actor writes it, and a draft is open. */
async function editDraft(
  db: Db,
  actor: Actor,
  planId: number,
  audit: string,
  edit: (content: PlanContent, trx: Tx) => Outcome<PlanContent, PlanRefusal> | Promise<Outcome<PlanContent, PlanRefusal>>,
): Promise<Outcome<PlanContent, PlanRefusal>> {
  return db.transaction().execute(async (trx) => {
    const plan = await queries.findPlan(trx, planId);
    if (!plan) return refuse('not_found');
    if (!can(actor, 'plan.write', scopeOf(plan))) return refuse('forbidden');
    const version = await queries.lockOpenVersion(trx, planId);
    if (!version || version.status !== 'draft') return refuse('not_editable');
    const before = planContentSchema.parse(version.content);
    const outcome = await edit(structuredClone(before), trx);
    if (!outcome.ok) return outcome;
    const after = planContentSchema.parse(outcome.value);
    await queries.saveContent(trx, version.id, after);
    await queries.touchPlan(trx, planId);
    const diff = compareVersions(before, after);
    await recordAudit(trx, actor, {
      action: audit,
      entityType: 'plan',
      entityId: planId,
      programmeId: plan.programme_id,
      after: { version: version.number, changes: summariseDiff(diff) },
    });
    return done(after);
  });
}

/** The audit log keeps which items changed and how; the versions themselves keep the values. */
function summariseDiff(diff: VersionDiff) {
  const items = (changes: VersionDiff['actions'] | VersionDiff['instruments']) =>
    changes
      .filter((change) => change.status !== 'unchanged')
      .map((change) => ({ key: change.key, status: change.status, fields: change.fields.map((field) => field.field), moved: change.moved }));
  return { contact: diff.contact.map((field) => field.field), instruments: items(diff.instruments), actions: items(diff.actions) };
}

export async function updateContext(db: Db, actor: Actor, planId: number, input: ContextInput): Promise<Outcome<PlanContent, PlanRefusal>> {
  return editDraft(db, actor, planId, 'plan.update_context', (content) => {
    // A form without the language (an older client) keeps the one the plan has.
    const language = input.language ?? content.language;
    return done({ ...content, contact: input.contact, instruments: input.instruments, ...(language ? { language } : {}) });
  });
}

/** What an action may link to: the programme's published practices, the partner's events, transfers and organisations. */
export async function linkChoices(db: Db, actor: Actor, plan: Pick<Plan, 'programmeId' | 'partnerId'>) {
  const [practices, events, transfers, organisations, partners] = await Promise.all([
    listPublishedPractices(db, plan.programmeId),
    listEventsOfPartner(db, plan.programmeId, plan.partnerId),
    transfersOfImporter(db, plan.partnerId),
    listOrganisations(db, plan.programmeId),
    listPartners(db, actor, plan.programmeId),
  ]);
  return { practices, events, transfers, organisations, partners };
}

async function checkLinks(db: Db, actor: Actor, plan: { programme_id: number; partner_id: number }, input: ActionInput): Promise<Outcome<void, PlanRefusal>> {
  const choices = await linkChoices(db, actor, { programmeId: plan.programme_id, partnerId: plan.partner_id });
  const known = (ids: number[], available: { id: number }[]) => ids.every((id) => available.some((item) => item.id === id));
  if (!known(input.practiceIds, choices.practices)) return refuse('unknown_link', 'practiceIds');
  if (!known(input.eventIds, choices.events)) return refuse('unknown_link', 'eventIds');
  if (!known(input.transferIds, choices.transfers)) return refuse('unknown_link', 'transferIds');
  if (
    !known(
      input.players.map((player) => player.organisationId),
      choices.organisations,
    )
  )
    return refuse('unknown_organisation', 'playerOrganisationId');
  return done(undefined);
}

/** Adds an action (key null) or replaces one, after checking what it links to. */
export async function saveAction(db: Db, actor: Actor, planId: number, key: string | null, input: ActionInput): Promise<Outcome<{ key: string }, PlanRefusal>> {
  const plan = await queries.findPlan(db, planId);
  if (!plan) return refuse('not_found');
  // Links are checked before the transaction: the embedded database has one connection, which it holds.
  const links = await checkLinks(db, actor, plan, input);
  if (!links.ok) return links;
  const actionKey = key ?? newKey();
  const outcome = await editDraft(db, actor, planId, key === null ? 'plan.add_action' : 'plan.update_action', (content) => {
    const action: PlanAction = { key: actionKey, ...input };
    if (key === null) return done({ ...content, actions: [...content.actions, action] });
    if (!content.actions.some((existing) => existing.key === key)) return refuse('not_found');
    return done({ ...content, actions: content.actions.map((existing) => (existing.key === key ? action : existing)) });
  });
  return outcome.ok ? done({ key: actionKey }) : outcome;
}

export async function removeAction(db: Db, actor: Actor, planId: number, key: string): Promise<Outcome<PlanContent, PlanRefusal>> {
  return editDraft(db, actor, planId, 'plan.remove_action', (content) =>
    content.actions.some((action) => action.key === key)
      ? done({ ...content, actions: content.actions.filter((action) => action.key !== key) })
      : refuse('not_found'),
  );
}

export async function moveAction(db: Db, actor: Actor, planId: number, key: string, direction: 'up' | 'down'): Promise<Outcome<PlanContent, PlanRefusal>> {
  return editDraft(db, actor, planId, 'plan.move_action', (content) => {
    const index = content.actions.findIndex((action) => action.key === key);
    if (index < 0) return refuse('not_found');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= content.actions.length) return done(content);
    const actions = [...content.actions];
    [actions[index], actions[target]] = [actions[target] as PlanAction, actions[index] as PlanAction];
    return done({ ...content, actions });
  });
}

type Transition = 'submit' | 'approve' | 'return' | 'endorse';

/** Moves the open version along draft → submitted → approved → endorsed (or back to draft with the reviewer's comment). */
export async function changeStatus(
  db: Db,
  actor: Actor,
  planId: number,
  transition: Transition,
  details: { comment?: string; endorsement?: EndorsementInput } = {},
): Promise<Outcome<{ number: number }, PlanRefusal>> {
  return db.transaction().execute(async (trx) => {
    const plan = await queries.findPlan(trx, planId);
    if (!plan) return refuse('not_found');
    const action = transition === 'approve' || transition === 'return' ? 'plan.review' : 'plan.write';
    if (!can(actor, action, scopeOf(plan))) return refuse('forbidden');
    const version = await queries.lockOpenVersion(trx, planId);
    if (!version) return refuse('wrong_status');
    const from: Record<Transition, VersionStatus> = { submit: 'draft', approve: 'submitted', return: 'submitted', endorse: 'approved' };
    if (version.status !== from[transition]) return refuse(transition === 'endorse' ? 'endorsement_before_approval' : 'wrong_status');
    if (transition === 'submit') {
      const content = planContentSchema.parse(version.content);
      if (content.contact.name === '' || content.instruments.length === 0 || content.actions.length === 0) return refuse('incomplete');
    }
    const to: Record<Transition, VersionStatus> = { submit: 'submitted', approve: 'approved', return: 'draft', endorse: 'endorsed' };
    const endorsement = details.endorsement
      ? { on: details.endorsement.endorsedOn, by: details.endorsement.endorsedBy, body: details.endorsement.endorsingBody }
      : undefined;
    await queries.setVersionStatus(trx, version.id, to[transition], {
      ...(transition === 'return' || transition === 'approve' ? { reviewComment: details.comment ?? '' } : {}),
      ...(endorsement ? { endorsement } : {}),
    });
    await queries.touchPlan(trx, planId);
    await recordAudit(trx, actor, {
      action: `plan.${transition}`,
      entityType: 'plan',
      entityId: planId,
      programmeId: plan.programme_id,
      before: { version: version.number, status: version.status },
      after: {
        version: version.number,
        status: to[transition],
        ...(details.comment ? { comment: details.comment } : {}),
        ...(endorsement ? { endorsement } : {}),
      },
    });
    await tellAboutPlan(trx, actor, { id: planId, programmeId: plan.programme_id, partnerId: plan.partner_id }, transition, version.number);
    return done({ number: version.number });
  });
}

/** Starts the next version from the latest endorsed one; the endorsed version stays as it was. */
export async function startRevision(db: Db, actor: Actor, planId: number): Promise<Outcome<{ number: number }, PlanRefusal>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const plan = await queries.findPlan(trx, planId);
      if (!plan) return refuse('not_found');
      if (!can(actor, 'plan.write', scopeOf(plan))) return refuse('forbidden');
      if (await queries.lockOpenVersion(trx, planId)) return refuse('revision_open');
      const latest = await queries.latestEndorsed(trx, planId);
      if (!latest) return refuse('wrong_status');
      const number = latest.number + 1;
      await queries.insertVersion(trx, planId, number, planContentSchema.parse(latest.content));
      await recordAudit(trx, actor, {
        action: 'plan.start_revision',
        entityType: 'plan',
        entityId: planId,
        programmeId: plan.programme_id,
        after: { version: number, from: latest.number },
      });
      return done({ number });
    });
  } catch (error) {
    // Two revisions started at once: the index allowing one open version keeps the first.
    if (isUniqueViolation(error)) return refuse('revision_open');
    throw error;
  }
}

export interface PlanComment {
  id: number;
  target: string;
  body: string;
  author: string;
  createdAt: Date;
}

export async function commentsOf(db: Db, actor: Actor, plan: Plan, versionNumber: number): Promise<PlanComment[]> {
  if (!can(actor, 'plan.read_draft', scopeOf(plan))) return [];
  return (await queries.listComments(db, plan.id, versionNumber)).map((row) => ({
    id: row.id,
    target: row.target,
    body: row.body,
    author: row.author_label,
    createdAt: row.created_at,
  }));
}

/** A peer's comment on a section or an action of the version being worked on. */
export async function addComment(db: Db, actor: Actor, planId: number, input: { target: string; body: string }): Promise<Outcome<{ id: number }, PlanRefusal>> {
  return db.transaction().execute(async (trx) => {
    const plan = await queries.findPlan(trx, planId);
    if (!plan) return refuse('not_found');
    if (!can(actor, 'plan.comment', scopeOf(plan))) return refuse('forbidden');
    const version = await queries.lockOpenVersion(trx, planId);
    if (!version) return refuse('wrong_status');
    const content = planContentSchema.parse(version.content);
    if (input.target.startsWith('action:') && !content.actions.some((action) => `action:${action.key}` === input.target)) return refuse('not_found');
    const comment = await queries.insertComment(trx, {
      planId,
      versionNumber: version.number,
      target: input.target,
      body: input.body,
      userId: actor.kind === 'user' ? actor.userId : null,
      label: actorLabel(actor),
    });
    await recordAudit(trx, actor, {
      action: 'plan.comment',
      entityType: 'plan',
      entityId: planId,
      programmeId: plan.programme_id,
      after: { version: version.number, target: input.target, body: input.body },
    });
    await tellAboutPlan(trx, actor, { id: planId, programmeId: plan.programme_id, partnerId: plan.partner_id }, 'comment', version.number);
    return done({ id: comment.id });
  });
}

/** What changed between two versions the actor may see. */
export function compare(plan: Plan, from: number, to: number): VersionDiff | undefined {
  const before = plan.versions.find((version) => version.number === from);
  const after = plan.versions.find((version) => version.number === to);
  return before && after ? compareVersions(before.content, after.content) : undefined;
}
