/**
 * Who the plans module tells about its workflow steps (a plan submitted, returned, approved, endorsed or commented,
 * a report filed, corrected or due), the kinds people choose a cadence for, and the names of followed plans.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { fill } from '../../core/extensions.js';
import type { Actor } from '../../core/policy/actor.js';
import { actingPerson, coordinatorIdsOf, editorIdsOf } from '../accounts/service.js';
import { followTargets, notificationKinds, notify } from '../notifications/service.js';
import type { NotificationKind } from '../notifications/types.js';
import { findPartner } from '../partners/service.js';
import { listPlanNames } from './writing/queries.js';

// Each kind's key is written once, here; the steps below name it through this table.
const kinds = {
  submitted: { key: 'plans.submitted', labelKey: 'plans.notifications.kinds.submitted', defaultCadence: 'immediate' },
  returned: { key: 'plans.returned', labelKey: 'plans.notifications.kinds.returned', defaultCadence: 'immediate' },
  approved: { key: 'plans.approved', labelKey: 'plans.notifications.kinds.approved', defaultCadence: 'immediate' },
  endorsed: { key: 'plans.endorsed', labelKey: 'plans.notifications.kinds.endorsed', defaultCadence: 'daily' },
  commented: { key: 'plans.commented', labelKey: 'plans.notifications.kinds.commented', defaultCadence: 'immediate' },
  report_filed: { key: 'plans.report_filed', labelKey: 'plans.notifications.kinds.report_filed', defaultCadence: 'daily' },
  report_due: { key: 'plans.report_due', labelKey: 'plans.notifications.kinds.report_due', defaultCadence: 'immediate' },
} satisfies Record<string, NotificationKind>;

/** The plans module's contributions to the notifications module: its kinds, and the names of followed plans. */
export const planNotificationFills = [
  ...Object.values(kinds).map((kind) => fill(notificationKinds, kind)),
  fill(followTargets, {
    type: 'plan',
    async describe(db: Db, ids: readonly number[]) {
      const rows = await listPlanNames(db, ids);
      return new Map(rows.map((row) => [row.id, { title: row.partner_name, href: `/plans/${row.id}` }]));
    },
  }),
];

export type PlanStep = 'submit' | 'return' | 'approve' | 'endorse' | 'comment' | 'file_report' | 'correct_report';

const kindOf: Record<PlanStep, string> = {
  submit: kinds.submitted.key,
  return: kinds.returned.key,
  approve: kinds.approved.key,
  endorse: kinds.endorsed.key,
  comment: kinds.commented.key,
  file_report: kinds.report_filed.key,
  correct_report: kinds.report_filed.key,
};

const messageOf: Record<PlanStep, string> = {
  submit: 'submitted',
  return: 'returned',
  approve: 'approved',
  endorse: 'endorsed',
  comment: 'commented',
  file_report: 'reportFiled',
  correct_report: 'reportCorrected',
};

/**
 * Tells the people concerned by a step of a plan, inside the step's transaction: a submission (and a report) goes
 * to the programme's coordinators, a return or approval to the partner's editors, an endorsement or a comment to
 * both; what becomes public (an endorsement, a report) also to the followers of the plan and of its partner.
 */
export async function tellAboutPlan(trx: Tx, actor: Actor, plan: { id: number; programmeId: number; partnerId: number }, step: PlanStep, version: number) {
  const person = actingPerson(actor);
  const coordinators = step === 'return' || step === 'approve' ? [] : await coordinatorIdsOf(trx, plan.programmeId);
  const editors = step === 'submit' || step === 'file_report' || step === 'correct_report' ? [] : await editorIdsOf(trx, [plan.partnerId]);
  const isPublic = step === 'endorse' || step === 'file_report' || step === 'correct_report';
  const partner = await findPartner(trx, actor, plan.partnerId);
  await notify(trx, {
    kind: kindOf[step],
    actorUserId: person.userId,
    recipients: [...coordinators, ...editors],
    followed: isPublic
      ? [
          { type: 'plan', id: plan.id },
          { type: 'partner', id: plan.partnerId },
        ]
      : [],
    programmeId: plan.programmeId,
    messageKey: `plans.notifications.${messageOf[step]}`,
    values: { partner: partner?.name ?? '', actor: person.name, version },
    link: step === 'file_report' || step === 'correct_report' ? `/plans/${plan.id}/reports` : `/plans/${plan.id}`,
  });
}

/**
 * Tells the partner's editors that a semester's report is due: the semester has ended, by the given date, and
 * actions have no report for it. Sent once per plan and semester (the caller's reminder row is the "once").
 */
export async function tellReportDue(
  trx: Tx,
  plan: { id: number; programmeId: number; partnerId: number; partnerName: string },
  semester: { number: number; endsOn: string },
) {
  await notify(trx, {
    kind: kinds.report_due.key,
    actorUserId: null,
    recipients: await editorIdsOf(trx, [plan.partnerId]),
    programmeId: plan.programmeId,
    messageKey: 'plans.notifications.reportDue',
    values: { partner: plan.partnerName, semester: semester.number, endedOn: Date.parse(`${semester.endsOn}T00:00:00Z`) },
    link: `/plans/${plan.id}/reports`,
  });
}
