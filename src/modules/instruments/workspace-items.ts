/** The instruments' share of My work: the editor's partners' instruments not published yet, among the drafts. */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { draftWork, editedPartners } from '../workspace/service.js';
import { instrumentDrafts } from './workspace-queries.js';

export const instrumentWorkspaceItems = [
  fill(draftWork, async ({ db, actor }) => {
    const partners = editedPartners(actor);
    if (partners.length === 0) return [];
    return (await instrumentDrafts(db, partners))
      .filter((row) => can(actor, 'instrument.write', { programmeId: row.programme_id, partnerIds: [row.partner_id] }))
      .map((row) => ({ kindKey: 'workspace.kinds.instrumentDraft', text: row.name, lang: row.text_language, href: `/instruments/${row.id}` }));
  }),
];
