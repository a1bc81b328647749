/**
 * The overview of the programme's plans for the coordinator and the public: progress, policy instruments improved,
 * budget planned and spent, each plan's timeline.
 */
import { barChartSize } from '../../../../core/views/charts.js';
import { DataTable, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { reportStatuses } from '../../tables.js';
import type { PlanProgress } from '../service.js';

export function OverviewPage({ plans, partnerName }: { plans: PlanProgress[]; partnerName: Map<number, string> }) {
  const { t, formatNumber, formatEuros } = useView();
  return (
    <Layout title={t('plans.overview.title')}>
      <PageHeading>{t('plans.overview.title')}</PageHeading>
      <p class="lead">{t('plans.overview.intro')}</p>
      <p>
        <a href="/plans/overview/reports.csv">{t('plans.overview.csv')}</a>
      </p>
      {plans.length === 0 ? <p>{t('plans.overview.none')}</p> : null}
      {plans.length ? (
        <>
          <section aria-labelledby="progress">
            <h2 id="progress">{t('plans.overview.progress')}</h2>
            <figure class="chart">
              <img
                src="/plans/overview/progress.svg"
                alt={t('plans.overview.chartAlt', { title: t('plans.overview.progress') })}
                {...barChartSize(plans.length, true)}
              />
            </figure>
            <DataTable
              caption={t('plans.overview.progressTable')}
              head={
                <tr>
                  <th scope="col">{t('plans.fields.partner')}</th>
                  {reportStatuses.map((status) => (
                    <th scope="col" class="numeric" key={status}>
                      {t(`plans.reportStatuses.${status}`)}
                    </th>
                  ))}
                  <th scope="col" class="numeric">
                    {t('plans.overview.weighted')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('plans.overview.improved')}
                  </th>
                </tr>
              }
            >
              {plans.map((plan) => (
                <tr key={plan.planId}>
                  <th scope="row">
                    <a href={`/plans/${plan.planId}`}>{partnerName.get(plan.partnerId)}</a>
                  </th>
                  {reportStatuses.map((status) => (
                    <td class="numeric" key={status}>
                      {formatNumber(plan.byStatus[status])}
                    </td>
                  ))}
                  <td class="numeric">{plan.progress}%</td>
                  <td class="numeric">{formatNumber(plan.instrumentsImproved)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="budget">
            <h2 id="budget">{t('plans.overview.budget')}</h2>
            <figure class="chart">
              <img
                src="/plans/overview/budget.svg"
                alt={t('plans.overview.chartAlt', { title: t('plans.overview.budget') })}
                {...barChartSize(plans.length, true)}
              />
            </figure>
            <DataTable
              caption={t('plans.overview.budgetTable')}
              head={
                <tr>
                  <th scope="col">{t('plans.fields.partner')}</th>
                  <th scope="col" class="numeric">
                    {t('plans.overview.planned')}
                  </th>
                  <th scope="col" class="numeric">
                    {t('plans.overview.spent')}
                  </th>
                </tr>
              }
            >
              {plans.map((plan) => (
                <tr key={plan.planId}>
                  <th scope="row">{partnerName.get(plan.partnerId)}</th>
                  <td class="numeric">{formatEuros(plan.plannedEur)}</td>
                  <td class="numeric">{formatEuros(plan.spentEur)}</td>
                </tr>
              ))}
            </DataTable>
          </section>
          <section aria-labelledby="timelines">
            <h2 id="timelines">{t('plans.overview.timelines')}</h2>
            {plans.map((plan) => (
              <figure class="chart" key={plan.planId}>
                <figcaption>
                  <a href={`/plans/${plan.planId}#timeline`}>{t('plans.overview.timelineOf', { partner: partnerName.get(plan.partnerId) ?? '' })}</a>
                </figcaption>
                <img
                  src={`/plans/${plan.planId}/timeline.svg`}
                  alt={t('plans.overview.timelineAlt', { partner: partnerName.get(plan.partnerId) ?? '' })}
                  width={720}
                  loading="lazy"
                />
              </figure>
            ))}
          </section>
        </>
      ) : null}
    </Layout>
  );
}
