/** The programme's instruments: per partner and stage against the goal, spending kept in the region and with SMEs, savings. */
import { barChartSize } from '../../../../core/views/charts.js';
import { BackLink, DataTable, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { programmeGoal } from '../figures.js';
import type { ProgrammeView } from '../service.js';
import { stages } from '../../tables.js';

export function ProgrammePage({ view }: { view: ProgrammeView }) {
  const { t, formatNumber, formatEuros } = useView();
  const percent = (value: number | null) => (value === null ? t('instruments.page.unknown') : `${formatNumber(Math.round(value))}%`);
  return (
    <Layout title={t('instruments.programme.title')}>
      <BackLink href="/instruments">{t('instruments.programme.back')}</BackLink>
      <PageHeading>{t('instruments.programme.title')}</PageHeading>
      <p class="lead">{t('instruments.programme.goal', { developed: formatNumber(view.developed), goal: formatNumber(programmeGoal) })}</p>
      <p>
        <a href="/instruments/programme.csv">{t('instruments.programme.csv')}</a>
      </p>
      <section aria-labelledby="stages">
        <h2 id="stages">{t('instruments.programme.byStage')}</h2>
        <figure class="chart">
          <img src="/instruments/programme/stages.svg" alt={t('instruments.programme.chartAlt')} {...barChartSize(view.partners.length, true)} />
        </figure>
        <DataTable
          caption={t('instruments.programme.tableCaption')}
          head={
            <tr>
              <th scope="col">{t('instruments.fields.partner')}</th>
              {stages.map((stage) => (
                <th scope="col" class="numeric" key={stage}>
                  {t(`instruments.stages.${stage}`)}
                </th>
              ))}
              <th scope="col" class="numeric">
                {t('instruments.programme.developed')}
              </th>
            </tr>
          }
        >
          {view.partners.map((partner) => (
            <tr key={partner.partnerId}>
              <th scope="row">
                <a href={`/instruments?partner=${partner.partnerId}`}>{partner.partnerName}</a>
              </th>
              {stages.map((stage) => (
                <td class="numeric" key={stage}>
                  {formatNumber(partner.byStage[stage])}
                </td>
              ))}
              <td class="numeric">{formatNumber(partner.developed)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="chain">
        <h2 id="chain">{t('instruments.programme.chain')}</h2>
        <SummaryList
          rows={[
            {
              key: t('instruments.programme.regionalShare'),
              value:
                view.amountsVisible && view.spending.totalEur > 0
                  ? `${percent(view.spending.regionalSharePercent)} (${formatEuros(view.spending.regionalEur)} / ${formatEuros(view.spending.totalEur)})`
                  : percent(view.spending.regionalSharePercent),
            },
            {
              key: t('instruments.programme.smeShare'),
              value:
                view.amountsVisible && view.spending.totalEur > 0
                  ? `${percent(view.spending.smeSharePercent)} (${formatEuros(view.spending.smeEur)} / ${formatEuros(view.spending.totalEur)})`
                  : percent(view.spending.smeSharePercent),
            },
          ]}
        />
      </section>
      <section aria-labelledby="savings">
        <h2 id="savings">{t('instruments.programme.savings')}</h2>
        <SummaryList
          rows={[
            { key: t('instruments.figures.moneySaved'), value: view.moneySavedEur === null ? t('instruments.page.unknown') : formatEuros(view.moneySavedEur) },
            {
              key: t('instruments.figures.timeSaved'),
              value:
                view.timeSavedHours === null
                  ? t('instruments.page.unknown')
                  : t('instruments.figures.hours', { hours: formatNumber(Math.round(view.timeSavedHours)) }),
            },
          ]}
        />
        <p class="field__hint">{t('instruments.figures.assumptions')}</p>
      </section>
    </Layout>
  );
}
