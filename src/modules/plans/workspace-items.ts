/**
 * The plans' share of My work: plans to review (coordinator), comments to answer and semester reports due with
 * their deadlines (the partner's editors), and the partner's plan drafts. A semester's reports are due by its last
 * day; /me lists every semester of the endorsed plan that has begun with an action still unreported, the current
 * one with its deadline and earlier ones as overdue (docs/decisions.md, "My work and feeds").
 */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { semestersOf } from '../programmes/service.js';
import { draftWork, editedPartners, programmesAs, waitingWork, type WorkItem } from '../workspace/service.js';
import { planContentSchema } from './content.js';
import { reportingSemesters } from './reports/service.js';
import { planDrafts, plansReporting, plansWaiting } from './workspace-queries.js';

const reviewsAndComments = fill(waitingWork, async ({ db, actor }) => {
  const reviewProgrammes = programmesAs(actor, 'coordinator');
  const partners = editedPartners(actor);
  if (reviewProgrammes.length === 0 && partners.length === 0) return [];
  const rows = await plansWaiting(db, actor.userId, reviewProgrammes, partners);
  return rows.flatMap((row): WorkItem[] => {
    const scope = { programmeId: row.programme_id, partnerIds: [row.partner_id] };
    if (row.kind === 'review' && can(actor, 'plan.review', scope))
      return [
        {
          kindKey: 'workspace.kinds.planReview',
          text: row.partner_name,
          href: `/plans/${row.plan_id}`,
          detail: { key: 'workspace.detail.version', values: { number: row.number } },
        },
      ];
    if (row.kind === 'comments' && can(actor, 'plan.write', scope))
      return [
        {
          kindKey: 'workspace.kinds.planComments',
          text: row.partner_name,
          href: `/plans/${row.plan_id}`,
          detail: { key: 'workspace.detail.comments', values: { count: row.comments } },
        },
      ];
    return [];
  });
});

const reportsDue = fill(waitingWork, async ({ db, actor, now, programmes }) => {
  const partners = editedPartners(actor);
  if (partners.length === 0) return [];
  const today = now.toISOString().slice(0, 10);
  const items: WorkItem[] = [];
  for (const plan of await plansReporting(db, partners)) {
    const programme = programmes.get(plan.programme_id);
    if (!programme || !can(actor, 'plan.report', { programmeId: plan.programme_id, partnerIds: [plan.partner_id] })) continue;
    const content = planContentSchema.parse(plan.content);
    const reported = new Set((plan.reported ?? []).map((entry) => `${entry.action_key}|${entry.semester}`));
    for (const semester of reportingSemesters(semestersOf(programme), content)) {
      if (semester.startsOn > today) continue;
      const missing = content.actions.filter((action) => !reported.has(`${action.key}|${semester.number}`)).length;
      if (missing === 0) continue;
      items.push({
        kindKey: 'workspace.kinds.planReport',
        text: plan.partner_name,
        href: `/plans/${plan.plan_id}/reports`,
        due: semester.endsOn,
        detail: { key: 'workspace.detail.semester', values: { semester: semester.number, missing, actions: content.actions.length } },
      });
    }
  }
  return items;
});

const drafts = fill(draftWork, async ({ db, actor }) => {
  const partners = editedPartners(actor);
  if (partners.length === 0) return [];
  return (await planDrafts(db, partners))
    .filter((row) => can(actor, 'plan.write', { programmeId: row.programme_id, partnerIds: [row.partner_id] }))
    .map((row) => ({
      kindKey: 'workspace.kinds.planDraft',
      text: row.partner_name,
      href: `/plans/${row.id}`,
      detail: { key: 'workspace.detail.version', values: { number: row.number } },
    }));
});

export const planWorkspaceItems = [reviewsAndComments, reportsDue, drafts];
