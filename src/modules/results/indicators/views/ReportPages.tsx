/** Reported values: an indicator's values by partner and semester, the reporting form, one value with its history and review, the queue. */
import type { FormState } from '../../../../core/validation/forms.js';
import {
  ErrorSummary,
  FileField,
  Form,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  UploadForm,
} from '../../../../core/views/components/forms.js';
import { BackLink, DataTable, PageHeading, SummaryList, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { PartnerSummary } from '../../../partners/service.js';
import type { Semester } from '../../../programmes/service.js';
import type { IndicatorReportStatus, LocalisedText } from '../../tables.js';
import type { Indicator } from '../../types.js';
import type { Unit } from '../../units.js';
import { allowedEvidenceTypes, evidenceLimits, type ReportedValue } from '../service.js';
import { localised } from './IndicatorPages.js';

const tone = (status: IndicatorReportStatus) => (status === 'validated' ? 'success' : status === 'returned' ? 'warning' : 'neutral');

function StatusTag({ status }: { status: IndicatorReportStatus }) {
  const { t } = useView();
  return <Tag tone={tone(status)}>{t(`indicators.statuses.${status}`)}</Tag>;
}

function ValueSummary({ report, unit }: { report: ReportedValue; unit: Unit }) {
  const { t, formatNumber, formatDateTime } = useView();
  return (
    <>
      <SummaryList
        rows={[
          { key: t('indicators.report.status'), value: <StatusTag status={report.status} /> },
          { key: t('indicators.report.value.label'), value: `${formatNumber(report.value)} (${t(`indicators.units.${unit}`)})` },
          { key: t('indicators.report.explanation.label'), value: <p class="prose">{report.explanation}</p> },
          {
            key: t('indicators.report.evidence'),
            value: report.evidence.length ? (
              <ul>
                {report.evidence.map((item, index) => (
                  <li key={index}>
                    {item.url ? (
                      <a href={item.url} rel="nofollow noopener">
                        {item.url}
                      </a>
                    ) : item.file ? (
                      <a href={`/results/indicators/files/${item.file.id}`}>
                        {item.file.name} ({allowedEvidenceTypes[item.file.mediaType]?.label ?? item.file.mediaType},{' '}
                        {formatNumber(Math.ceil(item.file.sizeBytes / 1024))} KB)
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              '–'
            ),
          },
          ...(report.reviewComment ? [{ key: t('indicators.review.comment.label'), value: <p class="prose">{report.reviewComment}</p> }] : []),
        ]}
      />
      <p class="card__meta">
        {t('indicators.report.reportedBy', { who: report.reportedBy, when: formatDateTime(report.reportedAt) })}
        {report.reviewedBy && report.reviewedAt
          ? ` ${t('indicators.report.reviewedBy', { who: report.reviewedBy, when: formatDateTime(report.reviewedAt) })}`
          : ''}
        {report.illustrative ? ` ${t('indicators.report.illustrative')}` : ''}
      </p>
    </>
  );
}

export function IndicatorReportsPage({
  indicator,
  partners,
  semesters,
  reports,
  mayReport,
}: {
  indicator: Indicator;
  partners: PartnerSummary[];
  semesters: Semester[];
  reports: ReportedValue[];
  mayReport: boolean;
}) {
  const { t, locale, formatNumber } = useView();
  const title = t('indicators.reports.title', { indicator: localised(indicator.names, locale) });
  const current = reports.filter((report) => report.current);
  return (
    <Layout title={title}>
      <BackLink href={`/results/indicators?programme=${indicator.programmeId}`}>{t('common.actions.back')}</BackLink>
      <PageHeading caption={indicator.code}>{title}</PageHeading>
      {mayReport ? (
        <p>
          <a href={`/results/indicators/${indicator.id}/reports/new`}>{t('indicators.reports.report')}</a>
        </p>
      ) : null}
      <DataTable
        caption={t('indicators.reports.caption')}
        head={
          <tr>
            <th scope="col">{t('indicators.report.partner.label')}</th>
            <th scope="col">{t('indicators.report.semester.label')}</th>
            <th scope="col">{t('indicators.report.value.label')}</th>
            <th scope="col">{t('indicators.report.status')}</th>
          </tr>
        }
      >
        {current.map((report) => (
          <tr key={report.id}>
            <td>{partners.find((partner) => partner.id === report.partnerId)?.name ?? ''}</td>
            <td>{semesters.find((semester) => semester.number === report.semester)?.number ?? report.semester}</td>
            <td>
              <a href={`/results/indicators/reports/${report.id}`}>{formatNumber(report.value)}</a>
            </td>
            <td>
              <StatusTag status={report.status} />
            </td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}

export function ReportFormPage({
  indicator,
  partners,
  semesters,
  state,
}: {
  indicator: Indicator;
  partners: PartnerSummary[];
  semesters: Semester[];
  state: FormState;
}) {
  const { t, locale, formatDate } = useView();
  const title = t('indicators.report.title', { indicator: localised(indicator.names, locale) });
  const types = Object.values(allowedEvidenceTypes)
    .map((type) => type.label)
    .join(', ');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/results/indicators/${indicator.id}/reports`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={indicator.code}>{title}</PageHeading>
      <p>{t('indicators.report.correctionNote')}</p>
      <UploadForm action={`/results/indicators/${indicator.id}/reports`} submit={t('indicators.report.submit')}>
        <SelectField
          name="partner"
          label={t('indicators.report.partner.label')}
          state={state}
          options={partners.map((partner) => ({ value: String(partner.id), label: partner.name }))}
        />
        <SelectField
          name="semester"
          label={t('indicators.report.semester.label')}
          state={state}
          options={semesters.map((semester) => ({
            value: String(semester.number),
            label: t('indicators.report.semester.option', { number: semester.number, start: formatDate(semester.startsOn), end: formatDate(semester.endsOn) }),
          }))}
        />
        <TextField
          name="value"
          label={t('indicators.report.value.label')}
          hint={t('indicators.report.value.hint', { unit: t(`indicators.units.${indicator.unit}`) })}
          state={state}
          width="medium"
          inputMode="decimal"
        />
        <TextArea name="explanation" label={t('indicators.report.explanation.label')} state={state} rows={5} />
        <TextArea name="links" label={t('indicators.report.links.label')} hint={t('indicators.report.links.hint')} state={state} rows={3} />
        <FileField
          name="files"
          label={t('indicators.report.files.label')}
          hint={t('indicators.report.files.hint', { types })}
          state={state}
          accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"
          limits={evidenceLimits}
        />
      </UploadForm>
    </Layout>
  );
}

export function ReportPage({
  indicator,
  partnerName,
  report,
  history,
  mayReview,
  mayCorrect,
  state,
  refusal,
}: {
  indicator: Indicator;
  partnerName: string;
  report: ReportedValue;
  history: ReportedValue[];
  mayReview: boolean;
  mayCorrect: boolean;
  state: FormState;
  refusal?: string | undefined;
}) {
  const { t, locale } = useView();
  const title = t('indicators.value.title', { indicator: localised(indicator.names, locale), partner: partnerName, semester: report.semester });
  const earlier = history.filter((entry) => entry.id !== report.id).reverse();
  return (
    <Layout title={title} hasErrors={state.errors.length > 0 || refusal !== undefined}>
      <BackLink href={`/results/indicators/${indicator.id}/reports`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state}>{refusal ? <p>{refusal}</p> : undefined}</ErrorSummary>
      <PageHeading caption={indicator.code}>{title}</PageHeading>
      {report.current ? null : <p class="inset">{t('indicators.value.superseded')}</p>}
      <ValueSummary report={report} unit={indicator.unit} />
      {mayCorrect && report.current ? (
        <p>
          <a href={`/results/indicators/${indicator.id}/reports/new?partner=${report.partnerId}&semester=${report.semester}`}>
            {t('indicators.value.correct')}
          </a>
        </p>
      ) : null}
      {mayReview && report.current && report.status === 'submitted' ? (
        <section aria-labelledby="review">
          <h2 id="review">{t('indicators.review.title')}</h2>
          <Form action={`/results/indicators/reports/${report.id}/review`}>
            <RadioGroup
              name="decision"
              legend={t('indicators.review.decision.legend')}
              state={state}
              options={[
                { value: 'validate', label: t('indicators.review.validate') },
                { value: 'return', label: t('indicators.review.return') },
              ]}
            />
            <TextArea name="comment" label={t('indicators.review.comment.label')} hint={t('indicators.review.comment.hint')} state={state} rows={3} />
            <SubmitButton>{t('indicators.review.submit')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">{t('indicators.value.history')}</h2>
        {earlier.length === 0 ? <p>{t('indicators.value.noHistory')}</p> : null}
        {earlier.map((entry) => (
          <div key={entry.id} class="inset">
            <h3>
              <a href={`/results/indicators/reports/${entry.id}`}>{t('indicators.value.version', { id: entry.id })}</a>
            </h3>
            <ValueSummary report={entry} unit={indicator.unit} />
          </div>
        ))}
      </section>
    </Layout>
  );
}

export function QueuePage({
  programmeId,
  status,
  reports,
  partners,
}: {
  programmeId: number;
  status: IndicatorReportStatus;
  reports: (ReportedValue & { code: string; names: LocalisedText; unit: Unit })[];
  partners: PartnerSummary[];
}) {
  const { t, locale, formatNumber, formatDateTime } = useView();
  const title = t('indicators.queue.title', { status: t(`indicators.statuses.${status}`) });
  return (
    <Layout title={title}>
      <BackLink href={`/results/indicators?programme=${programmeId}`}>{t('common.actions.back')}</BackLink>
      <PageHeading caption={t('indicators.caption')}>{title}</PageHeading>
      <Form action="/results/indicators/reports" method="get">
        <input type="hidden" name="programme" value={String(programmeId)} />
        <SelectField
          name="status"
          label={t('indicators.report.status')}
          value={status}
          options={(['submitted', 'returned', 'validated'] as const).map((entry) => ({ value: entry, label: t(`indicators.statuses.${entry}`) }))}
        />
        <button type="submit" class="button button--secondary">
          {t('indicators.queue.show')}
        </button>
      </Form>
      {reports.length === 0 ? <p>{t('indicators.queue.empty')}</p> : null}
      <DataTable
        caption={title}
        head={
          <tr>
            <th scope="col">{t('indicators.fields.name')}</th>
            <th scope="col">{t('indicators.report.partner.label')}</th>
            <th scope="col">{t('indicators.report.semester.label')}</th>
            <th scope="col">{t('indicators.report.value.label')}</th>
            <th scope="col">{t('indicators.queue.reported')}</th>
          </tr>
        }
      >
        {reports.map((report) => (
          <tr key={report.id}>
            <td>
              <a href={`/results/indicators/reports/${report.id}`}>
                {report.code} {localised(report.names, locale)}
              </a>
            </td>
            <td>{partners.find((partner) => partner.id === report.partnerId)?.name ?? ''}</td>
            <td>{report.semester}</td>
            <td>
              {formatNumber(report.value)} ({t(`indicators.units.${report.unit}`)})
            </td>
            <td>{formatDateTime(report.reportedAt)}</td>
          </tr>
        ))}
      </DataTable>
    </Layout>
  );
}
