/**
 * The worker's task "an indicator value due": for each reported indicator, each partner expected to report it and
 * each semester that ended recently without a value, tells the partner's editors once. The audit entry written with
 * each notice is what makes it once (see listDueNoticesSent); a semester ended long ago is history, not a reminder.
 */
import { recordAudit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { anonymous, systemActor } from '../../../core/policy/actor.js';
import { editorIdsOf } from '../../accounts/service.js';
import { notify, type NotificationKind } from '../../notifications/service.js';
import { listPartners } from '../../partners/service.js';
import { findProgramme, semestersOf } from '../../programmes/service.js';
import { indicatorFromRow } from '../indicator-rows.js';
import * as queries from './queries.js';

const reminders = systemActor('indicator reminders');

/** The kind people choose a cadence for (declared in the results module's manifest). */
export const indicatorDue: NotificationKind = {
  key: 'results.indicator_due',
  labelKey: 'indicators.notifications.kinds.indicator_due',
  defaultCadence: 'immediate',
};

/** How long after a semester's end its missing values are still worth a reminder. */
export const dueWindowDays = 60;

/** Sends the due notices; returns how many partner × semester pairs were told. */
export async function remindDueIndicatorValues(db: Db, now = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const windowStart = new Date(now.getTime() - dueWindowDays * 24 * 3_600_000).toISOString().slice(0, 10);
  let told = 0;
  for (const row of await queries.listReportedPartnerIndicators(db)) {
    const indicator = indicatorFromRow(
      row,
      (await queries.listTargets(db, [row.id])).map((target) => ({ partnerId: target.partner_id, target: Number(target.target) })),
    );
    const programme = await findProgramme(db, indicator.programmeId);
    if (!programme) continue;
    const semesters = semestersOf(programme).filter((semester) => semester.endsOn < today && semester.endsOn >= windowStart);
    if (semesters.length === 0) continue;
    // Partners with a target are the ones expected to report; without any target, every partner of the programme is.
    const expected = indicator.partnerTargets.length
      ? indicator.partnerTargets.map((target) => target.partnerId)
      : (await listPartners(db, anonymous, indicator.programmeId)).map((partner) => partner.id);
    const reported = new Set((await queries.listReportedPairs(db, indicator.id)).map((pair) => `${pair.partner_id}:${pair.semester}`));
    const missing = expected.flatMap((partnerId) =>
      semesters.filter((semester) => !reported.has(`${partnerId}:${semester.number}`)).map((semester) => ({ partnerId, semester })),
    );
    if (missing.length === 0) continue;
    told += await db.transaction().execute(async (trx) => {
      await queries.lockIndicator(trx, indicator.id);
      const idOf = (entry: (typeof missing)[number]) => `${indicator.id}:${entry.partnerId}:${entry.semester.number}`;
      const sent = new Set((await queries.listDueNoticesSent(trx, missing.map(idOf))).map((entry) => entry.entity_id));
      let count = 0;
      for (const entry of missing.filter((candidate) => !sent.has(idOf(candidate)))) {
        await notify(trx, {
          kind: indicatorDue.key,
          actorUserId: null,
          recipients: await editorIdsOf(trx, [entry.partnerId]),
          programmeId: indicator.programmeId,
          messageKey: 'indicators.notifications.valueDue',
          values: {
            code: indicator.code,
            title: indicator.names.en ?? Object.values(indicator.names)[0] ?? indicator.code,
            semester: entry.semester.number,
            endedOn: Date.parse(`${entry.semester.endsOn}T00:00:00Z`),
          },
          link: `/results/indicators/${indicator.id}/reports/new?partner=${entry.partnerId}&semester=${entry.semester.number}`,
        });
        await recordAudit(trx, reminders, {
          action: 'indicator.remind_due',
          entityType: 'indicator_due',
          entityId: idOf(entry),
          programmeId: indicator.programmeId,
          after: { indicatorId: indicator.id, partnerId: entry.partnerId, semester: entry.semester.number },
        });
        count += 1;
      }
      return count;
    });
  }
  return told;
}
