/** The events' share of My work: today's events of the editor's partners, with their registrations to check in. */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { editedPartners, waitingWork } from '../workspace/service.js';
import { eventsToCheckIn } from './workspace-queries.js';

export const eventWorkspaceItems = [
  fill(waitingWork, async ({ db, actor, now }) =>
    (await eventsToCheckIn(db, editedPartners(actor), now))
      .filter((row) => can(actor, 'event.attendance.record', { programmeId: row.programme_id, partnerIds: [row.host_partner_id] }))
      .map((row) => ({
        kindKey: 'workspace.kinds.eventCheckIn',
        text: row.title,
        href: `/events/${row.id}/attendance`,
        due: row.starts_at,
        detail: { key: 'workspace.detail.registered', values: { count: row.registered, attended: row.attended } },
      })),
  ),
];
