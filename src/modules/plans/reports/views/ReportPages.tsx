/** Phase-2 monitoring: a plan's reports by semester and action, with their corrections; and the report form. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, FileField, RadioGroup, SelectField, TextArea, TextField, UploadForm } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading, SummaryList, Tag } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { Semester } from '../../../programmes/service.js';
import { improvementTypes, type PlanAction } from '../../content.js';
import { reportStatuses } from '../../tables.js';
import { allowedEvidenceTypes, evidenceLimits, type ProgressReport } from '../service.js';

function Report({ planId, report }: { planId: number; report: ProgressReport }) {
  const { t, formatNumber, formatDateTime } = useView();
  return (
    <>
      <SummaryList
        rows={[
          { key: t('plans.fields.status'), value: <Tag>{t(`plans.reportStatuses.${report.status}`)}</Tag> },
          { key: t('plans.report.percentComplete.label'), value: `${report.percentComplete}%` },
          { key: t('plans.report.spentEur.label'), value: `EUR ${formatNumber(report.spentEur)}` },
          { key: t('plans.report.workDone.label'), value: <p class="prose">{report.workDone}</p> },
          {
            key: t('plans.report.instrumentImproved.legend'),
            value: report.instrumentImproved
              ? `${t(`plans.improvementTypes.${report.improvementType ?? 'new_project'}`)}: ${report.improvementDescription}`
              : t('plans.report.no'),
          },
          {
            key: t('plans.report.evidence'),
            value: report.evidence.length ? (
              <ul>
                {report.evidence.map((item, index) => (
                  <li key={index}>
                    {item.url ? (
                      <a href={item.url} rel="nofollow noopener">
                        {item.url}
                      </a>
                    ) : item.file ? (
                      <a href={`/plans/${planId}/files/${item.file.id}`}>
                        {item.file.name} ({allowedEvidenceTypes[item.file.mediaType] ?? item.file.mediaType},{' '}
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
        ]}
      />
      <p class="card__meta">{t('plans.report.submittedBy', { who: report.submittedBy, when: formatDateTime(report.submittedAt) })}</p>
    </>
  );
}

export function ReportsPage({
  planId,
  partnerName,
  actions,
  semesters,
  reports,
  mayReport,
}: {
  planId: number;
  partnerName: string;
  actions: PlanAction[];
  semesters: Semester[];
  reports: ProgressReport[];
  mayReport: boolean;
}) {
  const { t, formatDate } = useView();
  const title = t('plans.reports.title', { partner: partnerName });
  return (
    <Layout title={title}>
      <BackLink href={`/plans/${planId}`}>{t('common.actions.back')}</BackLink>
      <PageHeading caption={t('plans.reports.caption')}>{title}</PageHeading>
      <p>
        <a href={`/plans/${planId}/reports.csv`}>{t('plans.reports.csv')}</a>
      </p>
      {semesters.length === 0 ? <p>{t('plans.reports.noSemesters')}</p> : null}
      {semesters.map((semester) => (
        <section key={semester.number} aria-labelledby={`semester-${semester.number}`}>
          <h2 id={`semester-${semester.number}`}>
            {t('plans.reports.semester', { number: semester.number, start: formatDate(semester.startsOn), end: formatDate(semester.endsOn) })}
          </h2>
          <ul class="card-list">
            {actions.map((action) => {
              const history = reports.filter((report) => report.actionKey === action.key && report.semester === semester.number);
              const current = history.find((report) => report.current);
              const superseded = history.filter((report) => !report.current).reverse();
              return (
                <li key={action.key} class="card">
                  <h3 class="card__title">{action.title}</h3>
                  {current ? <Report planId={planId} report={current} /> : <p>{t('plans.reports.missing')}</p>}
                  {superseded.length ? (
                    <details>
                      <summary>{t('plans.reports.superseded', { count: superseded.length })}</summary>
                      {superseded.map((report) => (
                        <div key={report.id} class="inset">
                          <Report planId={planId} report={report} />
                        </div>
                      ))}
                    </details>
                  ) : null}
                  {mayReport ? (
                    <a href={`/plans/${planId}/reports/new?action=${action.key}&semester=${semester.number}`}>
                      {current ? t('plans.reports.correct') : t('plans.reports.file')}
                      <span class="visually-hidden"> {t('plans.reports.forAction', { action: action.title, number: semester.number })}</span>
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Layout>
  );
}

export function ReportFormPage({
  planId,
  action,
  semesters,
  semester,
  state,
  correcting,
}: {
  planId: number;
  action: PlanAction;
  semesters: Semester[];
  semester: number;
  state: FormState;
  correcting: boolean;
}) {
  const { t, formatDate } = useView();
  const title = t('plans.report.title', { action: action.title });
  const types = Object.values(allowedEvidenceTypes).join(', ');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/plans/${planId}/reports`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={t('plans.reports.caption')}>{title}</PageHeading>
      {correcting ? <p class="inset">{t('plans.report.correcting')}</p> : null}
      <UploadForm action={`/plans/${planId}/reports?action=${action.key}`} submit={t('plans.report.submit')}>
        <SelectField
          name="semester"
          label={t('plans.report.semester.label')}
          state={state}
          value={String(semester)}
          options={semesters.map((entry) => ({
            value: String(entry.number),
            label: t('plans.reports.semester', { number: entry.number, start: formatDate(entry.startsOn), end: formatDate(entry.endsOn) }),
          }))}
        />
        <RadioGroup
          name="status"
          legend={t('plans.report.status.legend')}
          state={state}
          options={reportStatuses.map((status) => ({ value: status, label: t(`plans.reportStatuses.${status}`) }))}
        />
        <TextField
          name="percentComplete"
          type="number"
          label={t('plans.report.percentComplete.label')}
          hint={t('plans.report.percentComplete.hint')}
          state={state}
          width="short"
          inputMode="numeric"
        />
        <TextField
          name="spentEur"
          label={t('plans.report.spentEur.label')}
          hint={t('plans.report.spentEur.hint')}
          state={state}
          width="medium"
          inputMode="decimal"
        />
        <TextArea name="workDone" label={t('plans.report.workDone.label')} state={state} rows={5} />
        <TextArea name="links" label={t('plans.report.links.label')} hint={t('plans.report.links.hint')} state={state} rows={3} />
        <FileField
          name="files"
          label={t('plans.report.files.label')}
          hint={t('plans.report.files.hint', { types })}
          state={state}
          accept=".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"
          limits={evidenceLimits}
        />
        <RadioGroup
          name="instrumentImproved"
          legend={t('plans.report.instrumentImproved.legend')}
          state={state}
          options={[
            { value: 'yes', label: t('plans.report.yes') },
            { value: 'no', label: t('plans.report.no') },
          ]}
        />
        <RadioGroup
          name="improvementType"
          legend={t('plans.report.improvementType.legend')}
          hint={t('plans.report.improvementType.hint')}
          state={state}
          options={improvementTypes.map((type) => ({ value: type, label: t(`plans.improvementTypes.${type}`) }))}
        />
        <TextArea name="improvementDescription" label={t('plans.report.improvementDescription.label')} state={state} rows={3} />
        <p>{t('plans.report.lockNote')}</p>
      </UploadForm>
    </Layout>
  );
}
