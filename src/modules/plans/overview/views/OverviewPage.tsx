/**
 * The plans of the programme: the list (who has a plan, in which state), the overview of their implementation
 * for the coordinator and the public (progress, policy instruments improved, budget planned and spent, each
 * plan's timeline), and a plan laid out for printing.
 */
import { barChartSize } from '../../../core/views/charts.js';
import { Form, SubmitButton } from '../../../core/views/components/forms.js';
import { DataTable, PageHeading, Tag } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { PlanDocument } from '../document.js';
import type { PlanProgress, PlanSummary } from '../service.js';
import { reportStatuses } from '../tables.js';

export function PlanListPage({ partners, plans, creatable, readable }: { partners: { id: number; name: string }[]; plans: PlanSummary[]; creatable: number[]; readable: number[] }) {
  const { t } = useView();
  return (
    <Layout title={t('plans.list.title')}>
      <PageHeading>{t('plans.list.title')}</PageHeading>
      <p class="lead">{t('plans.list.intro')}</p>
      <p>
        <a href="/plans/overview">{t('plans.list.overview')}</a>
      </p>
      <DataTable
        caption={t('plans.list.caption')}
        head={
          <tr>
            <th scope="col">{t('plans.fields.partner')}</th>
            <th scope="col">{t('plans.list.endorsed')}</th>
            <th scope="col">{t('plans.list.inProgress')}</th>
          </tr>
        }
      >
        {partners.map((partner) => {
          const plan = plans.find((entry) => entry.partnerId === partner.id);
          return (
            <tr key={partner.id}>
              <th scope="row">{plan && readable.includes(plan.id) ? <a href={`/plans/${plan.id}`}>{partner.name}</a> : partner.name}</th>
              <td>{plan?.endorsedNumber ? t('plans.list.version', { number: plan.endorsedNumber }) : '–'}</td>
              <td>
                {plan?.openStatus ? (
                  <Tag>{t(`plans.statuses.${plan.openStatus}`)}</Tag>
                ) : creatable.includes(partner.id) && !plan ? (
                  <Form action="/plans">
                    <input type="hidden" name="partnerId" value={String(partner.id)} />
                    <SubmitButton variant="secondary">
                      {t('plans.list.start')}
                      <span class="visually-hidden"> {partner.name}</span>
                    </SubmitButton>
                  </Form>
                ) : (
                  '–'
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </Layout>
  );
}

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
              <img src="/plans/overview/progress.svg" alt={t('plans.overview.chartAlt', { title: t('plans.overview.progress') })} {...barChartSize(plans.length, true)} />
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
              <img src="/plans/overview/budget.svg" alt={t('plans.overview.chartAlt', { title: t('plans.overview.budget') })} {...barChartSize(plans.length, true)} />
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
                <img src={`/plans/${plan.planId}/timeline.svg`} alt={t('plans.overview.timelineAlt', { partner: partnerName.get(plan.partnerId) ?? '' })} width={720} loading="lazy" />
              </figure>
            ))}
          </section>
        </>
      ) : null}
    </Layout>
  );
}

/** The plan as a document to print or save as PDF: the same outline as the Word export, without the site around it. */
export function PrintPage({ outline, planId }: { outline: PlanDocument; planId: number }) {
  const { t } = useView();
  return (
    <Layout title={outline.title}>
      <article class="print-document">
        <p class="no-print">
          <a href={`/plans/${planId}`}>{t('common.actions.back')}</a> · {t('plans.print.hint')}
        </p>
        <h1>{outline.title}</h1>
        <p>{outline.subtitle}</p>
        {outline.parts.map((part) => (
          <section key={part.heading}>
            <h2>{part.heading}</h2>
            {part.sections.map((section, index) => (
              <section key={index} class="print-document__section">
                <h3>{section.heading}</h3>
                <dl class="summary-list">
                  {section.rows.map((row) => (
                    <div class="summary-list__row" key={row.label}>
                      <dt class="summary-list__key">{row.label}</dt>
                      <dd class="summary-list__value prose">{row.value || '–'}</dd>
                    </div>
                  ))}
                </dl>
                {section.table ? (
                  <table class="table">
                    <thead>
                      <tr>
                        {section.table.columns.map((column) => (
                          <th scope="col" key={column}>
                            {column}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {section.table.rows.map((row, rowIndex) => (
                        <tr key={rowIndex}>
                          {row.map((value, cellIndex) => (
                            <td key={cellIndex}>{value}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </section>
            ))}
          </section>
        ))}
      </article>
    </Layout>
  );
}
