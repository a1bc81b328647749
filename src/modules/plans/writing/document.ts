/**
 * A plan as the programme's documents present it: the Interreg Europe template's three parts and the endorsement,
 * with every link (practices, events, transfers, organisations) turned into its name. The Word export and the
 * print page both read this, so they always say the same.
 */
import type { Translate } from '../../../core/i18n/i18n.js';
import type { PlanAction, PlanContent } from '../content.js';
import type { PlanVersion } from './service.js';

export interface Names {
  partner: { name: string; countryName: string; nutsCode: string; nutsName: string };
  practices: Map<number, string>;
  events: Map<number, string>;
  transfers: Map<number, string>;
  organisations: Map<number, string>;
  /** Instruments recorded as delivering each action, by action key. */
  deliverables: Map<string, { name: string; href: string }[]>;
}

export interface DocumentSection {
  heading: string;
  rows: { label: string; value: string }[];
  /** A table under the rows (funding sources), when there is one. */
  table?: { columns: string[]; rows: string[][] };
}

export interface PlanDocument {
  title: string;
  subtitle: string;
  parts: { heading: string; sections: DocumentSection[] }[];
}

function listOf(ids: number[], names: Map<number, string>): string {
  return ids.map((id) => names.get(id) ?? `#${id}`).join('; ');
}

function actionSection(action: PlanAction, index: number, names: Names, t: Translate, euros: (value: number) => string): DocumentSection {
  const inspiration = [listOf(action.practiceIds, names.practices), listOf(action.eventIds, names.events), listOf(action.transferIds, names.transfers)].filter(
    Boolean,
  );
  return {
    heading: t('plans.document.action', { number: index + 1, title: action.title }),
    rows: [
      {
        label: t('plans.fields.background'),
        value: [action.background, ...inspiration.map((line) => `${t('plans.document.inspiredBy')} ${line}`)].filter(Boolean).join('\n'),
      },
      { label: t('plans.fields.description'), value: action.description },
      {
        label: t('plans.fields.players'),
        value: action.players
          .map((player) => `${names.organisations.get(player.organisationId) ?? `#${player.organisationId}`}${player.role ? ` – ${player.role}` : ''}`)
          .join('\n'),
      },
      { label: t('plans.fields.timeframe'), value: [action.startsOn ?? '…', action.endsOn ?? '…'].join(' – ') },
      { label: t('plans.fields.milestones'), value: action.milestones.map((milestone) => `${milestone.dueOn}: ${milestone.title}`).join('\n') },
      { label: t('plans.fields.costsEur'), value: action.costsEur === null ? '' : euros(action.costsEur) },
      { label: t('plans.fields.improvementType'), value: t(`plans.improvementTypes.${action.improvementType}`) },
      {
        label: t('plans.fields.instrumentsText'),
        value: [...(names.deliverables.get(action.key) ?? []).map((deliverable) => deliverable.name), action.instrumentsText].filter(Boolean).join('; '),
      },
    ],
    table: action.funding.length
      ? {
          columns: [t('plans.fields.fundingSource'), t('plans.fields.fundingAmount')],
          rows: action.funding.map((line) => [line.source, euros(line.amountEur)]),
        }
      : undefined,
  };
}

export function planDocument(version: PlanVersion, names: Names, t: Translate, locale: string): PlanDocument {
  // Amounts as typed, cents included, the same in the Word file and on the print page.
  const amounts = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const euros = (value: number) => `EUR ${amounts.format(value)}`;
  const content: PlanContent = version.content;
  const endorsement: DocumentSection = {
    heading: t('plans.document.endorsement'),
    rows: version.endorsedOn
      ? [
          { label: t('plans.fields.endorsedOn'), value: version.endorsedOn },
          { label: t('plans.fields.endorsedBy'), value: version.endorsedBy ?? '' },
          { label: t('plans.fields.endorsingBody'), value: version.endorsingBody ?? '' },
        ]
      : [{ label: t('plans.fields.status'), value: t(`plans.statuses.${version.status}`) }],
  };
  return {
    title: t('plans.document.title', { partner: names.partner.name }),
    subtitle: t('plans.document.version', { number: version.number, status: t(`plans.statuses.${version.status}`) }),
    parts: [
      {
        heading: t('plans.parts.part1'),
        sections: [
          {
            heading: t('plans.document.general'),
            rows: [
              { label: t('plans.fields.partner'), value: names.partner.name },
              { label: t('plans.fields.country'), value: names.partner.countryName },
              { label: t('plans.fields.region'), value: `${names.partner.nutsName} (NUTS ${names.partner.nutsCode})` },
              { label: t('plans.fields.contact'), value: [content.contact.name, content.contact.email].filter(Boolean).join(', ') },
            ],
          },
        ],
      },
      {
        heading: t('plans.parts.part2'),
        sections: content.instruments.map((instrument) => ({
          heading: instrument.name,
          rows: [
            { label: t('plans.fields.instrumentKind'), value: t(`plans.instrumentKinds.${instrument.kind}`) },
            { label: t('plans.fields.managingBody'), value: instrument.managingBody },
            { label: t('plans.fields.instrumentImprovement'), value: instrument.improvement },
          ],
        })),
      },
      { heading: t('plans.parts.part3'), sections: content.actions.map((action, index) => actionSection(action, index, names, t, euros)) },
      { heading: t('plans.document.endorsement'), sections: [endorsement] },
    ],
  };
}
