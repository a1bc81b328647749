/** One transfer: the practice, the importing partner, the stages recorded so far, and the visitors' assessments. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField } from '../../../../core/views/components/forms.js';
import { ButtonLink, DataTable, PageHeading, SummaryList } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { assessmentCriteria } from '../../schema.js';
import { stageIndex, type Transfer } from '../service.js';
import type { TransferEvent } from '../events.js';
import { transferStages } from '../../tables.js';

interface Props {
  transfer: Transfer;
  /** Events the stage may have taken place at (offered in the form when there are any). */
  events: TransferEvent[];
  ownerName: string;
  importerName: string;
  mayRecord: boolean;
  mayAssess: boolean;
  state?: FormState;
}

export function TransferPage({ transfer, events, ownerName, importerName, mayRecord, mayAssess, state }: Props) {
  const { t, formatDate } = useView();
  const title = t('practices.transfers.page.title', { practice: transfer.practiceTitle, importer: importerName });
  const nextStages = transferStages.filter((stage) => stageIndex(stage) > stageIndex(transfer.stage));
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading caption={t('practices.transfers.page.caption')}>{title}</PageHeading>
      <SummaryList
        rows={[
          { key: t('practices.transfers.page.practice'), value: <a href={`/practices/${transfer.practiceId}`}>{transfer.practiceTitle}</a> },
          { key: t('practices.transfers.page.owner'), value: ownerName },
          { key: t('practices.transfers.page.importer'), value: importerName },
          { key: t('practices.transfers.page.stage'), value: t(`practices.transfers.stages.${transfer.stage}`) },
        ]}
      />

      <section aria-labelledby="stages">
        <h2 id="stages">{t('practices.transfers.page.stages')}</h2>
        <ol class="stage-list">
          {transferStages.map((stage) => {
            const record = transfer.stages.find((entry) => entry.stage === stage);
            return (
              <li key={stage} class={`stage-list__item${record ? ' stage-list__item--done' : ''}`}>
                <h3 class="stage-list__title">{t(`practices.transfers.stages.${stage}`)}</h3>
                {record ? (
                  <>
                    <p class="stage-list__meta">{t('practices.transfers.page.recorded', { date: formatDate(record.occurredOn), who: record.recordedBy })}</p>
                    {record.event ? (
                      <p>
                        {t('practices.transfers.page.atEvent')} <a href={`/events/${record.event.id}`}>{record.event.title}</a>
                      </p>
                    ) : null}
                    {record.notes ? <p class="prose">{record.notes}</p> : null}
                  </>
                ) : (
                  <p class="stage-list__meta">{t('practices.transfers.page.notRecorded')}</p>
                )}
              </li>
            );
          })}
        </ol>
        {mayRecord && nextStages.length > 0 ? (
          <Form action={`/transfers/${transfer.id}/stages`} class="panel">
            <h3>{t('practices.transfers.stageForm.title')}</h3>
            <SelectField
              name="stage"
              label={t('practices.transfers.stageForm.stage.label')}
              state={state}
              options={nextStages.map((stage) => ({ value: stage, label: t(`practices.transfers.stages.${stage}`) }))}
            />
            <TextField
              name="occurredOn"
              type="date"
              label={t('practices.transfers.stageForm.occurredOn.label')}
              hint={t('common.dateHint')}
              state={state}
              width="medium"
            />
            {events.length ? (
              <SelectField
                name="eventId"
                label={t('practices.transfers.stageForm.eventId.label')}
                hint={t('practices.transfers.stageForm.eventId.hint')}
                state={state}
                placeholder={t('practices.transfers.stageForm.eventId.none')}
                options={events.map((event) => ({ value: String(event.id), label: `${event.title} (${formatDate(event.startsAt)})` }))}
              />
            ) : null}
            <TextArea name="notes" label={t('practices.transfers.stageForm.notes.label')} state={state} rows={4} />
            <SubmitButton>{t('practices.transfers.stageForm.submit')}</SubmitButton>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="assessments">
        <h2 id="assessments">{t('practices.transfers.assessment.heading')}</h2>
        <p>{t('practices.transfers.assessment.intro')}</p>
        {transfer.assessments.length === 0 ? (
          <p>{t('practices.transfers.assessment.none')}</p>
        ) : (
          <DataTable
            caption={t('practices.transfers.assessment.caption')}
            head={
              <tr>
                <th scope="col">{t('practices.transfers.assessment.assessor')}</th>
                {assessmentCriteria.map((criterion) => (
                  <th scope="col" class="numeric" key={criterion}>
                    {t(`practices.transfers.assessment.criteria.${criterion}`)}
                  </th>
                ))}
              </tr>
            }
          >
            {transfer.assessments.map((assessment, index) => (
              <tr key={index}>
                <th scope="row">{assessment.assessor}</th>
                {assessmentCriteria.map((criterion) => (
                  <td class="numeric" key={criterion}>
                    {assessment.scores[criterion]}
                    {assessment.comments[criterion] ? <p class="table__note">{assessment.comments[criterion]}</p> : null}
                  </td>
                ))}
              </tr>
            ))}
            {transfer.averages ? (
              <tr class="table__total">
                <th scope="row">{t('practices.transfers.assessment.average', { count: transfer.assessments.length })}</th>
                {assessmentCriteria.map((criterion) => (
                  <td class="numeric" key={criterion}>
                    <strong>{transfer.averages?.[criterion]}</strong>
                  </td>
                ))}
              </tr>
            ) : null}
          </DataTable>
        )}
        {mayAssess ? (
          <ButtonLink href={`/transfers/${transfer.id}/assessment`} variant="secondary">
            {t('practices.transfers.assessment.fill')}
          </ButtonLink>
        ) : null}
      </section>
    </Layout>
  );
}
