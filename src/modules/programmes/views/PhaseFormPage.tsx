/** Adding or editing a phase of a programme. */
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField } from '../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Phase, Programme } from '../service.js';

export function PhaseFormPage({ programme, phase, state }: { programme: Programme; phase?: Phase; state?: FormState }) {
  const { t } = useView();
  const title = phase ? t('programmes.phase.editTitle', { number: phase.number }) : t('programmes.phase.createTitle');
  const action = phase ? `/programmes/${programme.id}/phases/${phase.id}` : `/programmes/${programme.id}/phases`;
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={`/programmes/${programme.id}`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={programme.acronym}>{title}</PageHeading>
      <Form action={action}>
        <TextField
          name="number"
          label={t('programmes.phase.number.label')}
          value={phase ? String(phase.number) : ''}
          state={state}
          width="short"
          inputMode="numeric"
        />
        <TextField name="name" label={t('programmes.phase.name.label')} value={phase?.name} state={state} />
        <TextArea name="description" label={t('programmes.phase.description.label')} value={phase?.description} state={state} rows={4} />
        <TextField
          name="startsOn"
          type="date"
          label={t('programmes.phase.startsOn.label')}
          hint={t('programmes.phase.datesHint', { start: programme.startsOn, end: programme.endsOn })}
          value={phase?.startsOn}
          state={state}
          width="medium"
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('programmes.phase.endsOn.label')}
          hint={t('common.dateHint')}
          value={phase?.endsOn}
          state={state}
          width="medium"
        />
        <SubmitButton>{phase ? t('common.actions.saveChanges') : t('programmes.phase.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}
