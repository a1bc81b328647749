/** The coordinator's review (publish or return with comments) and the partner's decision on a stakeholder's proposal. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { transitionsUnder, type Practice } from '../service.js';

export function DecisionPage({ kind, practice, state }: { kind: 'review' | 'proposal'; practice: Practice; state?: FormState }) {
  const { t } = useView();
  const title = t(`practices.${kind}.title`, { title: practice.title });
  const choices = transitionsUnder(kind === 'review' ? 'practice.review' : 'practice.decide_proposal');
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/practices/${practice.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <p>{t(`practices.${kind}.intro`)}</p>
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
