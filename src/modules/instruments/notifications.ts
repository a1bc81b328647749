/**
 * Who the instruments module tells when an instrument changes stage (the partner's editors, and followers of a
 * published instrument and of its partner), the kind people choose a cadence for, and the names of followed instruments.
 */
import type { Db, Tx } from '../../core/db/database.js';
import { fill } from '../../core/extensions.js';
import type { Actor } from '../../core/policy/actor.js';
import { actingPerson, editorIdsOf } from '../accounts/service.js';
import { followTargets, notificationKinds, notify, type NotificationKind } from '../notifications/service.js';
import { listPublishedInstrumentNames } from './catalogue/queries.js';

const stageChanged: NotificationKind = { key: 'instruments.stage_changed', labelKey: 'instruments.notifications.kinds.stage_changed', defaultCadence: 'daily' };

/** The module's contributions to the notifications module: its kind, and the names of followed instruments. */
export const instrumentNotificationFills = [
  fill(notificationKinds, stageChanged),
  fill(followTargets, {
    type: 'instrument',
    async describe(db: Db, ids: readonly number[]) {
      const rows = await listPublishedInstrumentNames(db, ids);
      return new Map(rows.map((row) => [row.id, { title: row.name, href: `/instruments/${row.id}` }]));
    },
  }),
];

/** Tells the instrument's partner's editors (and, once it is published, its followers and its partner's) of a new stage. */
export async function tellAboutStage(
  trx: Tx,
  actor: Actor,
  instrument: { id: number; name: string; programmeId: number; partnerId: number; published: boolean },
  stage: string,
) {
  const person = actingPerson(actor);
  await notify(trx, {
    kind: stageChanged.key,
    actorUserId: person.userId,
    recipients: await editorIdsOf(trx, [instrument.partnerId]),
    followed: instrument.published
      ? [
          { type: 'instrument', id: instrument.id },
          { type: 'partner', id: instrument.partnerId },
        ]
      : [],
    programmeId: instrument.programmeId,
    messageKey: 'instruments.notifications.stageChanged',
    values: { title: instrument.name, actor: person.name, stage },
    link: `/instruments/${instrument.id}`,
  });
}
