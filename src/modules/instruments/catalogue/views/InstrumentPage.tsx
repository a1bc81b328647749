/**
 * One eGovernment instrument: what it is and delivers, where it came from (plan action, practice, events), its
 * lifecycle, the innovation chain with the share of spending kept in the region and with SMEs, and its impact with
 * the figures derived from it, charts beside their tables.
 */
import { ButtonLink, DataTable, PageHeading, SummaryList, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { textLanguage } from '../../../../core/views/text-language.js';
import { Layout } from '../../../../core/views/Layout.js';
import { FollowButton } from '../../../notifications/service.js';
import { isSme } from '../figures.js';
import type { InstrumentDetails } from '../service.js';

/** The figures of each impact period, in the order of the table's columns. */
const impactColumnKeys = [
  'instruments.impact.users.label',
  'instruments.impact.transactions.label',
  'instruments.page.minutes',
  'instruments.page.costs',
  'instruments.impact.satisfactionPercent.label',
  'instruments.impact.digitalSharePercent.label',
  'instruments.figures.timeSaved',
  'instruments.figures.moneySaved',
];

export interface InstrumentNames {
  partner: string;
  theme: string | null;
  action: { planId: number; title: string } | null;
  practice: { id: number; title: string } | null;
}

interface Props {
  instrument: InstrumentDetails;
  names: InstrumentNames;
  mayWrite: boolean;
  /** Whether the signed-in person follows the published instrument; undefined shows no follow button. */
  following?: boolean | undefined;
}

/** A row's delete link, naming the row for screen readers ("Delete Acme Ltd"): it leads to a page that asks first. */
function DeleteLink({ action, what }: { action: string; what: string }) {
  const { t } = useView();
  return (
    <a href={action}>
      {t('common.actions.delete')}
      <span class="visually-hidden"> {what}</span>
    </a>
  );
}

export function InstrumentPage({ instrument, names, mayWrite, following }: Props) {
  const { t, formatDate, formatNumber, formatEuros, locale } = useView();
  const languageName = new Intl.DisplayNames([locale], { type: 'language' });
  const percent = (value: number | null) => (value === null ? t('instruments.page.unknown') : `${formatNumber(Math.round(value))}%`);
  const optional = (value: number | null, format: (value: number) => string = formatNumber) => (value === null ? '–' : format(value));
  const list = (items: string[]) => (items.length ? items.join(', ') : t('instruments.page.none'));
  const summary = instrument.impactSummary;
  // The partner's own words are marked with their language, so screen readers pronounce them right (WCAG 3.1.2).
  const lang = textLanguage(instrument.textLanguage, locale);
  const written = (text: string) => <span lang={lang}>{text}</span>;
  return (
    <Layout title={instrument.name}>
      <PageHeading caption={names.partner}>{written(instrument.name)}</PageHeading>
      {following !== undefined ? <FollowButton type="instrument" id={instrument.id} following={following} /> : null}
      <p>
        <Tag tone={instrument.stage === 'live' || instrument.stage === 'scaled' ? 'success' : 'neutral'}>{t(`instruments.stages.${instrument.stage}`)}</Tag>{' '}
        {t(`instruments.kinds.${instrument.kind}`)}
        {instrument.published ? null : (
          <>
            {' '}
            <Tag tone="muted">{t('instruments.catalogue.unpublished')}</Tag>
          </>
        )}
      </p>
      <p class="lead" lang={lang}>
        {instrument.description}
      </p>
      {mayWrite ? (
        <div class="button-group">
          <ButtonLink href={`/instruments/${instrument.id}/edit`} variant="secondary">
            {t('instruments.page.edit')}
          </ButtonLink>
        </div>
      ) : null}

      <section aria-labelledby="what">
        <h2 id="what">{t('instruments.page.what')}</h2>
        <SummaryList
          rows={[
            { key: t('instruments.fields.partner'), value: <a href={`/partners/${instrument.partnerId}`}>{names.partner}</a> },
            {
              key: t('instruments.fields.services'),
              value: (
                <ul class="plain-list" lang={lang}>
                  {instrument.services.map((service) => (
                    <li key={service.name}>{service.description ? `${service.name} – ${service.description}` : service.name}</li>
                  ))}
                </ul>
              ),
            },
            { key: t('instruments.fields.channels'), value: list(instrument.channels.map((channel) => t(`instruments.channels.${channel}`))) },
            { key: t('instruments.fields.audiences'), value: list(instrument.audiences.map((audience) => t(`instruments.audiences.${audience}`))) },
            { key: t('instruments.fields.languages'), value: list(instrument.languages.map((code) => languageName.of(code) ?? code)) },
            { key: t('instruments.fields.cost'), value: instrument.isFree ? t('instruments.page.free') : written(instrument.costDescription) },
            { key: t('instruments.fields.authentication'), value: instrument.authentication ? written(instrument.authentication) : t('instruments.page.none') },
            { key: t('instruments.fields.dataReused'), value: instrument.dataReused ? written(instrument.dataReused) : t('instruments.page.none') },
            { key: t('instruments.fields.licence'), value: instrument.licence ?? t('instruments.page.none') },
            {
              key: t('instruments.fields.repositoryUrl'),
              value: instrument.repositoryUrl ? <a href={instrument.repositoryUrl}>{instrument.repositoryUrl}</a> : t('instruments.page.none'),
            },
            { key: t('instruments.fields.theme'), value: names.theme ?? t('instruments.page.none') },
            { key: t('instruments.fields.textLanguage'), value: languageName.of(instrument.textLanguage) ?? instrument.textLanguage },
          ]}
        />
      </section>

      <section aria-labelledby="origins">
        <h2 id="origins">{t('instruments.page.origins')}</h2>
        <SummaryList
          rows={[
            {
              key: t('instruments.fields.planAction'),
              value: names.action ? <a href={`/plans/${names.action.planId}`}>{names.action.title}</a> : t('instruments.page.none'),
            },
            {
              key: t('instruments.fields.practice'),
              value: names.practice ? <a href={`/practices/${names.practice.id}`}>{names.practice.title}</a> : t('instruments.page.none'),
            },
            {
              key: t('instruments.fields.events'),
              value: instrument.events.length ? (
                <ul class="plain-list">
                  {instrument.events.map((event) => (
                    <li key={event.id}>
                      <a href={`/events/${event.id}`}>{event.title}</a> ({formatDate(event.startsAt)})
                    </li>
                  ))}
                </ul>
              ) : (
                t('instruments.page.none')
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="lifecycle">
        <h2 id="lifecycle">{t('instruments.page.lifecycle')}</h2>
        <DataTable
          caption={t('instruments.page.lifecycleCaption')}
          head={
            <tr>
              <th scope="col">{t('instruments.fields.stage')}</th>
              <th scope="col">{t('instruments.stage.occurredOn.label')}</th>
              <th scope="col">{t('instruments.stage.evidence.label')}</th>
              <th scope="col">{t('instruments.stage.reason.label')}</th>
              <th scope="col">{t('instruments.page.recordedBy')}</th>
            </tr>
          }
        >
          {instrument.stages.map((stage) => (
            <tr key={stage.id}>
              <th scope="row">{t(`instruments.stages.${stage.stage}`)}</th>
              <td>{formatDate(stage.occurredOn)}</td>
              <td>{stage.evidence || '–'}</td>
              <td>{stage.reason || '–'}</td>
              <td>{stage.recordedBy}</td>
            </tr>
          ))}
        </DataTable>
        {mayWrite ? (
          <ButtonLink href={`/instruments/${instrument.id}/stage`} variant="secondary">
            {t('instruments.page.changeStage')}
          </ButtonLink>
        ) : null}
      </section>

      <section aria-labelledby="chain">
        <h2 id="chain">{t('instruments.page.chain')}</h2>
        <p>
          {t('instruments.page.regionalShare', { share: percent(instrument.spending.regionalSharePercent) })}{' '}
          {t('instruments.page.smeShare', { share: percent(instrument.spending.smeSharePercent) })}
          {instrument.contractsVisible && instrument.spending.totalEur > 0
            ? ` ${t('instruments.page.spendingTotal', { total: formatEuros(instrument.spending.totalEur), regional: formatEuros(instrument.spending.regionalEur), sme: formatEuros(instrument.spending.smeEur) })}`
            : ''}
        </p>
        {instrument.chain.length === 0 ? (
          <p>{t('instruments.page.noChain')}</p>
        ) : (
          <DataTable
            caption={t('instruments.page.chainCaption')}
            head={
              <tr>
                <th scope="col">{t('instruments.chain.organisationId.label')}</th>
                <th scope="col">{t('instruments.chain.role.legend')}</th>
                <th scope="col">{t('instruments.page.helix')}</th>
                <th scope="col">{t('instruments.chain.inRegion.legend')}</th>
                <th scope="col">{t('instruments.page.sme')}</th>
                <th scope="col">{t('instruments.chain.procurement.legend')}</th>
                {instrument.contractsVisible ? (
                  <th scope="col" class="numeric">
                    {t('instruments.chain.contractValueEur.label')}
                  </th>
                ) : null}
                {mayWrite ? (
                  <th scope="col">
                    <span class="visually-hidden">{t('instruments.page.actions')}</span>
                  </th>
                ) : null}
              </tr>
            }
          >
            {instrument.chain.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.organisationName}</th>
                <td>{t(`instruments.roles.${entry.role}`)}</td>
                <td>{t(`partners.helix.${entry.helix}`)}</td>
                <td>{entry.inRegion ? t('instruments.page.yes') : t('instruments.page.no')}</td>
                <td>{isSme(entry.sizeClass) ? t('instruments.page.yes') : t('instruments.page.no')}</td>
                <td>{t(`instruments.procurement.${entry.procurement}`)}</td>
                {instrument.contractsVisible ? <td class="numeric">{entry.contractValueEur === null ? '–' : formatEuros(entry.contractValueEur)}</td> : null}
                {mayWrite ? (
                  <td>
                    <DeleteLink action={`/instruments/${instrument.id}/chain/${entry.id}/delete`} what={entry.organisationName} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {instrument.contractsVisible ? null : <p class="field__hint">{t('instruments.page.contractsHidden')}</p>}
        {mayWrite ? (
          <ButtonLink href={`/instruments/${instrument.id}/chain`} variant="secondary">
            {t('instruments.page.addOrganisation')}
          </ButtonLink>
        ) : null}
      </section>

      <section aria-labelledby="impact">
        <h2 id="impact">{t('instruments.page.impact')}</h2>
        {instrument.impact.length === 0 ? (
          <p>{t('instruments.page.noImpact')}</p>
        ) : (
          <>
            <SummaryList
              rows={[
                {
                  key: t('instruments.figures.timeSaved'),
                  value:
                    summary.timeSavedHours === null
                      ? t('instruments.page.unknown')
                      : t('instruments.figures.hours', { hours: formatNumber(Math.round(summary.timeSavedHours)) }),
                },
                {
                  key: t('instruments.figures.moneySaved'),
                  value: summary.moneySavedEur === null ? t('instruments.page.unknown') : formatEuros(summary.moneySavedEur),
                },
                {
                  key: t('instruments.figures.takeUpGrowth'),
                  value:
                    summary.takeUpGrowthPoints === null
                      ? t('instruments.page.unknown')
                      : t('instruments.figures.points', { points: formatNumber(Math.round(summary.takeUpGrowthPoints * 10) / 10) }),
                },
                { key: t('instruments.figures.transactionsGrowth'), value: percent(summary.transactionsGrowthPercent) },
              ]}
            />
            <p class="field__hint">{t('instruments.figures.assumptions')}</p>
            <figure class="chart">
              <img src={`/instruments/${instrument.id}/use.svg`} alt={t('instruments.page.useChartAlt')} width={720} height={360} />
            </figure>
            <figure class="chart">
              <img src={`/instruments/${instrument.id}/take-up.svg`} alt={t('instruments.page.takeUpChartAlt')} width={720} height={360} />
            </figure>
            <DataTable
              caption={t('instruments.page.impactCaption')}
              head={
                <tr>
                  <th scope="col">{t('instruments.page.period')}</th>
                  {impactColumnKeys.map((key) => (
                    <th scope="col" class="numeric">
                      {t(key)}
                    </th>
                  ))}
                  {mayWrite ? (
                    <th scope="col">
                      <span class="visually-hidden">{t('instruments.page.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              }
            >
              {summary.periods.map((period) => {
                const id = instrument.impact.find((entry) => entry.periodStart === period.periodStart)?.id;
                return (
                  <tr key={period.periodStart}>
                    <th scope="row">
                      {formatDate(period.periodStart)} – {formatDate(period.periodEnd)}
                    </th>
                    <td class="numeric">{optional(period.users)}</td>
                    <td class="numeric">{optional(period.transactions)}</td>
                    <td class="numeric">
                      {optional(period.processingMinutesDigital)} / {optional(period.processingMinutesFormer)}
                    </td>
                    <td class="numeric">
                      {optional(period.costDigitalEur, (value) => formatNumber(value))} / {optional(period.costFormerEur, (value) => formatNumber(value))}
                    </td>
                    <td class="numeric">{optional(period.satisfactionPercent, (value) => `${formatNumber(value)}%`)}</td>
                    <td class="numeric">{optional(period.digitalSharePercent, (value) => `${formatNumber(value)}%`)}</td>
                    <td class="numeric">{optional(period.timeSavedHours, (value) => formatNumber(Math.round(value)))}</td>
                    <td class="numeric">{optional(period.moneySavedEur, formatEuros)}</td>
                    {mayWrite && id !== undefined ? (
                      <td>
                        <DeleteLink action={`/instruments/${instrument.id}/impact/${id}/delete`} what={formatDate(period.periodStart)} />
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </DataTable>
          </>
        )}
        {mayWrite ? (
          <div class="button-group">
            <ButtonLink href={`/instruments/${instrument.id}/impact`} variant="secondary">
              {t('instruments.page.addImpact')}
            </ButtonLink>
            <a href={`/instruments/${instrument.id}/impact/import`}>{t('instruments.page.importImpact')}</a>
          </div>
        ) : null}
      </section>
    </Layout>
  );
}
