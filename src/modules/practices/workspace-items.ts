/**
 * The practices' share of My work: the coordinator's practices to review, the partner's proposals to decide and
 * returned practices to revise, and the partner's drafts. Every item is checked against the central policy as well,
 * so /me never lists a record its reader could not act on.
 */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { draftWork, editedPartners, programmesAs, waitingWork, type WorkItem } from '../workspace/service.js';
import { practiceDrafts, practicesWaiting } from './workspace-queries.js';

export const practiceWorkspaceItems = [
  fill(waitingWork, async ({ db, actor }) => {
    const reviewProgrammes = programmesAs(actor, 'coordinator');
    const partners = editedPartners(actor);
    if (reviewProgrammes.length === 0 && partners.length === 0) return [];
    const rows = await practicesWaiting(db, reviewProgrammes, partners);
    return rows.flatMap((row): WorkItem[] => {
      const scope = { programmeId: row.programme_id, partnerIds: [row.owner_partner_id] };
      if (row.status === 'submitted' && can(actor, 'practice.review', scope))
        return [{ kindKey: 'workspace.kinds.practiceReview', text: row.title, lang: row.language, href: `/practices/${row.id}/review` }];
      if (row.status === 'proposed' && can(actor, 'practice.decide_proposal', scope))
        return [{ kindKey: 'workspace.kinds.practiceProposal', text: row.title, lang: row.language, href: `/practices/${row.id}/proposal` }];
      if (row.status === 'returned' && can(actor, 'practice.update', scope))
        return [{ kindKey: 'workspace.kinds.practiceReturned', text: row.title, lang: row.language, href: `/practices/${row.id}` }];
      return [];
    });
  }),
  fill(draftWork, async ({ db, actor }) => {
    const partners = editedPartners(actor);
    if (partners.length === 0) return [];
    const rows = await practiceDrafts(db, partners);
    return rows
      .filter((row) => can(actor, 'practice.update', { programmeId: row.programme_id, partnerIds: [row.owner_partner_id] }))
      .map((row) => ({ kindKey: 'workspace.kinds.practiceDraft', text: row.title, lang: row.language, href: `/practices/${row.id}` }));
  }),
];
