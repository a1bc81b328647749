/**
 * Who the library tells about its workflow steps (a proposal received and decided, a practice submitted, published or
 * returned, a transfer stage recorded), the kinds people choose a cadence for, and the titles of followed practices.
 */
import type { Db, Tx } from '../../core/db/database.js';
import type { Actor } from '../../core/policy/actor.js';
import { fill } from '../../core/extensions.js';
import { actingPerson, coordinatorIdsOf, editorIdsOf } from '../accounts/service.js';
import { followTargets, notificationKinds, notify } from '../notifications/service.js';
import type { NotificationKind } from '../notifications/types.js';
import { listPracticeTitles } from './library/queries.js';

// Each kind's key is written once, here; the steps below name it through this table.
const kinds = {
  proposed: { key: 'practices.proposed', labelKey: 'practices.notifications.kinds.proposed', defaultCadence: 'immediate' },
  proposal_decided: { key: 'practices.proposal_decided', labelKey: 'practices.notifications.kinds.proposal_decided', defaultCadence: 'immediate' },
  submitted: { key: 'practices.submitted', labelKey: 'practices.notifications.kinds.submitted', defaultCadence: 'immediate' },
  returned: { key: 'practices.returned', labelKey: 'practices.notifications.kinds.returned', defaultCadence: 'immediate' },
  published: { key: 'practices.published', labelKey: 'practices.notifications.kinds.published', defaultCadence: 'daily' },
  updated: { key: 'practices.updated', labelKey: 'practices.notifications.kinds.updated', defaultCadence: 'daily' },
  transfer_stage: { key: 'practices.transfer_stage', labelKey: 'practices.notifications.kinds.transfer_stage', defaultCadence: 'daily' },
} satisfies Record<string, NotificationKind>;

/** The library's contributions to the notifications module: its kinds, and the titles of followed practices. */
export const practiceNotificationFills = [
  ...Object.values(kinds).map((kind) => fill(notificationKinds, kind)),
  fill(followTargets, {
    type: 'practice',
    async describe(db: Db, ids: readonly number[]) {
      const rows = await listPracticeTitles(db, ids);
      return new Map(rows.map((row) => [row.id, { title: row.title, href: `/practices/${row.id}` }]));
    },
  }),
];

interface PracticeFacts {
  id: number;
  title: string;
  programmeId: number;
  ownerPartnerId: number;
  proposedByUserId: number | null;
}

type Step = 'proposed' | 'accept' | 'decline' | 'submit' | 'publish' | 'return' | 'updated';

/**
 * Tells the people concerned by a step of a practice's workflow, inside the step's transaction: a proposal goes to the
 * owner's editors, its outcome to the proposer, a submission to the coordinators, a publication or return to the
 * owner's editors (and the proposer); what happens to a published practice also to the followers of it and its owner.
 */
export async function tellAboutPractice(trx: Tx, actor: Actor, practice: PracticeFacts, step: Step, wasPublished = false) {
  const person = actingPerson(actor);
  const editors = () => editorIdsOf(trx, [practice.ownerPartnerId]);
  const proposer = practice.proposedByUserId === null ? [] : [practice.proposedByUserId];
  const publicRecord = [
    { type: 'practice' as const, id: practice.id },
    { type: 'partner' as const, id: practice.ownerPartnerId },
  ];
  const plan: { kind: string; message: string; recipients: number[]; followed: typeof publicRecord } =
    step === 'proposed'
      ? { kind: kinds.proposed.key, message: 'proposed', recipients: await editors(), followed: [] }
      : step === 'accept' || step === 'decline'
        ? { kind: kinds.proposal_decided.key, message: step === 'accept' ? 'proposalAccepted' : 'proposalDeclined', recipients: proposer, followed: [] }
        : step === 'submit'
          ? { kind: kinds.submitted.key, message: 'submitted', recipients: await coordinatorIdsOf(trx, practice.programmeId), followed: [] }
          : step === 'publish'
            ? { kind: kinds.published.key, message: 'published', recipients: [...(await editors()), ...proposer], followed: publicRecord }
            : step === 'return'
              ? { kind: kinds.returned.key, message: 'returned', recipients: await editors(), followed: wasPublished ? publicRecord : [] }
              : { kind: kinds.updated.key, message: 'updated', recipients: [], followed: publicRecord };
  await notify(trx, {
    kind: plan.kind,
    actorUserId: person.userId,
    recipients: plan.recipients,
    followed: plan.followed,
    programmeId: practice.programmeId,
    messageKey: `practices.notifications.${plan.message}`,
    values: { title: practice.title, actor: person.name },
    link: `/practices/${practice.id}`,
  });
}

/** Tells the editors of both partners of a transfer (and the practice's followers) that a stage was recorded. */
export async function tellAboutTransferStage(
  trx: Tx,
  actor: Actor,
  transfer: { id: number; practiceId: number; practiceTitle: string; programmeId: number; ownerPartnerId: number; importerPartnerId: number },
  stage: string,
) {
  await notify(trx, {
    kind: kinds.transfer_stage.key,
    actorUserId: actingPerson(actor).userId,
    recipients: await editorIdsOf(trx, [transfer.ownerPartnerId, transfer.importerPartnerId]),
    followed: [{ type: 'practice', id: transfer.practiceId }],
    programmeId: transfer.programmeId,
    messageKey: 'practices.notifications.transferStage',
    values: { title: transfer.practiceTitle, actor: actingPerson(actor).name, stage },
    link: `/transfers/${transfer.id}`,
  });
}
