/** The feedback form an attendee's link opens after the event. */
import type { FormState } from '../../../../core/validation/forms.js';
import { CheckboxGroup, ErrorSummary, Form, RadioGroup, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { FeedbackForm } from '../service.js';

export function FeedbackPage({ token, form, state }: { token: string; form: FeedbackForm; state?: FormState | undefined }) {
  const { t } = useView();
  const title = t('events.feedback.title', { title: form.eventTitle });
  const scale = [1, 2, 3, 4, 5].map((score) => ({ value: String(score), label: t(`events.feedback.scale.${score}`) }));
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <ErrorSummary state={state} />
      <PageHeading caption={t('events.feedback.caption')}>{form.eventTitle}</PageHeading>
      <p>{t('events.feedback.intro')}</p>
      <Form action={`/registrations/${token}/feedback`}>
        <RadioGroup name="satisfaction" legend={t('events.feedback.satisfaction.legend')} state={state} options={scale} />
        <RadioGroup name="usefulness" legend={t('events.feedback.usefulness.legend')} state={state} options={scale} />
        <RadioGroup
          name="capacityIncreased"
          legend={t('events.feedback.capacityIncreased.legend')}
          hint={t('events.feedback.capacityIncreased.hint')}
          state={state}
          options={[
            { value: 'yes', label: t('events.feedback.yes') },
            { value: 'no', label: t('events.feedback.no') },
          ]}
        />
        <TextArea
          name="capacityDetails"
          label={t('events.feedback.capacityDetails.label')}
          hint={t('events.feedback.capacityDetails.hint')}
          state={state}
          rows={4}
        />
        {form.practices.length ? (
          <CheckboxGroup
            name="practiceIds"
            legend={t('events.feedback.practiceIds.legend')}
            hint={t('events.feedback.practiceIds.hint')}
            state={state}
            options={form.practices.map((practice) => ({ value: String(practice.id), label: practice.title }))}
          />
        ) : null}
        <SubmitButton>{t('events.feedback.submit')}</SubmitButton>
      </Form>
    </Layout>
  );
}
