/**
 * Demo notifications: the steps the demo records went through, told to the demo accounts as the modules tell them
 * (the same recipients: the partner's editors, the programme's coordinators). Past steps (plans endorsed, the latest
 * stage of each transfer) carry their own date and were emailed at the time, most of them read; the two steps waiting
 * now (the stakeholder's proposal, the practice in review) go through `notify` and so are emailed by the worker. Two
 * follows and one digest choice show the settings.
 */
import type { Tx } from '../../core/db/database.js';
import type { DemoSeed } from '../../core/module.js';
import { systemActor } from '../../core/policy/actor.js';
import { coordinatorIdsOf, demoAccounts, editorIdsOf } from '../accounts/service.js';
import { programmeOverview } from '../plans/service.js';
import { getPractice, getTransfer } from '../practices/service.js';
import { declaredKind, describeTargets, targetKey } from './kinds.js';
import * as queries from './queries.js';
import { notify } from './service.js';

const seedActor = systemActor('demo seed');

// The kinds told here, declared by the practices and plans modules (their notifications.ts).
const kinds = {
  endorsed: { key: 'plans.endorsed' },
  reportFiled: { key: 'plans.report_filed' },
  proposed: { key: 'practices.proposed' },
  submitted: { key: 'practices.submitted' },
  transferStage: { key: 'practices.transfer_stage' },
} as const;

/** A step of the demo's past, told to its recipients on the day it happened. */
interface PastNotice {
  kind: string;
  messageKey: string;
  values: Record<string, string | number>;
  link: string;
  recipients: number[];
  at: Date;
}

const noonOf = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);
const oneDay = 24 * 60 * 60 * 1000;

async function pastNotices(trx: Tx, programmeId: number, transferIds: ReadonlyMap<string, number>): Promise<PastNotice[]> {
  const notices: PastNotice[] = [];
  const coordinators = await coordinatorIdsOf(trx, programmeId);
  // Each Regional Action Plan's endorsement, as plans.endorsed tells it: the partner's editors and the coordinators.
  const plans = await programmeOverview(trx, programmeId);
  const partnerNames = await describeTargets(
    trx,
    plans.map((plan) => ({ type: 'partner' as const, id: plan.partnerId })),
  );
  for (const plan of plans) {
    notices.push({
      kind: kinds.endorsed.key,
      messageKey: 'plans.notifications.endorsed',
      values: { partner: partnerNames.get(targetKey('partner', plan.partnerId))?.title ?? '', actor: seedActor.label, version: plan.version },
      link: `/plans/${plan.planId}`,
      recipients: [...(await editorIdsOf(trx, [plan.partnerId])), ...coordinators],
      at: noonOf(plan.endorsedOn),
    });
  }
  // The latest stage of each transfer, as practices.transfer_stage tells it: the editors of both partners.
  for (const transferId of transferIds.values()) {
    const transfer = await getTransfer(trx, seedActor, transferId);
    const latest = transfer?.stages.at(-1);
    if (!transfer || !latest) continue;
    notices.push({
      kind: kinds.transferStage.key,
      messageKey: 'practices.notifications.transferStage',
      values: { title: transfer.practiceTitle, actor: latest.recordedBy, stage: latest.stage },
      link: `/transfers/${transfer.id}`,
      recipients: await editorIdsOf(trx, [transfer.ownerPartnerId, transfer.importerPartnerId]),
      at: noonOf(latest.occurredOn),
    });
  }
  return notices.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Writes the past notices told to someone, oldest first (so notice numbers follow the dates); the newest stays unread. */
async function tellThePast(trx: Tx, programmeId: number, notices: readonly PastNotice[]): Promise<number> {
  let rows = 0;
  const told = notices.filter((notice) => notice.recipients.length > 0);
  for (const [index, notice] of told.entries()) {
    const kind = declaredKind(notice.kind);
    const noticeId = await queries.nextNoticeId(trx);
    const recipients = [...new Set(notice.recipients)].sort((a, b) => a - b);
    const isNewest = index === told.length - 1;
    await queries.insertNotifications(
      trx,
      recipients.map((userId) => ({
        notice_id: noticeId,
        user_id: userId,
        kind: kind.key,
        message_key: notice.messageKey,
        message_values: JSON.stringify(notice.values),
        link: notice.link,
        programme_id: programmeId,
        actor_user_id: null,
        reason: 'recipient' as const,
        cadence: kind.defaultCadence,
        // Emailed at the time, as the plans seed's semester reminders are: loading the demo sends no old news.
        delivery: kind.defaultCadence === 'off' ? ('not_emailed' as const) : ('emailed' as const),
        created_at: notice.at,
        read_at: isNewest ? null : new Date(notice.at.getTime() + oneDay),
      })),
    );
    rows += recipients.length;
  }
  return rows;
}

declare module '../../core/module.js' {
  interface DemoCounts {
    notifications: number;
    follows: number;
  }
}

export const notificationsDemoSeed: DemoSeed = {
  after: ['programmes', 'accounts', 'practices', 'plans'],
  async run(trx, { programme, accounts, practiceIds, transferIds }) {
    const account = (key: string) => accounts.get(key) ?? null;
    const practiceId = (key: string) => practiceIds.get(key) ?? 0;
    let notifications = await tellThePast(trx, programme.id, await pastNotices(trx, programme.id, transferIds));

    // What waits now, told as the library tells it: the stakeholder's proposal to Tartu's editors, and the practice
    // in review to the coordinators (both unread, emailed by the worker like any new step).
    const proposal = await getPractice(trx, seedActor, practiceId('tartu-lectures'));
    const proposer = demoAccounts.find((candidate) => candidate.key === 'stakeholder');
    if (proposal) {
      const editors = await editorIdsOf(trx, [proposal.ownerPartnerId]);
      await notify(trx, {
        kind: kinds.proposed.key,
        actorUserId: proposal.proposedByUserId,
        recipients: editors,
        programmeId: programme.id,
        messageKey: 'practices.notifications.proposed',
        values: { title: proposal.title, actor: proposer?.displayName ?? seedActor.label },
        link: `/practices/${proposal.id}`,
      });
      notifications += editors.length;
    }
    const inReview = await getPractice(trx, seedActor, practiceId('nyh-ai-assistant'));
    if (inReview) {
      const coordinators = await coordinatorIdsOf(trx, programme.id);
      await notify(trx, {
        kind: kinds.submitted.key,
        actorUserId: null,
        recipients: coordinators,
        programmeId: programme.id,
        messageKey: 'practices.notifications.submitted',
        values: { title: inReview.title, actor: seedActor.label },
        link: `/practices/${inReview.id}`,
      });
      notifications += coordinators.length;
    }

    // Two follows (the stakeholder follows Tartu's testbed, Gävle's editor the data platform Gävle imports) and one
    // choice: the coordinator reads semester reports in a weekly digest.
    const follows: [string, number][] = [
      ['stakeholder', practiceId('tartu-testbed')],
      ['editorGavle', practiceId('nyh-data-platform')],
    ];
    for (const [key, id] of follows) {
      const userId = account(key);
      if (userId !== null) await queries.insertFollow(trx, userId, 'practice', id);
    }
    const coordinator = account('coordinator');
    if (coordinator !== null) await queries.upsertPreferences(trx, coordinator, [{ kind: kinds.reportFiled.key, cadence: 'weekly' }]);
    return { counts: { notifications, follows: follows.length } };
  },
};
