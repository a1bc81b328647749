/** A programme at a glance: dates, phases and semesters, partners and their stakeholder groups. */
import { countryName } from '../../../core/i18n/countries.js';
import { ButtonLink, DataTable, Stat, SummaryList, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { textLanguage } from '../../../core/views/text-language.js';
import type { PartnerSummary } from '../../partners/service.js';
import type { Phase, Programme, Semester } from '../../programmes/service.js';

const marker = '\uE000';

/**
 * A message of the interface around a text written in the programme's language ("Fase 1: Interregional learning"):
 * the text keeps its own `lang` inside the sentence, wherever the message places it.
 */
function withWritten(message: (text: string) => string, text: string, lang: string | undefined) {
  if (!lang) return message(text);
  const [before = '', after = ''] = message(marker).split(marker);
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after}
    </>
  );
}

export interface ProgrammeOverviewData {
  programme: Programme;
  phases: Phase[];
  semesters: Semester[];
  partners: PartnerSummary[];
  stakeholdersByHelix: Record<string, number>;
  /** Per partner: good practices identified (published), and practices of others it adopted or is still transferring. */
  practiceCounts: Map<number, { identified: number; adopted: number; inProgress: number }>;
}

export function ProgrammeOverview({ programme, phases, semesters, partners, stakeholdersByHelix, practiceCounts }: ProgrammeOverviewData) {
  const { t, locale, formatDate, can } = useView();
  const mayEdit = can('programme.update', { programmeId: programme.id });
  // The title, summary and phases are written in the programme's language (WCAG 3.1.2).
  const lang = textLanguage(programme.textLanguage, locale);
  const totalStakeholders = Object.values(stakeholdersByHelix).reduce((sum, count) => sum + count, 0);
  return (
    <>
      {programme.summary ? (
        <p class="lead" lang={lang}>
          {programme.summary}
        </p>
      ) : null}
      <SummaryList
        rows={[
          {
            key: t('portal.programme.period'),
            value: t('portal.programme.periodValue', { start: formatDate(programme.startsOn), end: formatDate(programme.endsOn) }),
          },
          { key: t('portal.programme.partners'), value: String(partners.length) },
          { key: t('portal.programme.stakeholders'), value: String(totalStakeholders) },
        ]}
      />
      {mayEdit ? (
        <p>
          <ButtonLink href={`/programmes/${programme.id}/edit`} variant="secondary">
            {t('portal.programme.edit')}
          </ButtonLink>
        </p>
      ) : null}

      <section aria-labelledby="phases">
        <h2 id="phases">{t('portal.programme.phases')}</h2>
        {phases.length === 0 ? <p>{t('portal.programme.noPhases')}</p> : null}
        <ol class="phase-list">
          {phases.map((phase) => (
            <li key={phase.id} class="phase-list__item">
              <h3 class="phase-list__title">{withWritten((name) => t('portal.programme.phaseTitle', { number: phase.number, name }), phase.name, lang)}</h3>
              <p class="phase-list__dates">{t('portal.programme.periodValue', { start: formatDate(phase.startsOn), end: formatDate(phase.endsOn) })}</p>
              {phase.description ? <p lang={lang}>{phase.description}</p> : null}
              {mayEdit ? (
                <ul class="inline-list">
                  <li>
                    <a href={`/programmes/${programme.id}/phases/${phase.id}/edit`}>
                      {t('common.actions.edit')}
                      <span class="visually-hidden" lang={lang}>
                        {' '}
                        {phase.name}
                      </span>
                    </a>
                  </li>
                  <li>
                    <a href={`/programmes/${programme.id}/phases/${phase.id}/delete`}>
                      {t('common.actions.delete')}
                      <span class="visually-hidden" lang={lang}>
                        {' '}
                        {phase.name}
                      </span>
                    </a>
                  </li>
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
        {mayEdit ? (
          <p>
            <ButtonLink href={`/programmes/${programme.id}/phases/new`} variant="secondary">
              {t('portal.programme.addPhase')}
            </ButtonLink>
          </p>
        ) : null}
        <details class="details">
          <summary>{t('portal.programme.semesters', { count: semesters.length })}</summary>
          <ol class="plain-list">
            {semesters.map((semester) => (
              <li key={semester.number}>
                {t('portal.programme.semester', { number: semester.number, start: formatDate(semester.startsOn), end: formatDate(semester.endsOn) })}
              </li>
            ))}
          </ol>
        </details>
      </section>

      <section aria-labelledby="partners">
        <h2 id="partners">{t('portal.programme.partnership')}</h2>
        <DataTable
          caption={t('portal.programme.partnershipCaption', { acronym: programme.acronym })}
          head={
            <tr>
              <th scope="col">{t('partners.fields.name')}</th>
              <th scope="col">{t('partners.fields.country')}</th>
              <th scope="col">{t('partners.fields.role')}</th>
              <th scope="col" class="numeric">
                {t('partners.fields.organisationCount')}
              </th>
              <th scope="col" class="numeric">
                {t('portal.programme.practicesIdentified')}
              </th>
              <th scope="col" class="numeric">
                {t('portal.programme.practicesAdopted')}
              </th>
              <th scope="col" class="numeric">
                {t('portal.programme.transfersInProgress')}
              </th>
            </tr>
          }
        >
          {partners.map((partner) => (
            <tr key={partner.id}>
              <th scope="row">
                <a href={`/partners/${partner.id}`}>{partner.name}</a>
              </th>
              <td>{countryName(locale, partner.countryCode)}</td>
              <td>{partner.role === 'lead_partner' ? <Tag tone="success">{t('partners.role.lead_partner')}</Tag> : t('partners.role.partner')}</td>
              <td class="numeric">{partner.organisationCount}</td>
              <td class="numeric">
                <a
                  href={`/practices?partner=${partner.id}`}
                  aria-label={t('portal.programme.practicesOf', { name: partner.shortName, count: practiceCounts.get(partner.id)?.identified ?? 0 })}
                >
                  {practiceCounts.get(partner.id)?.identified ?? 0}
                </a>
              </td>
              <td class="numeric">{practiceCounts.get(partner.id)?.adopted ?? 0}</td>
              <td class="numeric">{practiceCounts.get(partner.id)?.inProgress ?? 0}</td>
            </tr>
          ))}
        </DataTable>
        <p class="field__hint">{t('portal.programme.practicesNote')}</p>
        <h3>{t('portal.programme.helixHeading')}</h3>
        <ul class="stat-list">
          {Object.entries(stakeholdersByHelix).map(([helix, count]) => (
            <Stat key={helix} value={count}>
              <span class="stat-list__label">{t(`partners.helix.${helix}`)}</span>
            </Stat>
          ))}
        </ul>
      </section>
    </>
  );
}
