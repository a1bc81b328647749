/**
 * A plan as the programme's documents present it: the Interreg Europe template's three parts and the endorsement,
 * with every link (practices, events, transfers, organisations) turned into its name. The Word export and the
 * print page both read this, so they always say the same.
 */
import { formattingLocale, type Translate } from '../../../core/i18n/i18n.js';
import type { Locale } from '../../../core/i18n/locales.js';
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
  /** None where the part holds this one section and its heading says it all (the endorsement). */
  heading?: string;
  /** The part of the heading the partner wrote (an action's or instrument's name), in the plan's language. */
  headingWritten?: string;
  /** `written`: the part of the value the partner wrote, in the plan's language (the rest is the reader's). */
  rows: { label: string; value: string; written?: string }[];
  /** A table under the rows (funding sources), with its own heading, when there is one; `writtenColumn` holds the partner's texts. */
  table?: { heading: string; columns: string[]; rows: string[][]; writtenColumn?: number };
}

export interface PlanDocument {
  /** The language of the document's labels (BCP 47, e.g. it-IT): the Word file declares it, so spelling and speech use it. */
  language: string;
  /** The language the partner wrote the plan's texts in, where known (pages mark them with it, WCAG 3.1.2). */
  textLanguage?: string | undefined;
  title: string;
  subtitle: string;
  parts: { heading: string; sections: DocumentSection[] }[];
}

function listOf(ids: number[], names: Map<number, string>): string {
  return ids.map((id) => names.get(id) ?? `#${id}`).join('; ');
}

/** How the document writes amounts and dates, in its language. */
interface Formats {
  euros: (value: number) => string;
  date: (value: string) => string;
}

/**
 * What an action delivers: the instruments recorded for it, then the typed ones not among them. The partner often
 * types the name of an instrument that is recorded later, which would otherwise be listed twice.
 */
function deliveredInstruments(action: PlanAction, names: Names): string {
  const seen = new Set<string>();
  const recorded = (names.deliverables.get(action.key) ?? []).map((deliverable) => deliverable.name);
  const typed = action.instrumentsText.split(';').map((name) => name.trim());
  return [...recorded, ...typed]
    .filter((name) => {
      const key = name.toLocaleLowerCase();
      if (name === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .join('; ');
}

function actionSection(action: PlanAction, index: number, names: Names, t: Translate, { euros, date }: Formats): DocumentSection {
  const inspiration = [listOf(action.practiceIds, names.practices), listOf(action.eventIds, names.events), listOf(action.transferIds, names.transfers)].filter(
    Boolean,
  );
  return {
    heading: t('plans.document.action', { number: index + 1, title: action.title }),
    headingWritten: action.title,
    rows: [
      {
        label: t('plans.fields.background'),
        value: [action.background, ...inspiration.map((line) => `${t('plans.document.inspiredBy')} ${line}`)].filter(Boolean).join('\n'),
        written: action.background,
      },
      { label: t('plans.fields.description'), value: action.description, written: action.description },
      {
        label: t('plans.fields.players'),
        value: action.players
          .map((player) => `${names.organisations.get(player.organisationId) ?? `#${player.organisationId}`}${player.role ? ` – ${player.role}` : ''}`)
          .join('\n'),
      },
      {
        label: t('plans.fields.timeframe'),
        value: [action.startsOn === null ? '…' : date(action.startsOn), action.endsOn === null ? '…' : date(action.endsOn)].join(' – '),
      },
      { label: t('plans.fields.milestones'), value: action.milestones.map((milestone) => `${date(milestone.dueOn)}: ${milestone.title}`).join('\n') },
      { label: t('plans.fields.costsEur'), value: action.costsEur === null ? '' : euros(action.costsEur) },
      { label: t('plans.fields.improvementType'), value: t(`plans.improvementTypes.${action.improvementType}`) },
      {
        label: t('plans.fields.instrumentsText'),
        value: deliveredInstruments(action, names),
      },
    ],
    table: action.funding.length
      ? {
          heading: t('plans.fields.funding'),
          columns: [t('plans.fields.fundingSource'), t('plans.fields.fundingAmount')],
          rows: action.funding.map((line) => [line.source, euros(line.amountEur)]),
          writtenColumn: 0,
        }
      : undefined,
  };
}

export function planDocument(version: PlanVersion, names: Names, t: Translate, locale: Locale): PlanDocument {
  const language = formattingLocale[locale];
  // Amounts as typed, cents included, the same in the Word file and on the print page.
  const amounts = new Intl.NumberFormat(language, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
  const euros = (value: number) => `EUR ${amounts.format(value)}`;
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
  const date = (value: string) => dates.format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
  const content: PlanContent = version.content;
  const endorsement: DocumentSection = {
    rows: version.endorsedOn
      ? [
          { label: t('plans.fields.endorsedOn'), value: date(version.endorsedOn) },
          { label: t('plans.fields.endorsedBy'), value: version.endorsedBy ?? '', written: version.endorsedBy ?? '' },
          { label: t('plans.fields.endorsingBody'), value: version.endorsingBody ?? '', written: version.endorsingBody ?? '' },
        ]
      : [{ label: t('plans.fields.status'), value: t(`plans.statuses.${version.status}`) }],
  };
  return {
    language,
    textLanguage: content.language,
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
          headingWritten: instrument.name,
          rows: [
            { label: t('plans.fields.instrumentKind'), value: t(`plans.instrumentKinds.${instrument.kind}`) },
            { label: t('plans.fields.managingBody'), value: instrument.managingBody, written: instrument.managingBody },
            { label: t('plans.fields.instrumentImprovement'), value: instrument.improvement, written: instrument.improvement },
          ],
        })),
      },
      { heading: t('plans.parts.part3'), sections: content.actions.map((action, index) => actionSection(action, index, names, t, { euros, date })) },
      { heading: t('plans.document.endorsement'), sections: [endorsement] },
    ],
  };
}
