/** Recording or changing one of a partner's learning needs. */
import type { FormState } from '../../../../core/validation/forms.js';
import { ErrorSummary, Form, SelectField, SubmitButton, TextArea } from '../../../../core/views/components/forms.js';
import { BackLink, PageHeading } from '../../../../core/views/components/ui.js';
import { useView } from '../../../../core/views/context.js';
import { Layout } from '../../../../core/views/Layout.js';
import { themeName, type Theme } from '../../../themes/service.js';

export function NeedFormPage({
  partner,
  needId,
  themes,
  state,
}: {
  partner: { id: number; name: string };
  needId?: number;
  themes: Theme[];
  state: FormState;
}) {
  const { t, locale } = useView();
  const title = needId ? t('practices.needs.form.editTitle') : t('practices.needs.form.createTitle');
  return (
    <Layout title={title} hasErrors={state.errors.length > 0}>
      <BackLink href={`/partners/${partner.id}#learning-needs`}>{t('common.actions.back')}</BackLink>
      <ErrorSummary state={state} />
      <PageHeading caption={partner.name}>{title}</PageHeading>
      <Form action={needId ? `/learning-needs/${needId}` : `/partners/${partner.id}/learning-needs`}>
        <SelectField
          name="themeCode"
          label={t('practices.needs.form.themeCode.label')}
          state={state}
          placeholder={t('common.choose')}
          options={themes.filter((theme) => !theme.retired).map((theme) => ({ value: theme.code, label: themeName(theme, locale) }))}
        />
        <TextArea
          name="description"
          label={t('practices.needs.form.description.label')}
          hint={t('practices.needs.form.description.hint')}
          state={state}
          rows={4}
        />
        <SubmitButton>{needId ? t('common.actions.saveChanges') : t('practices.needs.form.create')}</SubmitButton>
      </Form>
    </Layout>
  );
}
