/** Uploading a CSV or JSON file of practices, and the report that follows: every problem by line and column. */
import type { FormState } from '../../../../core/validation/forms.js';
import { oneFile } from '../../../../core/http/uploads.js';
import { Checkbox, ErrorSummary, FileField, SelectField, SubmitButton, UploadForm, type Option } from '../../../../core/views/components/forms.js';
import { ImportProblemsTable } from '../../../../core/views/components/import-problems.js';
import { BackLink, Inset, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { outcomeOf, practiceColumns, requiredColumns, type ImportReport } from '../import.js';

export const webImportMaxRows = 5000;
export const webImportMaxMegabytes = 20;

export function ImportPage({ programmes, mayAdjust, state }: { programmes: Option[]; mayAdjust: boolean; state?: FormState }) {
  const { t } = useView();
  return (
    <Layout title={t('practices.import.title')} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href="/practices">{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{t('practices.import.title')}</PageHeading>
      <p>{t('practices.import.intro', { rows: webImportMaxRows, megabytes: webImportMaxMegabytes })}</p>
      <details class="details">
        <summary>{t('practices.import.columnsSummary')}</summary>
        <p>{t('practices.import.columnsRequired', { columns: requiredColumns.join(', ') })}</p>
        <p>
          <code>{practiceColumns.join(', ')}</code>
        </p>
        <p>{t('practices.import.columnsHint')}</p>
        <p>{t('practices.import.columnsCells')}</p>
      </details>
      <UploadForm
        action="/practices/import"
        submit={
          <div class="button-group">
            <SubmitButton>{t('practices.import.submit')}</SubmitButton>
            <SubmitButton variant="secondary" name="dryRun" value="yes">
              {t('practices.import.checkOnly')}
            </SubmitButton>
          </div>
        }
      >
        {programmes.length > 1 ? (
          <SelectField name="programmeId" label={t('practices.import.programme')} options={programmes} state={state} />
        ) : (
          <input type="hidden" name="programmeId" value={programmes[0]?.value ?? ''} />
        )}
        <FileField
          name="file"
          label={t('practices.import.file')}
          hint={t('practices.import.fileHint')}
          state={state}
          accept=".csv,.json,text/csv,application/json"
          limits={oneFile(webImportMaxMegabytes)}
        />
        <Checkbox name="skipInvalid" label={t('practices.import.skipInvalid')} hint={t('practices.import.skipInvalidHint')} state={state} />
        {mayAdjust ? (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('practices.import.adjustLegend')}</legend>
            <Checkbox name="fixSummaries" label={t('practices.import.fixSummaries')} hint={t('practices.import.fixSummariesHint')} state={state} />
            <Checkbox name="createThemes" label={t('practices.import.createThemes')} hint={t('practices.import.createThemesHint')} state={state} />
          </fieldset>
        ) : null}
      </UploadForm>
    </Layout>
  );
}

/** Captions of the changes table: what was done, or what the import would do (to the valid rows, when it is refused). */
const changesCaption = { imported: 'changesMade', would_import: 'changesWould', refused: 'changesWouldValid', would_refuse: 'changesWouldValid' } as const;

export function ImportReportPage({ report, fileName }: { report: ImportReport; fileName: string }) {
  const { t, formatNumber } = useView();
  const outcome = outcomeOf(report);
  const refused = outcome === 'refused' || outcome === 'would_refuse';
  const title = {
    imported: () => t('practices.import.report.doneTitle', { count: report.imported }),
    would_import: () => t('practices.import.report.checkedTitle'),
    refused: () => t('practices.import.report.refusedTitle'),
    would_refuse: () => t('practices.import.report.checkRefusedTitle'),
  }[outcome]();
  // Why nothing was (or would be) written, and what to do about it; a check never says to upload the file again to import it.
  const refusal = report.fileError
    ? t(report.fileError.key, report.fileError.values)
    : outcome === 'refused'
      ? report.valid === 0
        ? t('practices.import.report.noValidRows')
        : t('practices.import.report.nothingWritten', { count: report.invalid })
      : report.valid === 0
        ? t('practices.import.report.checkNoValidRows')
        : t('practices.import.report.checkNothingWritten', { count: report.invalid, option: t('practices.import.skipInvalid') });
  return (
    <Layout title={title} hasErrors={refused}>
      <PageHeading caption={fileName}>{title}</PageHeading>
      {refused ? (
        <ErrorSummary>
          <p>{refusal}</p>
        </ErrorSummary>
      ) : null}
      {outcome === 'would_import' ? (
        <Inset>
          <p>{t('practices.import.report.checkedIntro', { count: report.wouldImport, button: t('practices.import.submit') })}</p>
        </Inset>
      ) : null}
      <SummaryList
        rows={[
          { key: t('practices.import.report.rows'), value: formatNumber(report.rows) },
          { key: t('practices.import.report.valid'), value: formatNumber(report.valid) },
          { key: t('practices.import.report.invalid'), value: formatNumber(report.invalid) },
          { key: t('practices.import.report.imported'), value: formatNumber(report.imported) },
          ...(report.warningCount > 0 ? [{ key: t('practices.import.report.warnings'), value: formatNumber(report.warningCount) }] : []),
        ]}
      />
      <ImportProblemsTable
        format={report.format}
        problems={report.problems}
        total={report.problemCount}
        caption={t('practices.import.report.problemsCaption')}
        more="practices.import.report.moreProblems"
      />
      <ImportProblemsTable
        format={report.format}
        problems={report.changes}
        total={report.changeCount}
        caption={t(`practices.import.report.${changesCaption[outcome]}`)}
        more="practices.import.report.moreChanges"
      />
      <ImportProblemsTable
        format={report.format}
        problems={report.warnings}
        total={report.warningCount}
        caption={t(outcome === 'imported' ? 'practices.import.report.warningsCaption' : 'practices.import.report.warningsCaptionCheck')}
        more="practices.import.report.moreWarnings"
      />
      <p>
        <a href="/practices/import">{t('practices.import.report.again')}</a> · <a href="/practices">{t('practices.import.report.library')}</a>
      </p>
    </Layout>
  );
}
