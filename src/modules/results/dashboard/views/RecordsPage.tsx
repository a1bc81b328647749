/**
 * The records behind one figure: for a computed figure the records its formula counts (each linked to its own page,
 * with its date and what it adds), for a reported one the reports that add up to it with their explanation and
 * evidence, those awaiting validation marked (the programme's staff only).
 */
import { BackLink, DataTable, PageHeading, Tag } from '../../../../core/views/components/ui.js';
import { mayAttempt } from '../../../../core/policy/policy.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { FigureTrace } from '../../figures/index.js';
import { queryOf, type Filters } from '../filters.js';
import { localised } from '../text.js';
import { AwaitingValidation, useValueFormat } from './parts.js';

interface Props {
  trace: FigureTrace;
  filters: Filters;
  partnerName: Map<number, string>;
}

/** Where a reported value's report is shown (the indicators work's page of a report). */
/** A reported value's own page, with its evidence and history: for the programme's staff only. */
export const reportHref = (reportId: number) => `/results/indicators/reports/${reportId}`;

export function RecordsPage({ trace, filters, partnerName }: Props) {
  const { t, formatDate, locale, actor } = useView();
  const format = useValueFormat();
  const unit = trace.indicator?.unit ?? (trace.method === 'computed' ? trace.formula.unit : 'count');
  const name = trace.indicator
    ? `${trace.indicator.code} – ${localised(trace.indicator.names, locale).text}`
    : trace.method === 'computed'
      ? t(trace.formula.nameKey)
      : '';
  const semester = trace.semesters.find((candidate) => candidate.number === filters.semester);
  const scope = filters.partnerId === null ? t('results.dashboard.wholeProgramme') : (partnerName.get(filters.partnerId) ?? '');
  const title = t('results.records.title', { name });
  return (
    <Layout title={title}>
      <BackLink href={`/results${queryOf(filters)}`}>{t('results.records.back')}</BackLink>
      <PageHeading caption={trace.programme.title}>{title}</PageHeading>
      <p>
        <strong>{scope}</strong>, {t('results.dashboard.asAt', { number: filters.semester, date: semester ? formatDate(semester.endsOn) : '' })}
      </p>
      <p class="indicator__figure">
        {t('results.records.total')} <strong>{format(trace.value, unit)}</strong>
      </p>
      {trace.method === 'reported' && trace.unvalidated !== null ? (
        <p>
          <AwaitingValidation>{t('results.dashboard.withAwaiting', { value: format(trace.unvalidated, unit) })}</AwaitingValidation>
        </p>
      ) : null}
      {trace.method === 'computed' ? (
        <>
          <p>
            <strong>{t('results.dashboard.formula')}</strong> {t(trace.formula.descriptionKey)}
          </p>
          {trace.records.length === 0 ? (
            <p class="empty-state">{t('results.records.none')}</p>
          ) : (
            <DataTable
              caption={t('results.records.caption', { name, count: trace.records.length })}
              head={
                <tr>
                  <th scope="col">{t('results.records.record')}</th>
                  <th scope="col">{t('results.records.kind')}</th>
                  <th scope="col">{t('results.dashboard.partner')}</th>
                  <th scope="col">{t('results.records.date')}</th>
                  <th scope="col" class="numeric">
                    {t('results.records.adds')}
                  </th>
                </tr>
              }
            >
              {trace.records.map((record) => (
                <tr key={`${record.kindKey}:${record.id}`}>
                  <th scope="row">
                    <a href={record.href}>{record.label}</a>
                  </th>
                  <td>{t(record.kindKey)}</td>
                  <td>{partnerName.get(record.partnerId) ?? ''}</td>
                  <td>{formatDate(record.date)}</td>
                  <td class="numeric">
                    {format(record.value, unit)}
                    {record.weight !== undefined ? ` (${t('results.records.weight', { weight: record.weight })})` : ''}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ) : trace.reports.length === 0 ? (
        <p class="empty-state">{t('results.records.noReports')}</p>
      ) : (
        <DataTable
          caption={t('results.records.reportsCaption', { name, count: trace.reports.length })}
          head={
            <tr>
              <th scope="col">{t('results.records.report')}</th>
              <th scope="col">{t('results.dashboard.partner')}</th>
              <th scope="col">{t('results.records.reportedAt')}</th>
              <th scope="col" class="numeric">
                {t('results.records.adds')}
              </th>
              <th scope="col">{t('results.records.explanation')}</th>
              <th scope="col" class="numeric">
                {t('results.records.evidence')}
              </th>
            </tr>
          }
        >
          {trace.reports.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                {mayAttempt(actor, 'results.read_unvalidated') ? (
                  <a href={reportHref(report.id)}>{t('results.records.reportOf', { number: report.semester })}</a>
                ) : (
                  t('results.records.reportOf', { number: report.semester })
                )}
                {report.status === 'submitted' ? (
                  <>
                    {' '}
                    <Tag tone="warning">{t('results.dashboard.awaitingValidation')}</Tag>
                  </>
                ) : null}
                {report.illustrative ? (
                  <>
                    {' '}
                    <Tag tone="muted">{t('results.records.illustrative')}</Tag>
                  </>
                ) : null}
              </th>
              <td>{partnerName.get(report.partnerId) ?? ''}</td>
              <td>{formatDate(report.reportedAt)}</td>
              <td class="numeric">{format(report.value, unit)}</td>
              <td>{report.explanation}</td>
              <td class="numeric">{report.evidenceCount}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Layout>
  );
}
