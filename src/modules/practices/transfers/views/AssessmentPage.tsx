/** A visitor's transferability assessment: four criteria, each scored 1 (poor) to 5 (excellent) with a comment. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { assessmentCriteria } from '../../schema.js';
import type { Transfer } from '../service.js';

export function AssessmentPage({ transfer, state }: { transfer: Transfer; state: FormState }) {
  const { t } = useView();
  const title = t('practices.transfers.assessment.formTitle', { practice: transfer.practiceTitle });
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/transfers/${transfer.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <p>{t('practices.transfers.assessment.formIntro')}</p>
      <Form action={`/transfers/${transfer.id}/assessment`}>
        {assessmentCriteria.map((criterion) => (
          <fieldset class="fieldset form-section" key={criterion}>
            <legend class="form-section__legend">{t(`practices.transfers.assessment.criteria.${criterion}`)}</legend>
            <p class="field__hint">{t(`practices.transfers.assessment.questions.${criterion}`)}</p>
            <RadioGroup
              name={`${criterion}Score`}
              legend={t('practices.transfers.assessment.score')}
              state={state}
              options={[1, 2, 3, 4, 5].map((score) => ({ value: String(score), label: t(`practices.transfers.assessment.scale.${score}`) }))}
            />
            <TextArea name={`${criterion}Comment`} label={t('practices.transfers.assessment.comment')} state={state} rows={3} />
          </fieldset>
        ))}
        <SubmitButton>{t('practices.transfers.assessment.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
