/** Uploading a file of instruments or of an instrument's impact measurements, and the report that follows. */
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, FileField, SubmitButton } from '../../../core/views/components/forms.js';
import { BackLink, DataTable, Inset, PageHeading, SummaryList } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import { catalogueColumns } from '../exchange.js';
import { impactColumns, impactImportMaxRows, requiredImpactColumns } from '../exchange-impact.js';
import { catalogueImportMaxRows, importMaxMegabytes, requiredCatalogueColumns, type ImportReport } from '../exchange-import.js';

function Columns({ columns, required, hint }: { columns: readonly string[]; required: readonly string[]; hint: string }) {
  const { t } = useView();
  return (
    <details class="details">
      <summary>{t('instrumentData.form.columnsSummary')}</summary>
      <p>{t('instrumentData.form.columnsRequired', { columns: required.join(', ') })}</p>
      <p>
        <code>{columns.join(', ')}</code>
      </p>
      <p>{hint}</p>
    </details>
  );
}

function UploadForm({ action, state, hint, submit }: { action: string; state: FormState | undefined; hint: string; submit: string }) {
  const { t } = useView();
  return (
    <form action={action} method="post" encType="multipart/form-data" noValidate>
      <FileField name="file" label={t('instrumentData.form.file')} state={state} hint={hint} accept=".csv,.json,text/csv,application/json" />
      <SubmitButton>{submit}</SubmitButton>
    </form>
  );
}

export function CatalogueImportPage({ state }: { state?: FormState }) {
  const { t } = useView();
  return (
    <Layout title={t('instrumentData.catalogue.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/instruments">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{t('instrumentData.catalogue.title')}</PageHeading>
      <p>{t('instrumentData.catalogue.intro', { rows: catalogueImportMaxRows, megabytes: importMaxMegabytes })}</p>
      <Columns columns={catalogueColumns} required={requiredCatalogueColumns} hint={t('instrumentData.catalogue.columnsHint')} />
      <UploadForm action="/instruments/import" state={state} hint={t('instrumentData.form.fileHint')} submit={t('instrumentData.form.submit')} />
    </Layout>
  );
}

export function ImpactImportPage({ instrument, state }: { instrument: { id: number; name: string }; state?: FormState }) {
  const { t } = useView();
  return (
    <Layout title={t('instrumentData.impact.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/instruments/${instrument.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={instrument.name}>{t('instrumentData.impact.title')}</PageHeading>
      <p>{t('instrumentData.impact.intro', { rows: impactImportMaxRows, megabytes: importMaxMegabytes })}</p>
      <Columns columns={impactColumns} required={requiredImpactColumns} hint={t('instrumentData.impact.columnsHint')} />
      <UploadForm action={`/instruments/${instrument.id}/impact/import`} state={state} hint={t('instrumentData.form.fileHint')} submit={t('instrumentData.form.submit')} />
    </Layout>
  );
}

function Refusal({ report }: { report: ImportReport }) {
  const { t } = useView();
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-module="error-summary">
      <h2 id="error-summary-title" class="error-summary__title">
        {t('common.errors.summaryTitle')}
      </h2>
      <p>{report.fileError ? t(report.fileError.key, report.fileError.values) : t('instrumentData.report.nothingWritten')}</p>
    </div>
  );
}

function Problems({ report }: { report: ImportReport }) {
  const { t } = useView();
  if (report.problems.length === 0) return null;
  return (
    <>
      <DataTable
        caption={t('instrumentData.report.problemsCaption')}
        head={
          <tr>
            <th scope="col">{report.format === 'csv' ? t('instrumentData.report.line') : t('instrumentData.report.item')}</th>
            <th scope="col">{t('instrumentData.report.column')}</th>
            <th scope="col">{t('instrumentData.report.problem')}</th>
          </tr>
        }
      >
        {report.problems.map((problem, index) => (
          <tr key={index}>
            <td class="numeric">{problem.position}</td>
            <td>{problem.column ? <code>{problem.column}</code> : null}</td>
            <td>{t(problem.key, problem.values)}</td>
          </tr>
        ))}
      </DataTable>
      {report.problemCount > report.problems.length ? (
        <Inset>
          <p>{t('instrumentData.report.moreProblems', { shown: report.problems.length, total: report.problemCount })}</p>
        </Inset>
      ) : null}
    </>
  );
}

/** After an upload: what was imported, or why nothing was. `target` is where the imported records are shown. */
export function ImportReportPage({ report, fileName, kind, target }: { report: ImportReport; fileName: string; kind: 'catalogue' | 'impact'; target: { href: string; label: string } }) {
  const { t, formatNumber } = useView();
  const imported = report.imported > 0;
  const title = !imported
    ? t('instrumentData.report.refusedTitle')
    : kind === 'catalogue'
      ? t('instrumentData.report.instrumentsImported', { count: report.imported })
      : t('instrumentData.report.periodsImported', { count: report.imported });
  const again = kind === 'catalogue' ? '/instruments/import' : `${target.href}/impact/import`;
  return (
    <Layout title={title} hasErrors={!imported}>
      <PageHeading caption={fileName}>{title}</PageHeading>
      {imported ? null : <Refusal report={report} />}
      <SummaryList
        rows={[
          { key: t('instrumentData.report.rows'), value: formatNumber(report.rows) },
          { key: t('instrumentData.report.problemCount'), value: formatNumber(report.problemCount) },
          { key: t('instrumentData.report.imported'), value: formatNumber(report.imported) },
        ]}
      />
      <Problems report={report} />
      <p>
        <a href={again}>{t('instrumentData.report.again')}</a> · <a href={target.href}>{target.label}</a>
      </p>
    </Layout>
  );
}
