/** Uploading a file of instruments or of an instrument's impact measurements, and the report that follows. */
import type { FormState } from '../../../../core/validation/forms.js';
import { oneFile } from '../../../../core/http/uploads.js';
import { ErrorSummary, FileField, UploadForm } from '../../../../core/views/components/forms.js';
import { ImportProblemsTable } from '../../../../core/views/components/import-problems.js';
import { BackLink, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { catalogueColumns } from '../service.js';
import { impactColumns, impactImportMaxRows, requiredImpactColumns } from '../impact-import.js';
import { catalogueImportMaxRows, importMaxMegabytes, requiredCatalogueColumns, type ImportReport } from '../import.js';

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

/** The upload of either file: one file within the exchange's limit. */
function FileForm({ action, state }: { action: string; state: FormState | undefined }) {
  const { t } = useView();
  return (
    <UploadForm action={action} submit={t('instrumentData.form.submit')}>
      <FileField
        name="file"
        label={t('instrumentData.form.file')}
        state={state}
        hint={t('instrumentData.form.fileHint')}
        accept=".csv,.json,text/csv,application/json"
        limits={oneFile(importMaxMegabytes)}
      />
    </UploadForm>
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
      <FileForm action="/instruments/import" state={state} />
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
      <FileForm action={`/instruments/${instrument.id}/impact/import`} state={state} />
    </Layout>
  );
}

/** After an upload: what was imported, or why nothing was. `target` is where the imported records are shown. */
export function ImportReportPage({
  report,
  fileName,
  kind,
  target,
}: {
  report: ImportReport;
  fileName: string;
  kind: 'catalogue' | 'impact';
  target: { href: string; label: string };
}) {
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
      {imported ? null : (
        <ErrorSummary>
          <p>{report.fileError ? t(report.fileError.key, report.fileError.values) : t('instrumentData.report.nothingWritten')}</p>
        </ErrorSummary>
      )}
      <SummaryList
        rows={[
          { key: t('instrumentData.report.rows'), value: formatNumber(report.rows) },
          { key: t('instrumentData.report.problemCount'), value: formatNumber(report.problemCount) },
          { key: t('instrumentData.report.imported'), value: formatNumber(report.imported) },
        ]}
      />
      <ImportProblemsTable
        format={report.format}
        problems={report.problems}
        total={report.problemCount}
        caption={t('instrumentData.report.problemsCaption')}
        more="instrumentData.report.moreProblems"
      />
      <p>
        <a href={again}>{t('instrumentData.report.again')}</a> · <a href={target.href}>{target.label}</a>
      </p>
    </Layout>
  );
}
