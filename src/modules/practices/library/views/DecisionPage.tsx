/** The coordinator's review (publish or return with comments) and the partner's decision on a stakeholder's proposal. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import type { Practice, TransitionName } from '../service.js';

/** `choices` are the decisions open from the practice's status (a published practice can only be returned). */
export function DecisionPage({
  kind,
  practice,
  choices,
  state,
}: {
  kind: 'review' | 'proposal';
  practice: Practice;
  choices: TransitionName[];
  state?: FormState;
}) {
  const { t } = useView();
  const unpublishing = practice.status === 'published';
  const title = unpublishing ? t('practices.review.unpublishTitle', { title: practice.title }) : t(`practices.${kind}.title`, { title: practice.title });
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/practices/${practice.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <p>{unpublishing ? t('practices.review.unpublishIntro') : t(`practices.${kind}.intro`)}</p>
      <Form action={`/practices/${practice.id}/${kind}`}>
        <RadioGroup
          name="decision"
          legend={t(`practices.${kind}.decision.label`)}
          state={state}
          options={choices.map((choice) => ({ value: choice, label: t(`practices.${kind}.decisions.${choice}`) }))}
        />
        <TextArea name="comment" label={t(`practices.${kind}.comment.label`)} hint={t(`practices.${kind}.comment.hint`)} state={state} rows={5} />
        <SubmitButton>{t(`practices.${kind}.submit`)}</SubmitButton>
      </Form>
    </Layout>
  );
}
