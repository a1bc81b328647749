/**
 * The results' share of My work: indicator values to validate (coordinator), values returned to the partner, and the
 * partner's maturity rounds still open.
 */
import { fill } from '../../core/extensions.js';
import { can } from '../../core/policy/policy.js';
import { editedPartners, programmesAs, waitingWork, type WorkItem } from '../workspace/service.js';
import { localised } from './dashboard/text.js';
import { resultsWaiting } from './workspace-queries.js';

export const resultWorkspaceItems = [
  fill(waitingWork, async ({ db, actor, locale }) => {
    const validateProgrammes = programmesAs(actor, 'coordinator');
    const partners = editedPartners(actor);
    if (validateProgrammes.length === 0 && partners.length === 0) return [];
    return (await resultsWaiting(db, validateProgrammes, partners)).flatMap((row): WorkItem[] => {
      const scope = { programmeId: row.programme_id, partnerIds: [row.partner_id] };
      const name = localised(row.names ?? {}, locale);
      const semester = { key: 'workspace.detail.indicatorValue', values: { partner: row.partner_name, semester: row.semester ?? 0 } };
      if (row.kind === 'validate' && can(actor, 'indicator.validate', scope))
        return [
          {
            kindKey: 'workspace.kinds.indicatorValidation',
            text: name.text,
            lang: name.lang ?? null,
            href: `/results/indicators/reports/${row.id}`,
            detail: semester,
          },
        ];
      if (row.kind === 'returned' && can(actor, 'indicator.report', scope))
        return [
          {
            kindKey: 'workspace.kinds.indicatorReturned',
            text: name.text,
            lang: name.lang ?? null,
            href: `/results/indicators/reports/${row.id}`,
            detail: semester,
          },
        ];
      if (row.kind === 'round' && can(actor, 'maturity.answer', scope))
        return [
          {
            kindKey: 'workspace.kinds.maturityRound',
            text: row.label ?? '',
            href: `/results/maturity/rounds/${row.id}`,
            detail: { key: 'workspace.detail.partner', values: { partner: row.partner_name } },
          },
        ];
      return [];
    });
  }),
];
