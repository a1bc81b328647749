/** Creating or editing a programme's facts. */
import { localeNames, locales } from '../../../core/i18n/locales.js';
import type { FormState } from '../../../core/validation/forms.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextArea, TextField } from '../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../core/views/components/ui.js';
import { useView } from '../../../core/views/context.js';
import { Layout } from '../../../core/views/Layout.js';
import type { Programme } from '../service.js';

export function ProgrammeFormPage({ programme, state }: { programme?: Programme; state?: FormState }) {
  const { t, locale } = useView();
  const title = programme ? t('programmes.form.editTitle', { acronym: programme.acronym }) : t('programmes.form.createTitle');
  return (
    <Layout title={title} hasErrors={Boolean(state?.errors.length)}>
      <BackLink href={programme ? `/programmes/${programme.id}` : '/programmes'}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading>{title}</PageHeading>
      <Form action={programme ? `/programmes/${programme.id}` : '/programmes'}>
        <TextField name="acronym" label={t('programmes.form.acronym.label')} value={programme?.acronym} state={state} width="short" />
        <TextField name="title" label={t('programmes.form.title.label')} value={programme?.title} state={state} />
        <TextField
          name="slug"
          label={t('programmes.form.slug.label')}
          hint={t('programmes.form.slug.hint')}
          value={programme?.slug}
          state={state}
          width="medium"
          spellcheck={false}
        />
        <TextArea name="summary" label={t('programmes.form.summary.label')} value={programme?.summary} state={state} rows={6} />
        <SelectField
          name="textLanguage"
          label={t('programmes.form.textLanguage.label')}
          hint={t('programmes.form.textLanguage.hint')}
          // A new programme is most likely written in the language its author reads the platform in, as for events.
          value={programme?.textLanguage ?? locale}
          state={state}
          // Each language in its own name, as the practice and instrument forms and the language switcher give them.
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <TextField
          name="startsOn"
          type="date"
          label={t('programmes.form.startsOn.label')}
          hint={t('common.dateHint')}
          value={programme?.startsOn}
          state={state}
          width="medium"
        />
        <TextField
          name="endsOn"
          type="date"
          label={t('programmes.form.endsOn.label')}
          hint={t('common.dateHint')}
          value={programme?.endsOn}
          state={state}
          width="medium"
        />
        <SubmitButton>{programme ? t('common.actions.saveChanges') : t('programmes.form.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}
